import { describe, expect, it } from 'vitest';
import { ConfigError, isLoopbackAddress, parseConfig } from './config';

const TOKEN = 'a-long-random-token-123456';
const parse = (argv: string[] = [], env: NodeJS.ProcessEnv = {}) => parseConfig(argv, env, '/srv/dist');
const refusal = (argv: string[], env: NodeJS.ProcessEnv = {}) => {
  try {
    parse(argv, env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).not.toContain('\n');
    return message;
  }
  throw new Error('expected a ConfigError');
};

describe('config', () => {
  it('defaults to demo on 127.0.0.1:8787 without a token', () => {
    expect(parse()).toEqual({
      source: 'demo',
      port: 8787,
      host: '127.0.0.1',
      token: null,
      allowedHosts: ['localhost', '127.0.0.1', '[::1]'],
      tiles: null,
      region: null,
      endpoint: null,
      regions: expect.arrayContaining(['us-east-1', 'eu-west-1', 'ap-east-1', 'sa-east-1']) as unknown as string[],
      staticDir: '/srv/dist',
      emulatorWorkers: null,
    });
  });

  it('FINDINGS_ATLAS_EMULATOR_WORKERS: auto (default), or a whole number 0-16', () => {
    expect(parse([], { FINDINGS_ATLAS_EMULATOR_WORKERS: 'auto' }).emulatorWorkers).toBeNull();
    expect(parse([], { FINDINGS_ATLAS_EMULATOR_WORKERS: ' 0 ' }).emulatorWorkers).toBe(0);
    expect(parse([], { FINDINGS_ATLAS_EMULATOR_WORKERS: '3' }).emulatorWorkers).toBe(3);
    for (const bad of ['-1', '1.5', 'two', '17']) {
      expect(() => parse([], { FINDINGS_ATLAS_EMULATOR_WORKERS: bad })).toThrow(/FINDINGS_ATLAS_EMULATOR_WORKERS must be 'auto' or a whole number 0-16/);
    }
  });

  it('covers every GuardDuty region of the partition by default (botocore data), the default region first, then alphabetically', () => {
    const { regions } = parse([], {});
    expect(regions[0]).toBe('us-east-1');
    expect(regions.slice(1)).toEqual([...regions.slice(1)].sort());
    expect(regions.length).toBeGreaterThanOrEqual(30);
    expect(regions.filter((r) => r.includes('fips') || r.startsWith('cn-') || r.startsWith('us-gov-'))).toEqual([]);
    expect(parse([], { FINDINGS_ATLAS_REGIONS: 'all' }).regions).toEqual(regions);
    const aws = parse(['--source', 'aws'], { AWS_REGION: 'eu-west-1', FINDINGS_ATLAS_REGIONS: ' us-west-2, eu-central-1 ,eu-west-1' });
    expect(aws.regions).toEqual(['eu-west-1', 'eu-central-1', 'us-west-2']);
    expect(parse(['--source', 'aws'], { AWS_REGION: 'cn-north-1' }).regions).toEqual(['cn-north-1', 'cn-northwest-1']);
  });

  it.each([
    ['us-east-1,evil.example/x', /FINDINGS_ATLAS_REGIONS takes region names/],
    ['us-east-1,cn-north-1', /not in the partition of us-east-1/],
    ['EU-WEST-1', /FINDINGS_ATLAS_REGIONS takes region names/],
  ])('refuses FINDINGS_ATLAS_REGIONS=%s', (value, message) => {
    expect(() => parse([], { FINDINGS_ATLAS_REGIONS: value })).toThrow(message);
  });

  it('stays demo even when AWS settings are present', () => {
    expect(parse([], { AWS_REGION: 'eu-west-1', AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE' }).source).toBe('demo');
  });

  it('takes flags over environment variables', () => {
    const config = parse(['--source', 'aws', '--port=9000', '--host', 'localhost'], {
      FINDINGS_ATLAS_SOURCE: 'demo',
      PORT: '1234',
      HOST: '10.0.0.1',
      AWS_REGION: 'eu-west-1',
    });
    expect(config).toMatchObject({ source: 'aws', port: 9000, host: 'localhost', region: 'eu-west-1', endpoint: null });
  });

  it('reads FINDINGS_ATLAS_SOURCE, PORT, HOST, AWS_DEFAULT_REGION and the endpoint with its base path', () => {
    const config = parse([], {
      FINDINGS_ATLAS_SOURCE: 'aws',
      PORT: '0',
      AWS_DEFAULT_REGION: 'us-west-2',
      AWS_ENDPOINT_URL: 'http://127.0.0.1:4566/',
      AWS_ENDPOINT_URL_GUARDDUTY: 'https://proxy.example.com/guardduty/',
    });
    expect(config).toMatchObject({ source: 'aws', port: 0, region: 'us-west-2', endpoint: 'https://proxy.example.com/guardduty' });
    expect(parse([], { FINDINGS_ATLAS_SOURCE: 'aws', AWS_REGION: 'us-west-2', AWS_ENDPOINT_URL: 'http://127.0.0.1:4566' }).endpoint).toBe('http://127.0.0.1:4566');
  });

  it('requires a token off loopback, and adds the bound address and configured hosts to the allow-list', () => {
    expect(refusal(['--host', '0.0.0.0'])).toMatch(/FINDINGS_ATLAS_TOKEN is required to listen on 0\.0\.0\.0/);
    expect(refusal(['--host', '192.168.1.5'])).toMatch(/FINDINGS_ATLAS_TOKEN/);
    expect(refusal(['--host', '0.0.0.0'], { FINDINGS_ATLAS_TOKEN: 'short' })).toMatch(/FINDINGS_ATLAS_TOKEN must be at least 16/);
    const config = parse(['--host', '192.168.1.5'], { FINDINGS_ATLAS_TOKEN: TOKEN, FINDINGS_ATLAS_ALLOWED_HOSTS: ' Atlas.Example.com , 10.0.0.7' });
    expect(config.token).toBe(TOKEN);
    expect(config.allowedHosts).toEqual(['localhost', '127.0.0.1', '[::1]', '192.168.1.5', 'atlas.example.com', '10.0.0.7']);
    expect(parse(['--host', '::'], { FINDINGS_ATLAS_TOKEN: TOKEN }).allowedHosts).toEqual(['localhost', '127.0.0.1', '[::1]']);
  });

  it.each([
    ['empty', ''],
    ['spaces', '                    '],
    ['a tab and a newline', '\t\n'],
  ])('refuses a blank token (%s), on loopback too', (_name, blank) => {
    for (const argv of [['--host', '0.0.0.0'], []]) {
      expect(refusal(argv, { FINDINGS_ATLAS_TOKEN: blank })).toBe(
        'FINDINGS_ATLAS_TOKEN is set but blank: set it to a long random secret, or unset it (only possible on loopback).',
      );
    }
  });

  it('refuses a token with surrounding whitespace (a Bearer header could never match it)', () => {
    expect(refusal(['--host', '0.0.0.0'], { FINDINGS_ATLAS_TOKEN: ` ${TOKEN}\n` })).toMatch(/FINDINGS_ATLAS_TOKEN starts or ends with whitespace/);
  });

  it('treats 127.0.0.0/8, ::1 and localhost as loopback', () => {
    expect(['127.0.0.1', '127.1.2.3', '::1', '[::1]', 'localhost'].every(isLoopbackAddress)).toBe(true);
    expect(['0.0.0.0', '::', '10.0.0.1', 'example.com'].some(isLoopbackAddress)).toBe(false);
  });

  it('reads the optional tile layer', () => {
    const tiles = { url: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png', attribution: '© OpenStreetMap contributors' };
    expect(parse([], { FINDINGS_ATLAS_TILE_URL: tiles.url, FINDINGS_ATLAS_TILE_ATTRIBUTION: tiles.attribution }).tiles).toEqual(tiles);
  });

  it("accepts Leaflet's {s} subdomain placeholder but no placeholder elsewhere in the host", () => {
    const url = 'https://{s}.tiles.example.org/{z}/{x}/{y}.png';
    expect(parse([], { FINDINGS_ATLAS_TILE_URL: url }).tiles?.url).toBe(url);
    expect(() => parse([], { FINDINGS_ATLAS_TILE_URL: 'https://tiles.{s}.example.org/{z}/{x}/{y}.png' })).toThrow(/\{s\} as the first host label/);
  });

  it.each([
    [['--source', 'prod'], {}, /--source must be 'demo' or 'aws'/],
    [[], { FINDINGS_ATLAS_SOURCE: 'AWS' }, /FINDINGS_ATLAS_SOURCE must be 'demo' or 'aws'/],
    [['--port', '70000'], {}, /--port must be a port number/],
    [[], { PORT: 'eighty' }, /PORT must be a port number/],
    [['--verbose'], {}, /Unknown option '--verbose'/],
    [['--source', 'aws'], {}, /AWS_REGION \(or AWS_DEFAULT_REGION\) is required/],
    [['--source', 'aws'], { AWS_REGION: 'evil.com/x' }, /AWS_REGION is not a region name/],
    [['--source', 'aws'], { AWS_REGION: 'us-east-1', AWS_ENDPOINT_URL_GUARDDUTY: 'localhost:4566' }, /AWS_ENDPOINT_URL_GUARDDUTY must be an/],
    [['--source', 'aws'], { AWS_REGION: 'us-east-1', AWS_ENDPOINT_URL: 'ftp://x' }, /AWS_ENDPOINT_URL must be an http/],
    [[], { FINDINGS_ATLAS_TILE_URL: 'javascript:alert(1)' }, /FINDINGS_ATLAS_TILE_URL must be an http/],
    [[], { FINDINGS_ATLAS_TILE_ATTRIBUTION: 'x' }, /FINDINGS_ATLAS_TILE_ATTRIBUTION is set but FINDINGS_ATLAS_TILE_URL is not/],
    [[], { FINDINGS_ATLAS_ALLOWED_HOSTS: 'https://atlas.example.com' }, /FINDINGS_ATLAS_ALLOWED_HOSTS takes host names/],
  ] as const)('refuses %j %j with a message naming the setting', (argv, env, message) => {
    expect(refusal([...argv], env)).toMatch(message);
  });
});
