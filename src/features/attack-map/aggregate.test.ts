import { describe, expect, it } from 'vitest';
import type { Finding, RemoteIpDetails } from '../../guardduty';
import { aggregateFindings, aggregatePages, compareIps, findingsBySeverity, locatedIpOfFinding, topTypes } from './aggregate';

const remote = (ip: string, lat?: number, lon?: number, extra: Partial<RemoteIpDetails> = {}): RemoteIpDetails => ({
  ipAddressV4: ip,
  ...(lat !== undefined && lon !== undefined ? { geoLocation: { lat, lon } } : {}),
  ...extra,
});

const nc = (id: string, severity: number, ip: RemoteIpDetails, more: Partial<Finding> = {}): Finding => ({
  id,
  severity,
  type: 'Recon:EC2/PortProbeUnprotectedPort',
  service: { action: { actionType: 'NETWORK_CONNECTION', networkConnectionAction: { remoteIpDetails: ip } }, eventFirstSeen: '2024-01-01T00:00:00Z', eventLastSeen: '2024-01-02T00:00:00Z' },
  ...more,
});

describe('aggregateFindings', () => {
  it('aggregates network-connection, API-call and every port-probe IP per address', () => {
    const findings: Finding[] = [
      nc('a', 8, remote('198.51.100.1', 52.5, 13.4, { country: { countryName: 'Germany' }, city: { cityName: 'Berlin' }, organization: { asn: '64500', asnOrg: 'Example AS', org: 'Example Org', isp: 'Example ISP' } })),
      {
        id: 'b',
        severity: 5,
        type: 'UnauthorizedAccess:IAMUser/ConsoleLogin',
        service: { action: { actionType: 'AWS_API_CALL', awsApiCallAction: { api: 'ConsoleLogin', remoteIpDetails: remote('198.51.100.1', 52.5, 13.4) } }, eventFirstSeen: '2023-12-01T00:00:00Z', eventLastSeen: '2024-02-01T00:00:00.500Z' },
      },
      {
        id: 'c',
        severity: 2,
        type: 'Recon:EC2/Portscan',
        service: {
          action: {
            actionType: 'PORT_PROBE',
            portProbeAction: {
              portProbeDetails: [
                { remoteIpDetails: remote('203.0.113.7', 35.7, 139.7, { country: { countryCode: 'JP' } }) },
                { remoteIpDetails: remote('203.0.113.8', -33.9, 151.2) },
                // The same IP twice in one finding counts the finding once.
                { remoteIpDetails: remote('203.0.113.7', 35.7, 139.7) },
              ],
            },
          },
        },
      },
    ];
    const data = aggregateFindings(findings);
    expect(data.findingCount).toBe(3);
    expect(data.findingsWithIp).toBe(3);
    expect(data.located.map((p) => p.ip).sort()).toEqual(['198.51.100.1', '203.0.113.7', '203.0.113.8']);

    const berlin = data.byIp.get('198.51.100.1')!;
    expect(berlin.findings.map((f) => f.id)).toEqual(['a', 'b']);
    expect(berlin.maxSeverity).toBe(8);
    expect(berlin.bandCounts).toEqual({ low: 0, medium: 1, high: 1, critical: 0 });
    expect(topTypes(berlin)).toEqual([
      { type: 'Recon:EC2/PortProbeUnprotectedPort', count: 1 },
      { type: 'UnauthorizedAccess:IAMUser/ConsoleLogin', count: 1 },
    ]);
    expect(berlin.countries).toEqual(['Germany']);
    expect(berlin.cities).toEqual(['Berlin']);
    expect(berlin.organizations).toEqual([{ org: 'Example Org', asn: '64500', asnOrg: 'Example AS', isp: 'Example ISP' }]);
    expect(berlin.firstSeen).toBe(Date.UTC(2023, 11, 1));
    expect(berlin.lastSeen).toBe(Date.UTC(2024, 1, 1, 0, 0, 0, 500));
    expect(berlin.location).toEqual({ lat: 52.5, lon: 13.4 });

    const tokyo = data.byIp.get('203.0.113.7')!;
    expect(tokyo.findings.map((f) => f.id)).toEqual(['c']);
    expect(tokyo.bandCounts.low).toBe(1);
    expect(tokyo.countries).toEqual(['JP']);
  });

  it('counts a finding repeated across pages once', () => {
    const f = nc('a', 3, remote('192.0.2.1', 10, 10));
    const data = aggregateFindings([f, { ...f }, f]);
    expect(data.findingCount).toBe(1);
    expect(data.byIp.get('192.0.2.1')!.findings).toHaveLength(1);
  });

  it('keeps 0,0, missing and out-of-range locations off the map, with the reason', () => {
    const data = aggregateFindings([
      nc('sample', 5, remote('198.51.100.5', 0, 0)),
      nc('none', 5, remote('198.51.100.6')),
      nc('far', 5, remote('198.51.100.7', 123, 45)),
      nc('bad', 5, { ipAddressV4: '198.51.100.8', geoLocation: { lat: Number.NaN, lon: 3 } }),
      nc('ok', 5, remote('198.51.100.9', 0, 45)),
    ]);
    expect(data.located.map((p) => p.ip)).toEqual(['198.51.100.9']);
    const reasons = Object.fromEntries(data.unknown.map((p) => [p.ip, p.problem]));
    expect(reasons).toEqual({ '198.51.100.5': 'null-island', '198.51.100.6': 'missing', '198.51.100.7': 'out-of-range', '198.51.100.8': 'missing' });
    for (const p of data.unknown) expect(p.location).toBeUndefined();
  });

  it('takes a location from any finding that has one', () => {
    const data = aggregateFindings([nc('a', 5, remote('192.0.2.9', 0, 0)), nc('b', 5, remote('192.0.2.9', 48.8, 2.3))]);
    expect(data.byIp.get('192.0.2.9')!.location).toEqual({ lat: 48.8, lon: 2.3 });
    expect(data.byIp.get('192.0.2.9')!.problem).toBeUndefined();
    expect(data.unknown).toHaveLength(0);
  });

  it('ignores actions without a remote address and findings without actions', () => {
    const data = aggregateFindings([
      { id: 'dns', severity: 5, service: { action: { actionType: 'DNS_REQUEST', dnsRequestAction: { domain: 'example.com' } } } },
      nc('noip', 5, { geoLocation: { lat: 1, lon: 1 } }),
      nc('blank', 5, { ipAddressV4: '  ' }),
      { id: 'bare' },
    ]);
    expect(data.findingCount).toBe(4);
    expect(data.findingsWithIp).toBe(0);
    expect(data.byIp.size).toBe(0);
  });

  it('leaves Kubernetes API call and RDS login attempt IPs off the map: the Remote IP filter cannot follow them', () => {
    const data = aggregateFindings([
      { id: 'k8s', severity: 8, type: 'Discovery:Kubernetes/SuccessfulAnonymousAccess', service: { action: { actionType: 'KUBERNETES_API_CALL', kubernetesApiCallAction: { verb: 'list', remoteIpDetails: remote('192.0.2.10', 10, 20) } } } },
      { id: 'rds', severity: 5, type: 'CredentialAccess:RDS/AnomalousBehavior.FailedLogin', service: { action: { actionType: 'RDS_LOGIN_ATTEMPT', rdsLoginAttemptAction: { remoteIpDetails: remote('192.0.2.10', 10, 20) } } } },
    ]);
    expect(data.findingCount).toBe(2);
    expect(data.findingsWithIp).toBe(0);
    expect(data.byIp.size).toBe(0);
  });

  it('uses IPv6 addresses when there is no IPv4 one', () => {
    const data = aggregateFindings([nc('v6', 5, { ipAddressV6: '2001:db8::1', geoLocation: { lat: 1, lon: 2 } })]);
    expect(data.located[0].ip).toBe('2001:db8::1');
  });

  it('orders findings by severity and keeps attacker text as data', () => {
    const evil = '<img src=x onerror=alert(1)>';
    const data = aggregateFindings([
      nc('low', 2, remote('192.0.2.2', 1, 1)),
      nc('crit', 9.5, remote('192.0.2.2', 1, 1, { organization: { org: evil } }), { type: evil }),
      nc('none', Number.NaN, remote('192.0.2.2', 1, 1)),
    ]);
    const p = data.byIp.get('192.0.2.2')!;
    expect(findingsBySeverity(p).map((f) => f.id)).toEqual(['crit', 'low', 'none']);
    expect(p.maxSeverity).toBe(9.5);
    expect(p.bandCounts).toEqual({ low: 1, medium: 0, high: 0, critical: 1 });
    expect(p.organizations[0].org).toBe(evil);
    expect(topTypes(p).map((t) => t.type)).toContain(evil);
  });

  it('finds the IP a finding is drawn at, preferring a located one', () => {
    const located = nc('a', 5, remote('192.0.2.30', 10, 10));
    const probe: Finding = {
      id: 'p',
      service: { action: { portProbeAction: { portProbeDetails: [{ remoteIpDetails: remote('192.0.2.31') }, { remoteIpDetails: remote('192.0.2.30', 10, 10) }] } } },
    };
    const data = aggregateFindings([located, probe]);
    expect(locatedIpOfFinding(probe, data)?.ip).toBe('192.0.2.30');
    expect(locatedIpOfFinding(undefined, data)).toBeUndefined();
  });

  it('sorts IPs by highest severity, then finding count', () => {
    const data = aggregateFindings([
      nc('1', 5, remote('192.0.2.1', 1, 1)),
      nc('2', 5, remote('192.0.2.2', 1, 1)),
      nc('3', 5, remote('192.0.2.2', 1, 1)),
      nc('4', 9, remote('192.0.2.3', 1, 1)),
    ]);
    expect([...data.located].sort(compareIps).map((p) => p.ip)).toEqual(['192.0.2.3', '192.0.2.2', '192.0.2.1']);
  });

  it('memoises per cache pages array', () => {
    const pages = [{ findings: [nc('a', 5, remote('192.0.2.1', 1, 1))] }];
    expect(aggregatePages(pages)).toBe(aggregatePages(pages));
    expect(aggregatePages([...pages])).not.toBe(aggregatePages(pages));
    expect(aggregatePages(undefined).findingCount).toBe(0);
  });

  it('aggregates appended pages incrementally, with the same result as from scratch', () => {
    const page = (ids: number[]) => ({ findings: ids.map((i) => nc(`f${i}`, 1 + (i % 9), remote(`192.0.2.${i % 7}`, i % 7 === 3 ? 0 : 10 + (i % 7), 10))) });
    const p1 = page([1, 2, 3, 4]);
    const p2 = page([5, 6, 7, 4]);
    const p3 = page([8, 9, 10, 11, 12]);
    const first = aggregatePages([p1]);
    expect(first.findingCount).toBe(4);
    const grown = aggregatePages([p1, p2, p3]);
    const scratch = aggregateFindings([...p1.findings, ...p2.findings, ...p3.findings]);
    const summary = (d: typeof scratch) => ({
      counts: [d.findingCount, d.findingsWithIp],
      located: d.located.map((p) => [p.ip, p.findings.map((f) => f.id), p.maxSeverity, p.bandCounts, p.location]),
      unknown: d.unknown.map((p) => [p.ip, p.problem, p.findings.length]),
    });
    expect(summary(grown)).toEqual(summary(scratch));
    // Another list (not an extension) starts over.
    const other = aggregatePages([p2]);
    expect(other.findingCount).toBe(4);
    expect(summary(aggregatePages([p2, p3]))).toEqual(summary(aggregateFindings([...p2.findings, ...p3.findings])));
  });
});

