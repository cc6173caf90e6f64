/**
 * Readable cards for the newer resource kinds: ECS clusters with their task and containers, a
 * container on its own, EBS volumes (scanned and skipped) and snapshots, RDS database instances,
 * users and login attempts. Image names, mount paths and user names are attacker-influenced:
 * text only.
 */
import { KeyValue, KeyValueList } from '../../components/KeyValueList';
import { Field, Value } from './Field';
import { GenericFields, GenericValue, ObjectTable, TagTable } from './Generic';
import { Section, SubSection } from './Section';
import './sequence.css';
import { isObject, objects, str, type Obj } from './json';

const isTagList = (v: unknown): v is { key?: unknown; value?: unknown }[] => Array.isArray(v) && v.length > 0 && v.every(isObject);

function Tags({ value, caption }: { value: unknown; caption: string }) {
  if (value === undefined) return null;
  return (
    <KeyValue label="Tags">{isTagList(value) ? <TagTable tags={value} caption={caption} /> : <GenericValue value={value} name="tags" />}</KeyValue>
  );
}

/** A list of objects shown as a table, or as it is when it is not one. */
function Rows({ label, value, name, columns }: { label: string; value: unknown; name: string; columns: [key: string, label: string][] }) {
  if (value === undefined) return null;
  const rows = objects(value);
  if (rows.length === 0 || rows.length !== (value as unknown[]).length) {
    return (
      <KeyValue label={label}>
        <GenericValue value={value} name={name} />
      </KeyValue>
    );
  }
  return (
    <KeyValue label={label}>
      <ObjectTable rows={rows} columns={columns.map(([k, l]) => [k, l, true])} caption={label} />
    </KeyValue>
  );
}

// --- Containers and ECS ---------------------------------------------------------------------------

const CONTAINER_SHOWN = ['name', 'image', 'imagePrefix', 'id', 'containerRuntime', 'securityContext', 'volumeMounts'];

/** One container (the model's `Container`): image, runtime, privileges and mounts. */
export function ContainerFields({ container }: { container: Obj }) {
  const security = isObject(container.securityContext) ? container.securityContext : undefined;
  return (
    <KeyValueList>
      <Field label="Name" value={container.name} name="name" />
      <Field label="Image" value={container.image} name="image" mono copy={typeof container.image === 'string' && container.image !== ''} />
      <Field label="Image prefix" value={container.imagePrefix} name="imagePrefix" mono />
      <Field label="Container ID" value={container.id} name="id" copy />
      <Field label="Runtime" value={container.containerRuntime} name="containerRuntime" />
      {security && (
        <>
          {security.privileged !== undefined && (
            <KeyValue label="Privileged">
              <span className={security.privileged === true ? 'flag-danger' : undefined}>
                <Value value={security.privileged} name="privileged" />
              </span>
            </KeyValue>
          )}
          {security.allowPrivilegeEscalation !== undefined && (
            <KeyValue label="Privilege escalation allowed">
              <span className={security.allowPrivilegeEscalation === true ? 'flag-danger' : undefined}>
                <Value value={security.allowPrivilegeEscalation} name="allowPrivilegeEscalation" />
              </span>
            </KeyValue>
          )}
          <GenericFields value={security} skip={['privileged', 'allowPrivilegeEscalation']} />
        </>
      )}
      {container.securityContext !== undefined && !security && (
        <KeyValue label="Security context">
          <GenericValue value={container.securityContext} name="securityContext" />
        </KeyValue>
      )}
      <Rows label="Volume mounts" value={container.volumeMounts} name="volumeMounts" columns={[['name', 'Volume'], ['mountPath', 'Mounted at']]} />
      <GenericFields value={container} skip={CONTAINER_SHOWN} />
    </KeyValueList>
  );
}

const TASK_SHOWN = ['arn', 'definitionArn', 'version', 'createdAt', 'startedAt', 'startedBy', 'group', 'launchType', 'tags', 'volumes', 'containers'];

