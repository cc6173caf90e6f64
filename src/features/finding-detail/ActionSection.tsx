import { KeyValue, KeyValueList } from '../../components/KeyValueList';
import { CopyButton } from '../../components/CopyButton';
import type { Action, AwsApiCallAction, DnsRequestAction, LocalIpDetails, NetworkConnectionAction, PortDetails, PortProbeAction } from '../../guardduty';
import { GenericFields } from './Generic';
import { Field, Value } from './Field';
import { humanize } from './format';
import { PivotLink } from './links';
import { remoteParams } from './pivots';
import { RdsLoginAttempt } from './ResourceFamilies';
import { Section, SubSection } from './Section';

/** "3389 RDP": the number and GuardDuty's name for it. */
function Port({ port }: { port: PortDetails }) {
  return (
    <>
      <Value value={port.port} mono />
      {port.portName !== undefined && (
        <>
          {' '}
          <span className="port-name">
            <Value value={port.portName} />
          </span>
        </>
      )}
    </>
  );
}

function PortField({ label, port }: { label: string; port: PortDetails | undefined }) {
  if (!port) return null;
  return (
    <>
      <KeyValue label={label}>
        <Port port={port} />
      </KeyValue>
      <GenericFields value={port as Record<string, unknown>} skip={['port', 'portName']} />
    </>
  );
}

function LocalIpFields({ ip }: { ip: LocalIpDetails | undefined }) {
  if (!ip) return null;
  return (
    <>
      <Field label="Local IPv4" value={ip.ipAddressV4} name="ipAddressV4" />
      <Field label="Local IPv6" value={ip.ipAddressV6} name="ipAddressV6" />
      <GenericFields value={ip as Record<string, unknown>} skip={['ipAddressV4', 'ipAddressV6']} />
    </>
  );
}

function NetworkConnection({ action }: { action: NetworkConnectionAction }) {
  return (
    <KeyValueList>
      <Field label="Direction" value={action.connectionDirection} name="connectionDirection" />
      <Field label="Protocol" value={action.protocol} name="protocol" />
      <Field label="Blocked" value={action.blocked} name="blocked" />
      <PortField label="Local port" port={action.localPortDetails} />
      <LocalIpFields ip={action.localIpDetails} />
      <PortField label="Remote port" port={action.remotePortDetails} />
      <GenericFields
        value={action}
        skip={['connectionDirection', 'protocol', 'blocked', 'localPortDetails', 'localIpDetails', 'remotePortDetails', 'remoteIpDetails']}
      />
    </KeyValueList>
  );
}

function ApiCall({ action }: { action: AwsApiCallAction }) {
  const domain = action.domainDetails;
  return (
    <KeyValueList>
      <Field label="API" value={action.api} name="api" mono />
      <Field label="Service" value={action.serviceName} name="serviceName" />
      <Field label="Caller type" value={action.callerType} name="callerType" />
      <Field label="Domain" value={domain?.domain} name="domain" />
      {domain && <GenericFields value={domain as Record<string, unknown>} skip={['domain']} />}
      <Field label="Error code" value={action.errorCode} name="errorCode" />
      <Field label="User agent" value={action.userAgent} name="userAgent" />
      <GenericFields value={action} skip={['api', 'serviceName', 'callerType', 'domainDetails', 'errorCode', 'userAgent', 'remoteIpDetails']} />
    </KeyValueList>
  );
}

function DnsRequest({ action }: { action: DnsRequestAction }) {
  return (
    <KeyValueList>
      <Field label="Domain" value={action.domain} name="domain" pivot="domain" copy mono />
      <Field label="Domain with suffix" value={action.domainWithSuffix} name="domainWithSuffix" />
      <Field label="Protocol" value={action.protocol} name="protocol" />
      <Field label="Blocked" value={action.blocked} name="blocked" />
      <GenericFields value={action} skip={['domain', 'domainWithSuffix', 'protocol', 'blocked']} />
    </KeyValueList>
  );
}

function PortProbe({ action }: { action: PortProbeAction }) {
  const probes = action.portProbeDetails ?? [];
  const ipParam = remoteParams('PORT_PROBE').ip;
  return (
    <>
      <KeyValueList>
        <Field label="Blocked" value={action.blocked} name="blocked" />
        <GenericFields value={action} skip={['blocked', 'portProbeDetails']} />
      </KeyValueList>
      {probes.length > 0 && (
        <div className="table-scroll">
          <table className="detail-table probe-table">
            <caption>Probed ports ({probes.length})</caption>
            <thead>
              <tr>
                <th scope="col">Local port</th>
                <th scope="col">Local IP</th>
                <th scope="col">Remote IP</th>
                <th scope="col">Country</th>
              </tr>
            </thead>
            <tbody>
              {probes.map((probe, i) => {
                const ip = probe.remoteIpDetails?.ipAddressV4;
                return (
                  <tr key={i}>
                    <td>{probe.localPortDetails ? <Port port={probe.localPortDetails} /> : <Value value={null} />}</td>
                    <td><Value value={probe.localIpDetails?.ipAddressV4 ?? probe.localIpDetails?.ipAddressV6 ?? null} mono /></td>
                    <td>
                      <PivotLink param={ipParam} value={ip}>
                        <Value value={ip ?? probe.remoteIpDetails?.ipAddressV6 ?? null} mono />
                      </PivotLink>
                      {ip && <CopyButton value={ip} label="remote IP" />}
                    </td>
                    <td><Value value={probe.remoteIpDetails?.country?.countryName ?? null} /></td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

/** The activity behind the finding, by action type; unknown action types are shown generically. */
export function ActionSection({ action }: { action: Action }) {
  // Each action type's details are an object of their own; anything else is listed with the type.
  const parts = Object.entries(action).filter(([k, v]) => k !== 'actionType' && v !== null && typeof v === 'object' && !Array.isArray(v));
  return (
    <Section title="Action">
      <KeyValueList>
        <Field label="Action type" value={action.actionType} name="actionType" pivot="action" mono />
        <GenericFields value={action} skip={['actionType', ...parts.map(([k]) => k)]} />
      </KeyValueList>
      {parts.map(([key, value]) => {
        const obj = value as Record<string, unknown>;
        const one = parts.length === 1;
        switch (key) {
          case 'networkConnectionAction':
            return one ? <NetworkConnection key={key} action={obj} /> : <SubSection key={key} title="Network connection"><NetworkConnection action={obj} /></SubSection>;
          case 'awsApiCallAction':
            return one ? <ApiCall key={key} action={obj} /> : <SubSection key={key} title="AWS API call"><ApiCall action={obj} /></SubSection>;
          case 'dnsRequestAction':
            return one ? <DnsRequest key={key} action={obj} /> : <SubSection key={key} title="DNS request"><DnsRequest action={obj} /></SubSection>;
          case 'portProbeAction':
            return one ? <PortProbe key={key} action={obj} /> : <SubSection key={key} title="Port probe"><PortProbe action={obj} /></SubSection>;
          case 'rdsLoginAttemptAction':
            return one ? <RdsLoginAttempt key={key} action={obj} /> : <SubSection key={key} title="RDS login attempt"><RdsLoginAttempt action={obj} /></SubSection>;
          default:
            // Remote IP details of unknown action types get the remote IP section; the rest is listed here.
            return (
              <SubSection key={key} title={humanize(key)}>
                <KeyValueList>
                  <GenericFields value={obj} skip={['remoteIpDetails']} />
                </KeyValueList>
              </SubSection>
            );
        }
      })}
    </Section>
  );
}
