import { KeyValue, KeyValueList } from '../../components/KeyValueList';
import type { NetworkInterface } from '../../guardduty';
import { GenericFields, GenericValue } from './Generic';
import { Field, Value } from './Field';
import { CopyButton } from '../../components/CopyButton';
import { SubSection } from './Section';

const SHOWN = [
  'networkInterfaceId', 'privateIpAddress', 'privateDnsName', 'privateIpAddresses', 'publicIp', 'publicDnsName', 'ipv6Addresses',
  'subnetId', 'vpcId', 'securityGroups',
];

/**
 * One network interface of the instance: addresses, subnet, VPC, security groups. A card of its
 * own when the instance has several; the section's body when it has one.
 */
export function NetworkInterfaceCard({ nic, index, count }: { nic: NetworkInterface; index: number; count: number }) {
  const fields = (
    <KeyValueList>
      <Field label="Interface ID" value={nic.networkInterfaceId} name="networkInterfaceId" />
      <Field label="Private IP" value={nic.privateIpAddress} name="privateIpAddress" />
      <Field label="Private DNS" value={nic.privateDnsName} name="privateDnsName" />
      {nic.privateIpAddresses && nic.privateIpAddresses.length > 0 && (
        <KeyValue label="Private IP addresses">
          <ul className="value-list">
            {nic.privateIpAddresses.map((p, i) => (
              <li key={i}>
                <Value value={p.privateIpAddress} mono />
                {p.privateIpAddress && <CopyButton value={p.privateIpAddress} label="private IP address" />}
                {p.privateDnsName !== undefined && (
                  <>
                    {' '}
                    <Value value={p.privateDnsName} />
                  </>
                )}
              </li>
            ))}
          </ul>
        </KeyValue>
      )}
      <Field label="Public IP" value={nic.publicIp} name="publicIp" copy />
      <Field label="Public DNS" value={nic.publicDnsName} name="publicDnsName" />
      {nic.ipv6Addresses !== undefined && (
        <KeyValue label="IPv6 addresses">
          <GenericValue value={nic.ipv6Addresses} name="ipv6Addresses" />
        </KeyValue>
      )}
      <Field label="Subnet ID" value={nic.subnetId} name="subnetId" />
      <Field label="VPC ID" value={nic.vpcId} name="vpcId" />
      {nic.securityGroups && nic.securityGroups.length > 0 && (
        <KeyValue label="Security groups">
          <table className="detail-table">
            <caption className="visually-hidden">Security groups</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">ID</th>
              </tr>
            </thead>
            <tbody>
              {nic.securityGroups.map((g, i) => (
                <tr key={i}>
                  <td><Value value={g.groupName} /></td>
                  <td>
                    <Value value={g.groupId} mono />
                    {g.groupId && <CopyButton value={g.groupId} label="security group ID" />}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </KeyValue>
      )}
      <GenericFields value={nic} skip={SHOWN} />
    </KeyValueList>
  );
  if (count === 1) return fields;
  return <SubSection title={nic.networkInterfaceId ?? `Interface ${index + 1}`}>{fields}</SubSection>;
}
