import { KeyValue, KeyValueList } from '../../components/KeyValueList';
import type { InstanceDetails, ProductCode } from '../../guardduty';
import { GenericFields, TagTable } from './Generic';
import { Field, Value } from './Field';
import { NetworkInterfaceCard } from './NetworkInterfaceCard';
import { Section } from './Section';

const SHOWN = [
  'instanceId', 'instanceType', 'instanceState', 'launchTime', 'platform', 'availabilityZone', 'imageId', 'imageDescription',
  'iamInstanceProfile', 'outpostArn', 'productCodes', 'tags', 'networkInterfaces',
];

/** Product codes: real findings send productCodeId/productCodeType, the spec page code/productType. */
function ProductCodes({ codes }: { codes: ProductCode[] }) {
  return (
    <table className="detail-table">
      <caption className="visually-hidden">Product codes</caption>
      <thead>
        <tr>
          <th scope="col">Code</th>
          <th scope="col">Type</th>
        </tr>
      </thead>
      <tbody>
        {codes.map((c, i) => (
          <tr key={i}>
            <td><Value value={c.productCodeId ?? c.code} mono /></td>
            <td><Value value={c.productCodeType ?? c.productType} /></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The EC2 instance the finding is about, and its network interfaces (one card each). */
export function InstanceSection({ instance }: { instance: InstanceDetails }) {
  const profile = instance.iamInstanceProfile;
  const interfaces = instance.networkInterfaces ?? [];
  return (
    <>
      <Section title="Instance">
        <KeyValueList>
          <Field label="Instance ID" value={instance.instanceId} name="instanceId" pivot="instance" copy />
          <Field label="Instance type" value={instance.instanceType} name="instanceType" />
          <Field label="State" value={instance.instanceState} name="instanceState" />
          <Field label="Launched" value={instance.launchTime} name="launchTime" />
          <Field label="Platform" value={instance.platform} name="platform" />
          <Field label="Availability zone" value={instance.availabilityZone} name="availabilityZone" />
          <Field label="Image ID" value={instance.imageId} name="imageId" copy />
          <Field label="Image description" value={instance.imageDescription} name="imageDescription" />
          <Field label="Outpost ARN" value={instance.outpostArn} name="outpostArn" />
          <Field label="Instance profile ARN" value={profile?.arn} name="arn" copy />
          <Field label="Instance profile ID" value={profile?.id} name="id" copy />
          {profile && <GenericFields value={profile as Record<string, unknown>} skip={['arn', 'id']} />}
          {instance.productCodes && instance.productCodes.length > 0 && (
            <KeyValue label="Product codes">
              <ProductCodes codes={instance.productCodes} />
            </KeyValue>
          )}
          <GenericFields value={instance} skip={SHOWN} />
        </KeyValueList>
        {instance.tags && instance.tags.length > 0 && (
          <>
            <h3 className="detail-subhead">Tags</h3>
            <TagTable tags={instance.tags} caption="Instance tags" />
          </>
        )}
      </Section>
      {interfaces.length > 0 && (
        <Section title={interfaces.length === 1 ? 'Network interface' : `Network interfaces (${interfaces.length})`}>
          {interfaces.length === 1 ? (
            <NetworkInterfaceCard nic={interfaces[0]} index={0} count={1} />
          ) : (
            <div className="nic-grid">
              {interfaces.map((nic, i) => (
                <NetworkInterfaceCard key={nic.networkInterfaceId ?? i} nic={nic} index={i} count={interfaces.length} />
              ))}
            </div>
          )}
        </Section>
      )}
    </>
  );
}
