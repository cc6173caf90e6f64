import { describe, expect, it } from 'vitest';
import { formatExactUtc, formatValue, humanize, isCopyable } from './format';

describe('formatValue', () => {
  it('writes null as a dash, booleans as Yes/No, numbers plainly', () => {
    expect(formatValue(null)).toBe('—');
    expect(formatValue(false)).toBe('No');
    expect(formatValue(true)).toBe('Yes');
    expect(formatValue(0, 'lat')).toBe('0');
    expect(formatValue(1067, 'port')).toBe('1067');
    expect(formatValue('-1', 'asn')).toBe('-1');
  });
  it('writes timestamps exactly in UTC, whatever form GuardDuty used', () => {
    expect(formatValue('2018-02-09T22:57:31.927Z', 'eventFirstSeen')).toBe('2018-02-09 22:57:31.927 UTC');
    expect(formatValue('2016-08-02T02:05:06Z', 'launchTime')).toBe('2016-08-02 02:05:06 UTC');
    expect(formatValue(1513612691.551, 'createdAt')).toBe('2017-12-18 15:58:11.551 UTC');
    expect(formatValue('not a time', 'createdAt')).toBe('not a time');
    expect(formatExactUtc('garbage')).toBeUndefined();
  });
  it('writes severities with one decimal, as the console does', () => {
    expect(formatValue(2, 'severity')).toBe('2.0');
    expect(formatValue('HIGH', 'severity')).toBe('HIGH');
  });
});

describe('humanize', () => {
  it('labels unknown properties readably', () => {
    expect(humanize('eksClusterDetails')).toBe('EKS cluster details');
    expect(humanize('ipAddressV4')).toBe('IP address v4');
    expect(humanize('kmsMasterKeyArn')).toBe('KMS master key ARN');
    expect(humanize('allowsPublicReadAccess')).toBe('Allows public read access');
    expect(humanize('executableSha256')).toBe('Executable SHA-256');
    expect(humanize('sourceIPs')).toBe('Source IPs');
    expect(humanize('HTTPServer')).toBe('HTTP server');
  });
});

describe('isCopyable', () => {
  it('offers copying for IDs, IPs, ARNs and hashes', () => {
    expect(isCopyable('instanceId', 'i-1')).toBe(true);
    expect(isCopyable('whatever', 'arn:aws:s3:::bucket')).toBe(true);
    expect(isCopyable('ipAddressV4', '1.2.3.4')).toBe(true);
    expect(isCopyable('userName', 'bob')).toBe(false);
    expect(isCopyable('instanceId', '')).toBe(false);
  });
});