function Task({ task }: { task: Obj }) {
  const containers = objects(task.containers);
  return (
    <>
      <KeyValueList>
        <Field label="Task ARN" value={task.arn} name="arn" copy />
        <Field label="Task definition" value={task.definitionArn} name="definitionArn" copy />
        <Field label="Definition version" value={task.version} name="version" />
        <Field label="Launch type" value={task.launchType} name="launchType" />
        <Field label="Group" value={task.group} name="group" />
        <Field label="Started by" value={task.startedBy} name="startedBy" />
        <Field label="Created" value={task.createdAt} name="createdAt" />
        <Field label="Started" value={task.startedAt} name="startedAt" />
        <Tags value={task.tags} caption="Task tags" />
        <Rows
          label="Volumes"
          value={task.volumes}
          name="volumes"
          columns={[
            ['name', 'Name'],
            ['hostPath', 'Host path'],
          ]}
        />
        {task.containers !== undefined && containers.length !== (Array.isArray(task.containers) ? task.containers.length : -1) && (
          <KeyValue label="Containers">
            <GenericValue value={task.containers} name="containers" />
          </KeyValue>
        )}
        <GenericFields value={task} skip={TASK_SHOWN} />
      </KeyValueList>
      {containers.map((c, i) => (
        <SubSection key={i} title={`Container ${str(c.name) ?? i + 1}`}>
          <ContainerFields container={c} />
        </SubSection>
      ))}
    </>
  );
}

const CLUSTER_SHOWN = ['name', 'arn', 'status', 'activeServicesCount', 'registeredContainerInstancesCount', 'runningTasksCount', 'tags', 'taskDetails'];

export function EcsClusterSection({ cluster }: { cluster: unknown }) {
  if (cluster === undefined) return null;
  if (!isObject(cluster)) {
    return (
      <Section title="ECS cluster">
        <GenericValue value={cluster} name="ecsClusterDetails" />
      </Section>
    );
  }
  const task = isObject(cluster.taskDetails) ? cluster.taskDetails : undefined;
  return (
    <Section title="ECS cluster">
      <KeyValueList>
        <Field label="Cluster" value={cluster.name} name="name" />
        <Field label="Cluster ARN" value={cluster.arn} name="arn" copy />
        <Field label="Status" value={cluster.status} name="status" />
        <Field label="Active services" value={cluster.activeServicesCount} name="activeServicesCount" />
        <Field label="Container instances" value={cluster.registeredContainerInstancesCount} name="registeredContainerInstancesCount" />
        <Field label="Running tasks" value={cluster.runningTasksCount} name="runningTasksCount" />
        <Tags value={cluster.tags} caption="Cluster tags" />
        {cluster.taskDetails !== undefined && !task && (
          <KeyValue label="Task">
            <GenericValue value={cluster.taskDetails} name="taskDetails" />
          </KeyValue>
        )}
        <GenericFields value={cluster} skip={CLUSTER_SHOWN} />
      </KeyValueList>
      {task && (
        <SubSection title="Task">
          <Task task={task} />
        </SubSection>
      )}
    </Section>
  );
}

export function ContainerSection({ container }: { container: unknown }) {
  if (container === undefined) return null;
  return (
    <Section title="Container">
      {isObject(container) ? <ContainerFields container={container} /> : <GenericValue value={container} name="containerDetails" />}
    </Section>
  );
}

// --- EBS -------------------------------------------------------------------------------------------

const VOLUME_SHOWN = ['deviceName', 'volumeArn', 'volumeType', 'volumeSizeInGB', 'encryptionType', 'kmsKeyArn', 'snapshotArn'];

function Volume({ volume }: { volume: Obj }) {
  return (
    <KeyValueList>
      <Field label="Device" value={volume.deviceName} name="deviceName" mono />
      <Field label="Volume ARN" value={volume.volumeArn} name="volumeArn" copy />
      <Field label="Volume type" value={volume.volumeType} name="volumeType" />
      <Field label="Size (GB)" value={volume.volumeSizeInGB} name="volumeSizeInGB" />
      <Field label="Encryption" value={volume.encryptionType} name="encryptionType" />
      <Field label="KMS key" value={volume.kmsKeyArn} name="kmsKeyArn" copy />
      <Field label="Snapshot ARN" value={volume.snapshotArn} name="snapshotArn" copy />
      <GenericFields value={volume} skip={VOLUME_SHOWN} />
    </KeyValueList>
  );
}

