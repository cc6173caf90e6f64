/**
 * Findings whose attacker-controlled text (titles, descriptions, tags, network owner names,
 * DNS names, city names, user agents, process names and command lines, file paths and object
 * keys, attack sequence actors, endpoints and indicators) is HTML and script. Real findings carry such text because
 * attackers choose their hostnames, user agents and WHOIS records; the UI must show it as text.
 */
import type { Finding, RemoteIpDetails } from '../../../src/guardduty';
import { jsonCopy } from '../json';
import { attackSequence, type SequenceContext } from './attack-sequences';
import { FINDING_TYPES } from './finding-types';

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
  'bad0c0de000000000000000000000007',
  'bad0c0de000000000000000000000008',
  'bad0c0de000000000000000000000009',
  'bad0c0de00000000000000000000000a',
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

type Json = Record<string, unknown>;
const records = (v: unknown): Json[] => (Array.isArray(v) ? (v as Json[]) : []);

export function attackerTextFindings({ build, ...context }: SequenceContext): Finding[] {
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
    make(6, 'Execution:Runtime/SuspiciousCommand', (f) => {
      const runtime = f.service!.runtimeDetails as { process: Json & { lineage: Json[] }; context: Json };
      runtime.process.name = SCRIPT;
      runtime.process.executablePath = `/tmp/${IMG}`;
      runtime.process.lineage[0].name = SVG;
      runtime.process.lineage[0].executablePath = `/usr/bin/${JS_URL}`;
      runtime.context.commandLineExample = `curl -s '${JS_URL}' | sh -c "echo '${SCRIPT}' > /var/www/index.html" ${IMG}`;
      runtime.context.scriptPath = `/tmp/${SVG}.sh`;
      (f.resource!.containerDetails as Json).image = `registry.example/${IMG}:latest`;
    }),
    make(7, 'Execution:EC2/MaliciousFile', (f) => {
      const scan = f.service!.ebsVolumeScanDetails as { scanDetections: { threatDetectedByName: { threatNames: { filePaths: Json[] }[] } } };
      const path = scan.scanDetections.threatDetectedByName.threatNames[0].filePaths[0];
      path.filePath = `/var/www/html/uploads/${IMG}.php`;
      path.fileName = `${IMG}.php`;
      f.description = `Malware found in /var/www/html/uploads/${IMG}.php ${SCRIPT}`;
    }),
    make(8, 'Object:S3/MaliciousFile', (f) => {
      const scan = f.service!.malwareScanDetails as { threats: { itemPaths: Json[] }[] };
      scan.threats[0].itemPaths[0].nestedItemPath = `${SVG}/invoice.pdf.exe`;
      const object = records((f.resource!.s3BucketDetails?.[0] as Json | undefined)?.s3ObjectDetails)[0];
      object.key = `uploads/${SCRIPT}.pdf`;
      object.objectArn = `${String(object.objectArn).split('/')[0]}/uploads/${SCRIPT}.pdf`;
    }),
    ...hostileSequence(context, build),
  ];
}

/** An attack sequence (with its members) whose actors, endpoints, indicators and texts are HTML and script. */
function hostileSequence(context: Omit<SequenceContext, 'build'>, build: SequenceContext['build']): Finding[] {
  const [sequence, ...members] = attackSequence({ ...context, build }, 'IAM/CompromisedCredentials', { id: ATTACKER_TEXT_FINDING_IDS[9] });
  const detail = (sequence.service!.detection as { sequence: Json }).sequence;
  detail.description = `${SVG} ${IMG}`;
  const actor = records(detail.actors)[0];
  actor.user = { ...(actor.user as Json), name: SCRIPT };
  actor.process = { name: IMG, path: `/tmp/${SVG}`, sha256: JS_URL };
  const endpoint = records(detail.endpoints)[0];
  endpoint.domain = `${SVG}.example`;
  endpoint.location = { ...(endpoint.location as Json), city: IMG };
  endpoint.autonomousSystem = { ...(endpoint.autonomousSystem as Json), name: JS_URL };
  const signal = records(detail.signals)[0];
  signal.description = `${IMG} ${SCRIPT}`;
  const indicators = records(detail.sequenceIndicators);
  const agents = indicators.find((i) => i.key === 'SUSPICIOUS_USER_AGENT');
  if (agents) agents.values = [...(agents.values as string[]), `${SCRIPT} ${JS_URL}`];
  else indicators.push({ key: 'SUSPICIOUS_USER_AGENT', values: [`${SCRIPT} ${JS_URL}`], title: IMG });
  records(detail.resources)[0].name = SVG;
  sequence.title = `Potential credential compromise of ${SCRIPT} indicated by a sequence of actions.`;
  return [sequence, ...members];
}
