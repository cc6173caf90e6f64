import { KeyValueList } from '../../components/KeyValueList';
import type { AccessKeyDetails } from '../../guardduty';
import { GenericFields } from './Generic';
import { Field } from './Field';
import { Section } from './Section';

const SHOWN = ['accessKeyId', 'principalId', 'userType', 'userName'];

/** The IAM access key (and its user) that made the calls behind the finding. */
export function AccessKeySection({ accessKey }: { accessKey: AccessKeyDetails }) {
  return (
    <Section title="Access key">
      <KeyValueList>
        <Field label="Access key ID" value={accessKey.accessKeyId} name="accessKeyId" pivot="accessKey" copy />
        <Field label="Principal ID" value={accessKey.principalId} name="principalId" copy />
        <Field label="User type" value={accessKey.userType} name="userType" />
        <Field label="User name" value={accessKey.userName} name="userName" />
        <GenericFields value={accessKey} skip={SHOWN} />
      </KeyValueList>
    </Section>
  );
}