const volumeTitle = (v: Obj, i: number) => {
  const id = str(v.volumeArn)?.split('/').pop();
  return [str(v.deviceName), id].filter(Boolean).join(' · ') || `Volume ${i + 1}`;
};

function VolumeList({ label, value, name }: { label: string; value: unknown; name: string }) {
  if (value === undefined) return null;
  const volumes = objects(value);
  if (volumes.length === 0 || volumes.length !== (value as unknown[]).length) {
    return (
      <KeyValueList>
        <KeyValue label={label}>
          <GenericValue value={value} name={name} />
        </KeyValue>
      </KeyValueList>
    );
  }
  return (
    <>
      {volumes.map((v, i) => (
        <SubSection key={i} title={`${label}: ${volumeTitle(v, i)}`}>
          <Volume volume={v} />
        </SubSection>
      ))}
    </>
  );
}

export function EbsVolumesSection({ volumes }: { volumes: unknown }) {
  if (volumes === undefined) return null;
  if (!isObject(volumes)) {
    return (
      <Section title="EBS volumes">
        <GenericValue value={volumes} name="ebsVolumeDetails" />
      </Section>
    );
  }
  const scanned = Array.isArray(volumes.scannedVolumeDetails) ? volumes.scannedVolumeDetails.length : 0;
  const skipped = Array.isArray(volumes.skippedVolumeDetails) ? volumes.skippedVolumeDetails.length : 0;
  return (
    <Section title="EBS volumes" actions={<span className="muted seq-note">{scanned} scanned · {skipped} skipped</span>}>
      {scanned + skipped === 0 && volumes.scannedVolumeDetails === undefined && volumes.skippedVolumeDetails === undefined && (
        <p className="muted">GuardDuty named no volumes.</p>
      )}
      <VolumeList label="Scanned" value={volumes.scannedVolumeDetails} name="scannedVolumeDetails" />
      <VolumeList label="Skipped" value={volumes.skippedVolumeDetails} name="skippedVolumeDetails" />
      <KeyValueList>
        <GenericFields value={volumes} skip={['scannedVolumeDetails', 'skippedVolumeDetails']} />
      </KeyValueList>
    </Section>
  );
}

export function EbsSnapshotSection({ snapshot }: { snapshot: unknown }) {
  if (snapshot === undefined) return null;
  return (
    <Section title="EBS snapshot">
      {isObject(snapshot) ? (
        <KeyValueList>
          <Field label="Snapshot ARN" value={snapshot.snapshotArn} name="snapshotArn" copy />
          <GenericFields value={snapshot} skip={['snapshotArn']} />
          {Object.keys(snapshot).length === 0 && (
            <KeyValue label="Snapshot ARN">
              <Value value={null} />
            </KeyValue>
          )}
        </KeyValueList>
      ) : (
        <GenericValue value={snapshot} name="ebsSnapshotDetails" />
      )}
    </Section>
  );
}

// --- RDS -------------------------------------------------------------------------------------------

export function RdsInstanceSection({ instance }: { instance: unknown }) {
  if (instance === undefined) return null;
  return (
    <Section title="RDS database instance">
      {isObject(instance) ? (
        <KeyValueList>
          <Field label="DB instance" value={instance.dbInstanceIdentifier} name="dbInstanceIdentifier" />
          <Field label="DB cluster" value={instance.dbClusterIdentifier} name="dbClusterIdentifier" />
          <Field label="Engine" value={instance.engine} name="engine" />
          <Field label="Engine version" value={instance.engineVersion} name="engineVersion" />
          <Field label="Instance ARN" value={instance.dbInstanceArn} name="dbInstanceArn" copy />
          <Field label="Resource ID" value={instance.dbiResourceId} name="dbiResourceId" copy />
          <Tags value={instance.tags} caption="Database tags" />
          <GenericFields value={instance} skip={['dbInstanceIdentifier', 'dbClusterIdentifier', 'engine', 'engineVersion', 'dbInstanceArn', 'dbiResourceId', 'tags']} />
        </KeyValueList>
      ) : (
        <GenericValue value={instance} name="rdsDbInstanceDetails" />
      )}
    </Section>
  );
}

