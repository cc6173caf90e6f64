/**
 * Playwright's global setup: builds once, then serves that build for every spec.
 *
 * Both builds run here, before any test and side by side: the app (`npm run build`: dist/ and
 * dist-server/, which the server serves and e2e/bundle.spec.ts measures) and, only when the run
 * includes e2e/static-demo.spec.ts, the static demo (`npm run build:demo`: dist-demo/). Then the
 * server starts on the config's baseURL in demo mode and stops when the run ends.
 *
 * E2E_NO_BUILD=1 reuses the builds already on disk. Outside CI a server already answering on the
 * port is reused as it is (like Playwright's reuseExistingServer).
 */
import type { FullConfig } from '@playwright/test';
import { spawn } from 'node:child_process';
import { once } from 'node:events';

function npmRun(script: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', script], { stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`npm run ${script} exited with ${code}`))));
  });
}

const answers = (url: string) => fetch(url).then((r) => r.ok, () => false);

/** Whether this run may include the static demo: unless the command line names spec files and it is not one of them. */
function staticDemoNeeded(): boolean {
  const args = process.argv.slice(process.argv.indexOf('test') + 1);
  const specs = args.filter((a) => !a.startsWith('-') && /\.spec\.ts$|^e2e[\\/]/.test(a));
  return specs.length === 0 || specs.some((a) => a.includes('static-demo'));
}

export default async function globalSetup(config: FullConfig): Promise<() => Promise<void>> {
  const baseURL = config.projects[0].use.baseURL!;
  const health = `${baseURL}/healthz`;
  const reuse = !process.env.CI && (await answers(health));
  if (!process.env.E2E_NO_BUILD) {
    await Promise.all([reuse ? undefined : npmRun('build'), staticDemoNeeded() ? npmRun('build:demo') : undefined]);
  }
  if (reuse) return async () => {};

  const server = spawn(process.execPath, ['dist-server/main.js', '--port', new URL(baseURL).port], { stdio: ['ignore', 'ignore', 'inherit'] });
  const exited = once(server, 'exit').then(([code]) => {
    throw new Error(`the e2e server exited with ${code} before it answered ${health}`);
  });
  // The server answers within a second; the limit only bounds a server that never comes up.
  const deadline = Date.now() + 30_000;
  const up = (async () => {
    while (!(await answers(health))) {
      if (Date.now() > deadline) throw new Error(`the e2e server did not answer ${health} within 30 s`);
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  try {
    await Promise.race([up, exited]);
  } catch (error) {
    server.kill();
    throw error;
  }
  exited.catch(() => {});
  return async () => {
    if (server.exitCode === null) {
      server.kill();
      await once(server, 'exit');
    }
  };
}
