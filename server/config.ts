/**
 * Server configuration from the command line and the environment. Every mistake is reported as
 * one ConfigError naming the setting, so `main.ts` can refuse to start with a one-line message.
 */
import { parseArgs } from 'node:util';
import { guardDutyRegions, orderRegions, partitionOf } from '../src/guardduty/regions';

export type SourceName = 'demo' | 'aws';

export interface TileConfig {
  url: string;
  attribution: string;
}

export interface ServerConfig {
  source: SourceName;
  port: number;
  host: string;
  /** Required on non-loopback binds; when set, every request must present it (cookie or Bearer). */
  token: string | null;
  /** Host names (without port) accepted in the Host header, loopback names included. */
  allowedHosts: string[];
  tiles: TileConfig | null;
  /** AWS region (aws source only). */
  region: string | null;
  /** Custom GuardDuty endpoint, possibly with a base path (aws source only). */
  endpoint: string | null;
  /**
   * The regions /api/regions covers, the default region (AWS_REGION; us-east-1 in demo) first
   * (FINDINGS_ATLAS_REGIONS; default: every GuardDuty region of the default region's partition).
   */
  regions: string[];
  /** The built SPA (dist/). */
  staticDir: string;
  /**
   * Demo source: worker threads running the emulator (FINDINGS_ATLAS_EMULATOR_WORKERS); 0 runs it
   * on the main thread (as the dev server's MSW does); null picks from the machine's cores.
   */
  emulatorWorkers: number | null;
}

export class ConfigError extends Error {}

export const DEFAULT_PORT = 8787;
export const DEFAULT_HOST = '127.0.0.1';
const LOOPBACK_HOST_NAMES = ['localhost', '127.0.0.1', '[::1]'];
const MIN_TOKEN_LENGTH = 16;

export function isLoopbackAddress(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h);
}

const isWildcardAddress = (host: string) => ['0.0.0.0', '::', '[::]'].includes(host);

/** `::1` is written `[::1]` in a Host header; other names and IPv4 addresses as-is. */
const asHostHeaderName = (host: string) => (host.includes(':') && !host.startsWith('[') ? `[${host}]` : host).toLowerCase();

function parseSource(value: string, setting: string): SourceName {
  if (value === 'demo' || value === 'aws') return value;
  throw new ConfigError(`${setting} must be 'demo' or 'aws' (got '${value}').`);
}

function parsePort(value: string, setting: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) throw new ConfigError(`${setting} must be a port number 0-65535 (got '${value}').`);
  return port;
}

function parseAllowedHosts(value: string | undefined): string[] {
  const hosts = (value ?? '').split(',').map((h) => h.trim().toLowerCase()).filter(Boolean);
  for (const host of hosts) {
    if (!/^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)$/.test(host)) {
      throw new ConfigError(`FINDINGS_ATLAS_ALLOWED_HOSTS takes host names without scheme, port or path (got '${host}').`);
    }
  }
  return hosts;
}

function parseHttpUrl(value: string, setting: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`${setting} must be an absolute http(s) URL (got '${value}').`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new ConfigError(`${setting} must be an http(s) URL (got '${value}').`);
  if (url.username || url.password) throw new ConfigError(`${setting} must not contain credentials.`);
  return url;
}

const LEADING_SUBDOMAIN_PLACEHOLDER = /^(https?:\/\/)\{s\}\./i;

/**
 * The CSP source for a Leaflet tile URL template: its origin, with a leading `{s}` subdomain
 * placeholder as the CSP wildcard (`https://{s}.tiles.example/{z}/{x}/{y}.png` → `https://*.tiles.example`).
 */
export function tileSource(tileUrl: string): string {
  const origin = new URL(tileUrl.replace(LEADING_SUBDOMAIN_PLACEHOLDER, '$1s.')).origin;
  return LEADING_SUBDOMAIN_PLACEHOLDER.test(tileUrl) ? origin.replace('://s.', '://*.') : origin;
}

function parseTiles(env: NodeJS.ProcessEnv): TileConfig | null {
  const url = env.FINDINGS_ATLAS_TILE_URL?.trim();
  const attribution = env.FINDINGS_ATLAS_TILE_ATTRIBUTION?.trim() ?? '';
  if (!url) {
    if (attribution) throw new ConfigError('FINDINGS_ATLAS_TILE_ATTRIBUTION is set but FINDINGS_ATLAS_TILE_URL is not.');
    return null;
  }
  // Leaflet's `{s}` subdomain placeholder may lead the host; the rest of the host must be literal.
  const host = parseHttpUrl(url.replace(LEADING_SUBDOMAIN_PLACEHOLDER, '$1s.'), 'FINDINGS_ATLAS_TILE_URL').host;
  if (/[{}]/.test(decodeURIComponent(host))) {
    throw new ConfigError(`FINDINGS_ATLAS_TILE_URL may use placeholders in its path and {s} as the first host label only (got '${url}').`);
  }
  return { url, attribution };
}

function parseEndpoint(env: NodeJS.ProcessEnv): string | null {
  const [setting, value] = env.AWS_ENDPOINT_URL_GUARDDUTY
    ? ['AWS_ENDPOINT_URL_GUARDDUTY', env.AWS_ENDPOINT_URL_GUARDDUTY]
    : ['AWS_ENDPOINT_URL', env.AWS_ENDPOINT_URL];
  if (!value) return null;
  const url = parseHttpUrl(value.trim(), setting);
  if (url.search || url.hash) throw new ConfigError(`${setting} must not contain a query or fragment.`);
  return url.href.replace(/\/+$/, '');
}

