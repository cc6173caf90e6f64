/**
 * The list beside the map: the IPs in view (or in a cluster that cannot be split further), most
 * severe first, each a button that selects it; the details of a selected IP that has no location.
 * A keyboard and screen-reader route to everything the markers show.
 */
import { useMemo, useState } from 'react';
import { useMap } from 'react-leaflet';
import { SeverityBadge } from '../../components/SeverityBadge';
import { LOCATION_PROBLEM_LABELS } from '../../lib/geo';
import type { IpAggregate } from './aggregate';
import { MapControl } from './MapControl';
import { useMapBounds } from './MapLayers';

const nf = new Intl.NumberFormat('en');
const LIMIT = 100;

function IpRow({ ip, selected, onSelect }: { ip: IpAggregate; selected: boolean; onSelect(ip: IpAggregate): void }) {
  const place = [ip.cities[0], ip.countries[0]].filter(Boolean).join(', ');
  return (
    <li>
      <button type="button" className="fa-ip-row" aria-pressed={selected} onClick={() => onSelect(ip)}>
        <span className="fa-ip-row__ip mono">{ip.ip}</span>
        <SeverityBadge severity={ip.maxSeverity} />
        <span className="fa-ip-row__count">
          {nf.format(ip.findings.length)} {ip.findings.length === 1 ? 'finding' : 'findings'}
        </span>
        <span className="fa-ip-row__place muted">
          {[place, !ip.location && ip.problem ? LOCATION_PROBLEM_LABELS[ip.problem] : ''].filter(Boolean).join(' · ')}
        </span>
      </button>
    </li>
  );
}

export function IpList({ ips, selectedIp, onSelect }: { ips: readonly IpAggregate[]; selectedIp?: string; onSelect(ip: IpAggregate): void }) {
  const [limit, setLimit] = useState(LIMIT);
  const shown = ips.slice(0, limit);
  return (
    <>
      <ul className="fa-ip-list">
        {shown.map((ip) => (
          <IpRow key={ip.ip} ip={ip} selected={ip.ip === selectedIp} onSelect={onSelect} />
        ))}
      </ul>
      {ips.length > shown.length && (
        <button type="button" className="button button-quiet fa-ip-list__more" onClick={() => setLimit((l) => l + LIMIT)}>
          Show {nf.format(Math.min(LIMIT, ips.length - shown.length))} more of {nf.format(ips.length - shown.length)}
        </button>
      )}
    </>
  );
}

/** The IPs in the map's view, most severe first (`points` in aggregation order). */
export function IpsInView({ points, selectedIp, onSelect }: { points: readonly IpAggregate[]; selectedIp?: string; onSelect(ip: IpAggregate): void }) {
  const bounds = useMapBounds();
  const map = useMap();
  const inView = useMemo(() => {
    const world = bounds.getEast() - bounds.getWest() >= 360;
    // `points` come most severe first (aggregation order): a filter keeps that order.
    return points.filter((p) => (world ? bounds.getSouth() <= p.location!.lat && p.location!.lat <= bounds.getNorth() : bounds.contains([p.location!.lat, p.location!.lon])));
  }, [points, bounds]);
  return (
    <section className="fa-side__section" aria-labelledby="fa-in-view">
      <h2 id="fa-in-view" className="fa-side__title">
        IPs in view <span className="muted">({nf.format(inView.length)})</span>
      </h2>
      {inView.length === 0 ? (
        <p className="muted">
          No mapped IP here.{' '}
          {points.length > 0 && (
            <button type="button" className="button button-quiet" onClick={() => map.setView([20, 10], 1.5)}>
              Show the whole world
            </button>
          )}
        </p>
      ) : (
        <IpList key={`${bounds.toBBoxString()}`} ips={inView} selectedIp={selectedIp} onSelect={onSelect} />
      )}
    </section>
  );
}

/** "Location unknown: N IPs": a map control listing the IPs that are not drawn (most severe first). */
export function UnknownLocations({ ips, selectedIp, onSelect }: { ips: readonly IpAggregate[]; selectedIp?: string; onSelect(ip: IpAggregate): void }) {
  const [open, setOpen] = useState(false);
  if (ips.length === 0) return null;
  return (
    <MapControl position="topright" className="fa-unknown">
      <button type="button" className="fa-unknown__toggle" aria-expanded={open} aria-controls="fa-unknown-list" onClick={() => setOpen((o) => !o)}>
        Location unknown: {nf.format(ips.length)} {ips.length === 1 ? 'IP' : 'IPs'}
        <span className="fa-unknown__caret" aria-hidden="true">
          {open ? ' ▴' : ' ▾'}
        </span>
      </button>
      {open && (
        <div id="fa-unknown-list" className="fa-unknown__panel">
          <p className="muted fa-unknown__note">Missing, 0,0 or out-of-range coordinates: not drawn.</p>
          <IpList ips={ips} selectedIp={selectedIp} onSelect={onSelect} />
        </div>
      )}
    </MapControl>
  );
}
