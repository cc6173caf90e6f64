import { describe, expect, it } from 'vitest';
import { demoFindings } from '../../mocks/emulator';
import type { Finding } from './finding';
import { actionTypeOfKey, primaryRemoteIp, remoteIpAddress, remoteIpSightings } from './remote-ip';

const demo = demoFindings();
const finding = (service: Record<string, unknown>, more: Partial<Finding> = {}): Finding => ({ id: 'f', service, ...more }) as Finding;
const ofAction = (type: string) => demo.filter((f) => f.service?.action?.actionType === type);

/** Every RemoteIpDetails object in a finding, found by walking its JSON (independent of the reader under test). */
function detailsIn(value: unknown, path = '', out: { path: string; value: unknown }[] = []) {
  if (Array.isArray(value)) value.forEach((v, i) => detailsIn(v, `${path}[${i}]`, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const p = path ? `${path}.${k}` : k;
      if (k === 'remoteIpDetails') out.push({ path: p, value: v });
      else detailsIn(v, p, out);
    }
  }
  return out;
}

describe('remoteIpSightings on the demo findings', () => {
  it('reads every remote IP details object of every finding, with the path it sits at', () => {
    let total = 0;
    for (const f of demo) {
      const expected = detailsIn(f);
      const actual = remoteIpSightings(f).filter((s) => s.source !== 'SEQUENCE_ENDPOINT');
      expect(actual.map((s) => s.path).sort()).toEqual(expected.map((e) => e.path).sort());
      for (const s of actual) expect(s.details).toBe(expected.find((e) => e.path === s.path)!.value);
      total += actual.length;
    }
    expect(total).toBeGreaterThan(100);
  });

  it.each([
    ['NETWORK_CONNECTION', 'networkConnectionAction'],
    ['AWS_API_CALL', 'awsApiCallAction'],
    ['PORT_PROBE', 'portProbeAction'],
    ['KUBERNETES_API_CALL', 'kubernetesApiCallAction'],
    ['RDS_LOGIN_ATTEMPT', 'rdsLoginAttemptAction'],
  ])('names the action type of %s findings and their address', (type, key) => {
    const findings = ofAction(type);
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) {
      const sightings = remoteIpSightings(f).filter((s) => s.actionType);
      expect(sightings.length).toBeGreaterThan(0);
      for (const s of sightings) {
        expect(s.actionType).toBe(type);
        expect(s.path.startsWith(`service.action.${key}.`)).toBe(true);
        expect(s.ip).toBe(s.details.ipAddressV4 ?? s.details.ipAddressV6);
      }
    }
  });

  it('gives network connections their ports, protocol and direction, and each probe its local port', () => {
    for (const f of ofAction('NETWORK_CONNECTION')) {
      const nc = f.service!.action!.networkConnectionAction!;
      const [s] = remoteIpSightings(f);
      expect(s.remotePort).toEqual(nc.remotePortDetails);
      expect(s.localPort).toEqual(nc.localPortDetails);
      expect(s.protocol).toBe(nc.protocol);
      expect(s.direction).toBe(nc.connectionDirection);
    }
    for (const f of ofAction('PORT_PROBE')) {
      const probes = f.service!.action!.portProbeAction!.portProbeDetails!;
      const sightings = remoteIpSightings(f).filter((s) => s.actionType === 'PORT_PROBE');
      expect(sightings.map((s) => s.localPort)).toEqual(probes.filter((p) => p.remoteIpDetails).map((p) => p.localPortDetails));
    }
  });

  it("reads an attack sequence's endpoints as remote IP details", () => {
    const sequences = demo.filter((f) => Array.isArray((f.service?.detection as { sequence?: { endpoints?: unknown[] } })?.sequence?.endpoints));
    expect(sequences.length).toBeGreaterThan(0);
    for (const f of sequences) {
      const endpoints = (f.service!.detection as { sequence: { endpoints: { ip?: string; location?: { country?: string; lat?: number } }[] } }).sequence.endpoints;
      const sightings = remoteIpSightings(f).filter((s) => s.source === 'SEQUENCE_ENDPOINT');
      expect(sightings.map((s) => s.ip)).toEqual(endpoints.filter((e) => e.ip).map((e) => e.ip));
      for (const s of sightings) {
        const e = endpoints.find((x) => x.ip === s.ip)!;
        expect(s.actionType).toBeUndefined();
        expect(s.details.country?.countryName).toBe(e.location?.country);
        expect(s.details.geoLocation?.lat).toBe(e.location?.lat);
      }
    }
  });
});