function parseRegion(env: NodeJS.ProcessEnv): string {
  const region = (env.AWS_REGION || env.AWS_DEFAULT_REGION || '').trim();
  if (!region) throw new ConfigError('AWS_REGION (or AWS_DEFAULT_REGION) is required with --source aws.');
  // The region becomes part of the endpoint host name.
  if (!/^[a-z]{2}(-[a-z0-9]+)+$/.test(region)) throw new ConfigError(`AWS_REGION is not a region name (got '${region}').`);
  return region;
}

/** The demo's default region (the emulator's DEMO and SCALE detectors live there). */
export const DEMO_REGION = 'us-east-1';

/** FINDINGS_ATLAS_REGIONS: `all` (default) or a comma list of region names of the default region's partition. */
export function parseRegions(value: string | undefined, defaultRegion: string): string[] {
  const text = (value ?? '').trim();
  if (text === '' || text.toLowerCase() === 'all') return orderRegions(defaultRegion, guardDutyRegions(defaultRegion));
  const partition = partitionOf(defaultRegion)?.partition;
  const names = text.split(',').map((r) => r.trim()).filter(Boolean);
  for (const name of names) {
    const of = partitionOf(name);
    if (!of) throw new ConfigError(`FINDINGS_ATLAS_REGIONS takes region names or 'all' (got '${name}').`);
    if (of.partition !== partition) throw new ConfigError(`FINDINGS_ATLAS_REGIONS: ${name} is not in the partition of ${defaultRegion} (${partition}).`);
  }
  return orderRegions(defaultRegion, names);
}

export const MAX_EMULATOR_WORKERS = 16;

/** FINDINGS_ATLAS_EMULATOR_WORKERS: `auto` (default) or a whole number 0-16. */
function parseEmulatorWorkers(value: string | undefined): number | null {
  const text = (value ?? '').trim().toLowerCase();
  if (text === '' || text === 'auto') return null;
  if (!/^\d+$/.test(text) || Number(text) > MAX_EMULATOR_WORKERS) {
    throw new ConfigError(`FINDINGS_ATLAS_EMULATOR_WORKERS must be 'auto' or a whole number 0-${MAX_EMULATOR_WORKERS} (got '${value}').`);
  }
  return Number(text);
}

function parseToken(env: NodeJS.ProcessEnv, host: string): string | null {
  // Set but blank is a mistake (an empty secret in a deployment template), not "no token".
  if (env.FINDINGS_ATLAS_TOKEN !== undefined && env.FINDINGS_ATLAS_TOKEN.trim() === '') {
    throw new ConfigError('FINDINGS_ATLAS_TOKEN is set but blank: set it to a long random secret, or unset it (only possible on loopback).');
  }
  // Bearer tokens are compared after trimming, so surrounding whitespace could never match.
  if (env.FINDINGS_ATLAS_TOKEN !== undefined && env.FINDINGS_ATLAS_TOKEN !== env.FINDINGS_ATLAS_TOKEN.trim()) {
    throw new ConfigError('FINDINGS_ATLAS_TOKEN starts or ends with whitespace: remove it.');
  }
  const token = env.FINDINGS_ATLAS_TOKEN ?? null;
  if (token === null && !isLoopbackAddress(host)) {
    throw new ConfigError(`FINDINGS_ATLAS_TOKEN is required to listen on ${host} (not loopback): set it to a long random secret.`);
  }
  if (token !== null && token.length < MIN_TOKEN_LENGTH) {
    throw new ConfigError(`FINDINGS_ATLAS_TOKEN must be at least ${MIN_TOKEN_LENGTH} characters.`);
  }
  return token;
}

function parseCommandLine(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      options: { source: { type: 'string' }, port: { type: 'string' }, host: { type: 'string' } },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    throw new ConfigError(`${(error as Error).message} (usage: [--source demo|aws] [--port N] [--host H])`);
  }
}

export function parseConfig(argv: string[], env: NodeJS.ProcessEnv, staticDir: string): ServerConfig {
  const args = parseCommandLine(argv);
  const source = args.source !== undefined
    ? parseSource(args.source, '--source')
    : parseSource(env.FINDINGS_ATLAS_SOURCE || 'demo', 'FINDINGS_ATLAS_SOURCE');
  const port = args.port !== undefined ? parsePort(args.port, '--port') : parsePort(env.PORT || String(DEFAULT_PORT), 'PORT');
  const host = (args.host ?? (env.HOST || DEFAULT_HOST)).trim();
  if (!host || /[\s/]/.test(host)) throw new ConfigError(`${args.host !== undefined ? '--host' : 'HOST'} must be an address or host name (got '${host}').`);

  const region = source === 'aws' ? parseRegion(env) : null;
  const boundName = isWildcardAddress(host) ? [] : [asHostHeaderName(host)];
  const allowedHosts = [...new Set([...LOOPBACK_HOST_NAMES, ...boundName, ...parseAllowedHosts(env.FINDINGS_ATLAS_ALLOWED_HOSTS)])];

  return {
    source,
    port,
    host,
    token: parseToken(env, host),
    allowedHosts,
    tiles: parseTiles(env),
    region: source === 'aws' ? region : null,
    endpoint: source === 'aws' ? parseEndpoint(env) : null,
    regions: parseRegions(env.FINDINGS_ATLAS_REGIONS, region ?? DEMO_REGION),
    staticDir,
    emulatorWorkers: parseEmulatorWorkers(env.FINDINGS_ATLAS_EMULATOR_WORKERS),
  };
}
