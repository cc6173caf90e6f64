/**
 * Entry point: `node dist-server/main.js [--source demo|aws] [--port N] [--host H]`.
 * Parses the configuration (refusing to start on any mistake), picks the source, listens,
 * and shuts down cleanly on SIGTERM/SIGINT.
 */
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { createApp } from './app';
import { ConfigError, parseConfig, type ServerConfig } from './config';
import { listen } from './listen';
import { stdoutLogger } from './log';
import { createAwsRegional, createDemoRegional } from './sources/regional';

/** dist/ next to this file's directory: right for both server/main.ts (tsx) and dist-server/main.js. */
const STATIC_DIR = fileURLToPath(new URL('../dist', import.meta.url));
const FORCED_EXIT_MS = 5_000;

function loadConfig(): ServerConfig {
  try {
    return parseConfig(process.argv.slice(2), process.env, STATIC_DIR);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`Findings Atlas: ${error.message}\n`);
    process.exit(2);
  }
}

/** The default region's source and every covered region's (the aws source per region, or the demo's emulators). */
const createSources = (config: ServerConfig) =>
  config.source === 'aws'
    ? createAwsRegional({ defaultRegion: config.region!, regions: config.regions, endpoint: config.endpoint })
    : createDemoRegional({ regions: config.regions, workers: config.emulatorWorkers });

function describe(config: ServerConfig, address: AddressInfo): string {
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const source = config.source === 'aws' ? `aws (${config.region})` : 'demo';
  return `Findings Atlas on http://${host}:${address.port} — source: ${source}`;
}

const config = loadConfig();
const { source, regional } = createSources(config);
const { server, address } = await listen(createApp(config, source, regional).fetch, config).catch((error: NodeJS.ErrnoException) => {
  process.stderr.write(`Findings Atlas: cannot listen on ${config.host}:${config.port} (${error.code ?? error.message}).\n`);
  process.exit(1);
});
stdoutLogger(describe(config, address));

// aws: every covered region's detector is discovered now, in the background (cached for minutes),
// so that the browser's first page costs ListFindings + GetFindings in sequence, not ListDetectors
// before them: one upstream round trip less to the first rows (bench/latency.ts). Failures are
// region statuses, asked again soon; nothing here can stop the server.
if (config.source === 'aws') void regional.service.listRegions().catch(() => undefined);

function shutDown() {
  // close() waits for open connections; idle keep-alive ones are closed now, busy ones get a grace period.
  server.close(() => process.exit(0));
  server.closeIdleConnections();
  setTimeout(() => process.exit(0), FORCED_EXIT_MS).unref();
}
process.once('SIGTERM', shutDown);
process.once('SIGINT', shutDown);
