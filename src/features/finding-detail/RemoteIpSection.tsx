import { lazy, Suspense } from 'react';
import { KeyValue, KeyValueList } from '../../components/KeyValueList';
import { remoteIpSightings, type Finding, type RemoteIpDetails, type RemoteIpSighting } from '../../guardduty';
import { GenericFields } from './Generic';
import { MapBoundary } from './MapBoundary';
import { Field, Value } from './Field';
import { AttackMapLink } from './links';
import { checkLocation, LOCATION_PROBLEM_LABELS } from '../../lib/geo';
import { remoteParams } from './pivots';
import { isMappedRemoteIp } from '../../view/filters';
import { Section, SubSection } from './Section';

// Leaflet loads only when a finding has a known location to show.
const PointMap = lazy(() => import('./PointMap'));

/**
 * Every distinct remote IP of the finding's action (the contract's sightings, an attack sequence's
 * endpoints left to its own section), with the action type that holds it: that decides the pivots.
 */
function remoteIpEntries(finding: Finding): RemoteIpSighting[] {
  const seen = new Set<string>();
  return remoteIpSightings(finding).filter((s) => {
    const key = JSON.stringify(s.details);
    if (s.actionType === undefined || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const SHOWN = ['ipAddressV4', 'ipAddressV6', 'organization', 'country', 'city', 'geoLocation'];

function Coordinates({ details }: { details: RemoteIpDetails }) {
  const geo = details.geoLocation;
  if (geo === undefined) return null;
  const check = checkLocation(geo);
  return (
    <KeyValue label="Coordinates">
      {geo === null ? (
        <Value value={null} />
      ) : (
        <>
          <Value value={geo.lat} name="lat" />
          {', '}
          <Value value={geo.lon} name="lon" />
        </>
      )}
      {!check.ok && <span className="location-unknown"> · location unknown ({LOCATION_PROBLEM_LABELS[check.problem]})</span>}
    </KeyValue>
  );
}

/** Where the remote party is: address, network owner, country and city, and a small map of the point. */
function RemoteIp({ entry }: { entry: RemoteIpSighting }) {
  const { details, actionType, ip } = entry;
  const params = remoteParams(actionType);
  const org = details.organization;
  const located = checkLocation(details.geoLocation);
  const point = located.ok ? located : undefined;
  return (
    <div className="remote-ip">
      <div className="remote-ip-fields">
        <KeyValueList>
          <Field label="IPv4 address" value={details.ipAddressV4} name="ipAddressV4" pivot={params.ip} copy />
          <Field label="IPv6 address" value={details.ipAddressV6} name="ipAddressV6" copy />
          <Field label="Organisation" value={org?.org} name="org" />
          <Field label="ASN" value={org?.asn} name="asn" />
          <Field label="ASN organisation" value={org?.asnOrg} name="asnOrg" />
          <Field label="ISP" value={org?.isp} name="isp" />
          {org && <GenericFields value={org as Record<string, unknown>} skip={['org', 'asn', 'asnOrg', 'isp']} />}
          <Field label="Country" value={details.country?.countryName} name="countryName" pivot={params.country} />
          <Field label="Country code" value={details.country?.countryCode} name="countryCode" />
          {details.country && <GenericFields value={details.country as Record<string, unknown>} skip={['countryName', 'countryCode']} />}
          <Field label="City" value={details.city?.cityName} name="cityName" />
          {details.city && <GenericFields value={details.city as Record<string, unknown>} skip={['cityName']} />}
          <Coordinates details={details} />
          <GenericFields value={details} skip={SHOWN} />
        </KeyValueList>
        {ip && isMappedRemoteIp(entry) && (
          <p className="remote-ip-links">
            <AttackMapLink ip={ip} />
          </p>
        )}
      </div>
      {point && (
        <MapBoundary>
          <Suspense fallback={<div className="point-map point-map-loading">Loading map…</div>}>
            <PointMap lat={point.lat} lon={point.lon} label={[ip, details.city?.cityName, details.country?.countryName].filter(Boolean).join(', ')} />
          </Suspense>
        </MapBoundary>
      )}
    </div>
  );
}

/** One card for the remote IP, or one card with a group per IP when the action names several. */
export function RemoteIpSection({ finding }: { finding: Finding }) {
  const entries = remoteIpEntries(finding);
  if (entries.length === 0) return null;
  if (entries.length === 1) {
    return (
      <Section title="Remote IP">
        <RemoteIp entry={entries[0]} />
      </Section>
    );
  }
  return (
    <Section title={`Remote IPs (${entries.length})`}>
      {entries.map((entry, i) => (
        <SubSection key={i} title={entry.ip ?? `Remote IP ${i + 1}`}>
          <RemoteIp entry={entry} />
        </SubSection>
      ))}
    </Section>
  );
}