describe('remoteIpSightings on hand-made shapes', () => {
  it('copes with no finding, no service, no action and wrong types', () => {
    expect(remoteIpSightings(undefined)).toEqual([]);
    expect(remoteIpSightings({ id: 'x' })).toEqual([]);
    expect(remoteIpSightings(finding({ action: null }))).toEqual([]);
    expect(remoteIpSightings(finding({ action: 'NETWORK_CONNECTION' }))).toEqual([]);
    expect(remoteIpSightings(finding({ action: { networkConnectionAction: { remoteIpDetails: 'x' } } }))).toEqual([]);
    expect(remoteIpSightings(finding({ action: { portProbeAction: { portProbeDetails: 'x' } } }))).toEqual([]);
    expect(remoteIpSightings(finding({ detection: { sequence: { endpoints: [null, 3, { ip: 7 }, { ip: '  ' }] } } }))).toEqual([]);
  });

  it('returns nothing for an empty probe list, and skips probes without remote details', () => {
    expect(remoteIpSightings(finding({ action: { actionType: 'PORT_PROBE', portProbeAction: { portProbeDetails: [] } } }))).toEqual([]);
    const s = remoteIpSightings(
      finding({ action: { portProbeAction: { portProbeDetails: [{ localPortDetails: { port: 22 } }, null, { remoteIpDetails: { ipAddressV4: '198.51.100.1' }, localPortDetails: { port: 3389 } }] } } }),
    );
    expect(s).toHaveLength(1);
    expect(s[0]).toMatchObject({ ip: '198.51.100.1', actionType: 'PORT_PROBE', path: 'service.action.portProbeAction.portProbeDetails[2].remoteIpDetails', localPort: { port: 3389 } });
  });

  it('reads IPv6-only details, trims the address, and keeps details without an address', () => {
    const v6 = remoteIpSightings(finding({ action: { awsApiCallAction: { remoteIpDetails: { ipAddressV6: ' 2001:db8::1 ' } } } }));
    expect(v6[0].ip).toBe('2001:db8::1');
    const none = remoteIpSightings(finding({ action: { awsApiCallAction: { remoteIpDetails: { country: { countryName: 'France' } } } } }));
    expect(none).toHaveLength(1);
    expect(none[0].ip).toBeUndefined();
    expect(none[0].details.country?.countryName).toBe('France');
    expect(remoteIpAddress({ ipAddressV4: '', ipAddressV6: '2001:db8::2' })).toBe('2001:db8::2');
    expect(remoteIpAddress(null)).toBeUndefined();
  });

  it('lists the declared action type first and reads action shapes it does not know', () => {
    const f = finding({
      action: {
        actionType: 'AWS_API_CALL',
        networkConnectionAction: { remoteIpDetails: { ipAddressV4: '192.0.2.1' } },
        awsApiCallAction: { remoteIpDetails: { ipAddressV4: '192.0.2.2' } },
        futureThingAction: { remoteIpDetails: { ipAddressV4: '192.0.2.3' } },
      },
    });
    expect(remoteIpSightings(f).map((s) => [s.ip, s.actionType])).toEqual([
      ['192.0.2.2', 'AWS_API_CALL'],
      ['192.0.2.1', 'NETWORK_CONNECTION'],
      ['192.0.2.3', 'FUTURE_THING'],
    ]);
    const declared = finding({ action: { actionType: 'NEW_KIND', newKindThing: { remoteIpDetails: { ipAddressV4: '192.0.2.4' } } } });
    expect(remoteIpSightings(declared).map((s) => s.actionType)).toEqual(['NEW_KIND']);
    expect(actionTypeOfKey('rdsLoginAttemptAction')).toBe('RDS_LOGIN_ATTEMPT');
    expect(actionTypeOfKey('kubernetesApiCallAction')).toBe('KUBERNETES_API_CALL');
  });

  it("primaryRemoteIp is the action's first address, else a sequence endpoint's", () => {
    const endpoints = { detection: { sequence: { endpoints: [{ ip: '203.0.113.9', location: { country: 'Peru' } }] } } };
    expect(primaryRemoteIp(finding({ ...endpoints, action: { rdsLoginAttemptAction: { remoteIpDetails: { ipAddressV4: '192.0.2.7' } } } }))?.ip).toBe('192.0.2.7');
    expect(primaryRemoteIp(finding(endpoints))).toMatchObject({ ip: '203.0.113.9', source: 'SEQUENCE_ENDPOINT', details: { ipAddressV4: '203.0.113.9', country: { countryName: 'Peru' } } });
    expect(primaryRemoteIp(finding({ action: { awsApiCallAction: { remoteIpDetails: {} } } }))).toBeUndefined();
  });
});
