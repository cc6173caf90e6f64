import { describe, expect, it } from 'vitest';
import type { Finding } from '../../guardduty';
import { parseCsv } from '../../../e2e/helpers/csv';
import { CSV_COLUMNS, findingsToCsv, findingsToJson, neutraliseCell } from './export';

const finding: Finding = {
  id: 'f1',
  title: '=HYPERLINK("http://evil","click")',
  type: 'Recon:EC2/PortProbeUnprotectedPort',
  severity: 5,
  accountId: '123456789012',
  region: 'us-east-1',
  resource: { resourceType: 'Instance', instanceDetails: { instanceId: 'i-1' } },
  service: {
    count: 3,
    archived: false,
    action: { actionType: 'NETWORK_CONNECTION', networkConnectionAction: { remoteIpDetails: { ipAddressV4: '198.51.100.7', country: { countryName: '+Land' } } } },
  },
  description: 'line one\nline "two"',
};

describe('export', () => {
  it('JSON keeps the exact API objects', () => {
    expect(JSON.parse(findingsToJson([finding]))).toEqual([finding]);
  });

  it('neutralises formula-looking cells', () => {
    for (const s of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx']) expect(neutraliseCell(s).startsWith("'")).toBe(true);
    expect(neutraliseCell('plain')).toBe('plain');
  });

  it('CSV flattens key columns, quotes and neutralises text', () => {
    const rows = parseCsv(findingsToCsv([finding]));
    expect(rows[0]).toEqual(CSV_COLUMNS.map((c) => c.header));
    const rec = Object.fromEntries(rows[0].map((h, i) => [h, rows[1][i]]));
    expect(rec.id).toBe('f1');
    expect(rec.title).toBe(`'=HYPERLINK("http://evil","click")`);
    expect(rec.remoteCountry).toBe("'+Land");
    expect(rec.severity).toBe('5');
    expect(rec.severityBand).toBe('Medium');
    expect(rec.resource).toBe('i-1');
    expect(rec.remoteIp).toBe('198.51.100.7');
    expect(rec.count).toBe('3');
    expect(rec.archived).toBe('false');
    expect(rows).toHaveLength(2);
  });
});

describe('remote IP columns', () => {
  const record = (f: Finding) => {
    const rows = parseCsv(findingsToCsv([f]));
    return Object.fromEntries(rows[0].map((h, i) => [h, rows[1][i]]));
  };

  it("names a port probe's first remote IP, IPv6 when it has no IPv4", () => {
    const probe: Finding = {
      id: 'probe',
      service: { action: { actionType: 'PORT_PROBE', portProbeAction: { portProbeDetails: [{ localPortDetails: { port: 22 } }, { remoteIpDetails: { ipAddressV6: '2001:db8::5', country: { countryName: 'Chile' } } }] } } },
    };
    expect(record(probe)).toMatchObject({ remoteIp: '2001:db8::5', remoteCountry: 'Chile' });
  });
});
