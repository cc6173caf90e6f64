/**
 * GET /healthz, defined once: the server (server/app.ts) and MSW (mocks/handlers.ts) answer with
 * `health()`, the SPA reads `Health` (src/api/client.ts), and `healthProblems()` checks an answer
 * against it (server/health.test.ts holds both answers to it). Pure TypeScript, no dependencies.
 */

type HealthSource = 'demo' | 'aws';

/** Map tiles from a configured raster tile server (FINDINGS_ATLAS_TILE_URL / _ATTRIBUTION). */
interface HealthTiles {
  url: string;
  /** May be empty; may contain HTML (shown as text). */
  attribution: string;
}

export interface Health {
  status: 'ok';
  /** Where /api answers come from: the built-in emulator (also under MSW) or GuardDuty. */
  source: HealthSource;
  /** The aws source's default region; null for demo data. */
  region: string | null;
  /** Always true: nothing is ever written to GuardDuty. */
  readOnly: true;
  /** Raster tiles for the attack map; null: the built-in world outline. */
  tiles: HealthTiles | null;
}

/** The one way to build a /healthz answer. */
export function health(fields: { source: HealthSource; region?: string | null; tiles?: HealthTiles | null }): Health {
  return { status: 'ok', source: fields.source, region: fields.region ?? null, readOnly: true, tiles: fields.tiles ?? null };
}

const FIELDS: readonly (keyof Health)[] = ['status', 'source', 'region', 'readOnly', 'tiles'];

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** What makes `value` (a parsed /healthz body) not a Health: missing, extra or mistyped fields. Empty when it is one. */
export function healthProblems(value: unknown): string[] {
  if (!isObject(value)) return ['not a JSON object'];
  const problems = Object.keys(value).filter((key) => !FIELDS.includes(key as keyof Health)).map((key) => `unexpected field ${key}`);
  if (value.status !== 'ok') problems.push(`status: expected 'ok', got ${JSON.stringify(value.status)}`);
  if (value.source !== 'demo' && value.source !== 'aws') problems.push(`source: expected 'demo' or 'aws', got ${JSON.stringify(value.source)}`);
  if (value.region !== null && typeof value.region !== 'string') problems.push(`region: expected a string or null, got ${JSON.stringify(value.region)}`);
  if (value.source === 'demo' && value.region !== null) problems.push('region: demo data has no region (null)');
  if (value.readOnly !== true) problems.push(`readOnly: expected true, got ${JSON.stringify(value.readOnly)}`);
  const { tiles } = value;
  if (tiles !== null && !(isObject(tiles) && typeof tiles.url === 'string' && typeof tiles.attribution === 'string' && Object.keys(tiles).length === 2)) {
    problems.push(`tiles: expected null or { url, attribution } strings, got ${JSON.stringify(tiles)}`);
  }
  return problems;
}
