/**
 * Findings whose attacker-controlled text (titles, descriptions, tags, network owner names,
 * DNS names, city names, user agents) is HTML and script. Real findings carry such text because
 * attackers choose their hostnames, user agents and WHOIS records; the UI must show it as text.
 */
import type { Finding, RemoteIpDetails } from '../../../src/guardduty';
import { jsonCopy } from '../json';
import { FINDING_TYPES } from './finding-types';
import type { FindingFactory } from './generate';

const IMG = '<img src=x onerror=alert(1)>';
const SCRIPT = '<script>alert(1)</script>';
const JS_URL = 'javascript:alert(1)';
const SVG = '"><svg onload=alert(1)>';

export const ATTACKER_TEXT_FINDING_IDS: readonly string[] = [
  'bad0c0de000000000000000000000001',
  'bad0c0de000000000000000000000002',
  'bad0c0de000000000000000000000003',
  'bad0c0de000000000000000000000004',
  'bad0c0de000000000000000000000005',
  'bad0c0de000000000000000000000006',
];

const typeNamed = (name: string) => {
  const type = FINDING_TYPES.find((t) => t.type === name);
  if (!type) throw new Error(`No finding type ${name}`);
  return type;
};

/** The attacker's network, placed in a real city so that the map draws (and must escape) it. */
function hostileNetwork(details: RemoteIpDetails | undefined): void {
  if (!details) return;
  details.organization = { asn: '64512', asnOrg: SVG, isp: JS_URL, org: SCRIPT };
  details.city = { cityName: IMG };
  details.geoLocation = { lat: 52.3676, lon: 4.9041 };
}

export function attackerTextFindings(build: FindingFactory): Finding[] {
  const make = (index: number, typeName: string, edit: (f: Finding) => void): Finding => {
    const finding = build(typeNamed(typeName));
    const id = ATTACKER_TEXT_FINDING_IDS[index];
    finding.arn = finding.arn?.replace(finding.id, id);
    finding.id = id;
    edit(finding);
    return finding;
  };
  return [
    make(0, 'UnauthorizedAccess:EC2/SSHBruteForce', (f) => {
      hostileNetwork(f.service?.action?.networkConnectionAction?.remoteIpDetails);
      f.title = `${SCRIPT} is performing SSH brute force attacks against ${IMG}.`;
    }),
    make(1, 'Backdoor:EC2/C&CActivity.B!DNS', (f) => {
      const domain = `${SVG}.c2.example`;
      f.service!.action!.dnsRequestAction!.domain = domain;
      f.description = `EC2 instance is querying ${domain}, a domain name associated with a known Command & Control server. ${JS_URL}`;
    }),
    make(2, 'PenTest:IAMUser/KaliLinux', (f) => {
      const call = f.service!.action!.awsApiCallAction!;
      call.userAgent = `${SCRIPT} ${JS_URL} [aws-cli/2.13.25 Linux/6.5.0-kali3-amd64]`;
      hostileNetwork(call.remoteIpDetails);
    }),
    make(3, 'Recon:EC2/PortProbeUnprotectedPort', (f) => {
      const instance = jsonCopy(f.resource!.instanceDetails!);
      instance.tags = [
        { key: 'Name', value: IMG },
        { key: JS_URL, value: SCRIPT },
        { key: 'Owner', value: SVG },
      ];
      f.resource!.instanceDetails = instance;
      for (const probe of f.service!.action!.portProbeAction!.portProbeDetails!) hostileNetwork(probe.remoteIpDetails);
    }),
    make(4, 'Trojan:EC2/DNSDataExfiltration', (f) => {
      f.title = `Data exfiltration through DNS queries ${IMG}`;
      f.description = `${SVG} ${SCRIPT} <a href="${JS_URL}">details</a>`;
    }),
    make(5, 'UnauthorizedAccess:EC2/TorClient', (f) => {
      hostileNetwork(f.service?.action?.networkConnectionAction?.remoteIpDetails);
      f.title = `EC2 instance is making connections to ${SVG}`;
      f.description = `${IMG} ${JS_URL}`;
    }),
  ];
}