describe('attack sequence endpoints', () => {
  const sequence = (id: string, endpoints: unknown[]): Finding => ({
    id,
    severity: 9.2,
    type: 'AttackSequence:IAM/CompromisedCredentials',
    service: { detection: { sequence: { uid: 'u', description: 'd', signals: [], endpoints } }, eventFirstSeen: '2024-01-01T00:00:00Z', eventLastSeen: '2024-01-02T00:00:00Z' },
  });

  it('maps the endpoints of a sequence with their location and autonomous system, and finds the sequence by them', () => {
    const seq = sequence('s', [
      { id: 'e1', ip: '198.51.100.23', location: { city: 'Frankfurt am Main', country: 'Germany', lat: 50.11, lon: 8.68 }, autonomousSystem: { name: 'Example Transit', number: 64500 } },
      { id: 'e2', ip: '2001:db8::1', location: { city: 'X', country: 'Y', lat: 0, lon: 0 } },
      { id: 'e3', domain: 'no-ip.example' },
      null,
    ]);
    const data = aggregateFindings([seq, nc('a', 3, remote('198.51.100.23', 50.11, 8.68))]);
    const hit = data.byIp.get('198.51.100.23')!;
    expect(hit.location).toEqual({ lat: 50.11, lon: 8.68 });
    expect(hit.findings.map((f) => f.id)).toEqual(['s', 'a']);
    expect(hit.maxSeverity).toBe(9.2);
    expect(hit.cities).toEqual(['Frankfurt am Main']);
    expect(hit.organizations[0]).toMatchObject({ asn: '64500', asnOrg: 'Example Transit' });
    // 0,0 is not drawn: listed as location unknown.
    expect(data.unknown.map((u) => u.ip)).toEqual(['2001:db8::1']);
    expect(locatedIpOfFinding(seq, data)?.ip).toBe('198.51.100.23');
  });
});