export function RdsUserSection({ user }: { user: unknown }) {
  if (user === undefined) return null;
  return (
    <Section title="RDS database user">
      {isObject(user) ? (
        <KeyValueList>
          <Field label="User" value={user.user} name="user" />
          <Field label="Application" value={user.application} name="application" />
          <Field label="Database" value={user.database} name="database" />
          <Field label="Authentication" value={user.authMethod} name="authMethod" />
          <Field label="SSL" value={user.ssl} name="ssl" />
          <GenericFields value={user} skip={['user', 'application', 'database', 'authMethod', 'ssl']} />
          {Object.keys(user).length === 0 && (
            <KeyValue label="User">
              <Value value={null} />
            </KeyValue>
          )}
        </KeyValueList>
      ) : (
        <GenericValue value={user} name="rdsDbUserDetails" />
      )}
    </Section>
  );
}

/** The login attributes of an RDS login attempt (wire name `LoginAttributes`; `loginAttributes` also read). */
export function loginAttributesOf(action: Obj): { key: string; value: unknown } | undefined {
  for (const key of ['LoginAttributes', 'loginAttributes']) if (action[key] !== undefined) return { key, value: action[key] };
  return undefined;
}

/** The RDS login attempt action: who tried to log in with what, how often it failed and succeeded. */
export function RdsLoginAttempt({ action }: { action: Obj }) {
  const attrs = loginAttributesOf(action);
  const rows = attrs ? objects(attrs.value) : [];
  const known = ['user', 'application', 'failedLoginAttempts', 'successfulLoginAttempts'];
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
  const failed = rows.reduce((n, r) => n + num(r.failedLoginAttempts), 0);
  const succeeded = rows.reduce((n, r) => n + num(r.successfulLoginAttempts), 0);
  return (
    <>
      {!attrs && <p className="muted">GuardDuty sent no login attributes for this attempt.</p>}
      {attrs && (rows.length === 0 || !Array.isArray(attrs.value) || rows.length !== attrs.value.length) && (
        <KeyValueList>
          <KeyValue label="Login attributes">
            <GenericValue value={attrs.value} name={attrs.key} />
          </KeyValue>
        </KeyValueList>
      )}
      {rows.length > 0 && (
        <div className="table-scroll">
          <table className="detail-table login-table">
            <caption>
              Login attempts: {failed} failed, {succeeded} successful
            </caption>
            <thead>
              <tr>
                <th scope="col">User</th>
                <th scope="col">Application</th>
                <th scope="col" className="num">
                  Failed
                </th>
                <th scope="col" className="num">
                  Successful
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                <tr key={i}>
                  <td>
                    <Value value={r.user ?? null} name="user" />
                    {Object.keys(r).some((k) => !known.includes(k) && r[k] !== undefined) && (
                      <KeyValueList className="kv-nested">
                        <GenericFields value={r} skip={known} />
                      </KeyValueList>
                    )}
                  </td>
                  <td>
                    <Value value={r.application ?? null} name="application" />
                  </td>
                  <td className={`num${num(r.failedLoginAttempts) > 0 ? ' login-failed' : ''}`}>
                    <Value value={r.failedLoginAttempts ?? null} name="failedLoginAttempts" />
                  </td>
                  <td className="num">
                    <Value value={r.successfulLoginAttempts ?? null} name="successfulLoginAttempts" />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <KeyValueList>
        <GenericFields value={action} skip={['remoteIpDetails', 'LoginAttributes', 'loginAttributes']} />
      </KeyValueList>
    </>
  );
}
