/**
 * The clustering adapter: supercluster over the located IPs. Each cluster carries its IP count,
 * finding count, highest severity and bounds (map/reduce), so drawing, colouring and
 * "click zooms to the cluster's bounds" need no walk over its leaves.
 */
import Supercluster from 'supercluster';
import type { IpAggregate } from './aggregate';

export const CLUSTER_RADIUS = 64;
export const CLUSTER_EXTENT = 256;

interface PointProps {
  /** Index into the points array. */
  i: number;
  sev: number;
  n: number;
  lat: number;
  lon: number;
}

interface ClusterProps {
  sev: number;
  n: number;
  s: number;
  w: number;
  nn: number;
  e: number;
}

export interface MapFeature {
  /** Stable within one index: `c:<clusterId>` or `p:<ip>`. */
  key: string;
  lat: number;
  lon: number;
  /** Number of IPs (1 for a point). */
  ipCount: number;
  findingCount: number;
  /** Highest severity inside (-1 when none has one). */
  maxSeverity: number;
  clusterId?: number;
  /** The IP of a point. */
  point?: IpAggregate;
  /** [south, west, north, east] of the IPs inside. */
  bounds: [number, number, number, number];
}

export type BBox = [west: number, south: number, east: number, north: number];

/** A Leaflet-style bounds (possibly wider than the world) as a supercluster bbox. */
export function toBBox(west: number, south: number, east: number, north: number): BBox {
  if (east - west >= 360) return [-180, Math.max(-90, south), 180, Math.min(90, north)];
  return [Math.max(-180, west), Math.max(-90, south), Math.min(180, east), Math.min(90, north)];
}

export class ClusterIndex {
  readonly maxZoom: number;
  private readonly index: Supercluster<PointProps, ClusterProps>;
  private byIp?: Map<string, IpAggregate>;

  constructor(
    readonly points: readonly IpAggregate[],
    options: { maxZoom: number; radius?: number } = { maxZoom: 12 },
  ) {
    this.maxZoom = options.maxZoom;
    this.index = new Supercluster<PointProps, ClusterProps>({
      radius: options.radius ?? CLUSTER_RADIUS,
      extent: CLUSTER_EXTENT,
      // Clusters exist up to the map's last zoom: IPs geolocated to the same city never overlap as
      // separate markers; a cluster that cannot be split lists its IPs instead.
      maxZoom: options.maxZoom,
      minPoints: 2,
      map: (p) => ({ sev: p.sev, n: p.n, s: p.lat, w: p.lon, nn: p.lat, e: p.lon }) as unknown as ClusterProps,
      reduce: (a, b) => {
        if (b.sev > a.sev) a.sev = b.sev;
        a.n += b.n;
        if (b.s < a.s) a.s = b.s;
        if (b.w < a.w) a.w = b.w;
        if (b.nn > a.nn) a.nn = b.nn;
        if (b.e > a.e) a.e = b.e;
      },
    });
    const features: Supercluster.PointFeature<PointProps>[] = new Array(points.length);
    for (let i = 0; i < points.length; i++) {
      const p = points[i];
      const { lat, lon } = p.location!;
      features[i] = {
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [lon, lat] },
        properties: { i, sev: p.maxSeverity ?? -1, n: p.findings.length, lat, lon },
      };
    }
    this.index.load(features);
  }

  /** The clusters and points to draw in a bbox at a zoom. */
  features(bbox: BBox, zoom: number): MapFeature[] {
    const raw = this.index.getClusters(bbox, Math.floor(zoom));
    const out: MapFeature[] = new Array(raw.length);
    for (let k = 0; k < raw.length; k++) out[k] = this.toFeature(raw[k]);
    return out;
  }

  /**
   * Like features(), but never more than `max`: a view too big for the cluster radius (a very
   * large screen over uniformly spread IPs) is clustered at a coarser zoom instead.
   */
  featuresAtMost(bbox: BBox, zoom: number, max: number): { features: MapFeature[]; zoom: number } {
    let z = Math.floor(zoom);
    let features = this.features(bbox, z);
    while (features.length > max && z > 0) features = this.features(bbox, --z);
    return { features, zoom: z };
  }

  /** The IPs inside a cluster, in supercluster's order. */
  leaves(clusterId: number): IpAggregate[] {
    return this.index.getLeaves(clusterId, Infinity).map((f) => this.points[(f.properties as PointProps).i]);
  }

  /** The zoom at which a cluster splits into its children (beyond maxZoom: it never does). */
  expansionZoom(clusterId: number): number {
    return this.index.getClusterExpansionZoom(clusterId);
  }

  /**
   * The key of the feature that shows an IP at a zoom: the point itself, or the cluster holding
   * it. Looks only near the IP and walks the leaves of the few candidate clusters.
   */
  locate(ip: string, zoom: number): string | undefined {
    this.byIp ??= new Map(this.points.map((x) => [x.ip, x]));
    const p = this.byIp.get(ip);
    if (!p?.location) return undefined;
    const z = Math.floor(zoom);
    if (z > this.maxZoom) return `p:${ip}`;
    // Members of a cluster lie within a few radii of its centre (clusters of clusters, each
    // within one radius of its seed): search 4 radii, in world fractions, around the IP.
    const r = (4 * (CLUSTER_RADIUS / CLUSTER_EXTENT)) / 2 ** z;
    const x = lngX(p.location.lon);
    const y = latY(p.location.lat);
    const bbox: BBox = [xLng(x - r), yLat(Math.min(1, y + r)), xLng(x + r), yLat(Math.max(0, y - r))];
    const candidates = this.index.getClusters(toBBox(...bbox), z);
    if (candidates.some((f) => !isCluster(f) && this.points[(f.properties as PointProps).i].ip === ip)) return `p:${ip}`;
    const clusters = candidates.filter(isCluster);
    const d2 = (f: (typeof clusters)[number]) => (f.geometry.coordinates[0] - p.location!.lon) ** 2 + (f.geometry.coordinates[1] - p.location!.lat) ** 2;
    clusters.sort((a, b) => d2(a) - d2(b));
    for (const c of clusters) {
      const id = (c.properties as Supercluster.ClusterProperties).cluster_id;
      if (this.leaves(id).some((l) => l.ip === ip)) return `c:${id}`;
    }
    return undefined;
  }

  private toFeature(f: Supercluster.ClusterFeature<ClusterProps> | Supercluster.PointFeature<PointProps>): MapFeature {
    const [lon, lat] = f.geometry.coordinates;
    if (isCluster(f)) {
      const c = f.properties as ClusterProps & Supercluster.ClusterProperties;
      return { key: `c:${c.cluster_id}`, lat, lon, ipCount: c.point_count, findingCount: c.n, maxSeverity: c.sev, clusterId: c.cluster_id, bounds: [c.s, c.w, c.nn, c.e] };
    }
    const point = this.points[(f.properties as PointProps).i];
    return { key: `p:${point.ip}`, lat, lon, ipCount: 1, findingCount: point.findings.length, maxSeverity: point.maxSeverity ?? -1, point, bounds: [lat, lon, lat, lon] };
  }
}

function isCluster(f: Supercluster.ClusterFeature<unknown> | Supercluster.PointFeature<unknown>): f is Supercluster.ClusterFeature<ClusterProps> {
  return !!(f.properties as { cluster?: boolean }).cluster;
}

// Web Mercator in world fractions, as supercluster computes them.
const lngX = (lng: number) => lng / 360 + 0.5;
const latY = (lat: number) => {
  const sin = Math.sin((lat * Math.PI) / 180);
  const y = 0.5 - (0.25 * Math.log((1 + sin) / (1 - sin))) / Math.PI;
  return y < 0 ? 0 : y > 1 ? 1 : y;
};
const xLng = (x: number) => (x - 0.5) * 360;
const yLat = (y: number) => (360 * Math.atan(Math.exp((180 - y * 360) * (Math.PI / 180)))) / Math.PI - 90;

const indexes = new WeakMap<readonly IpAggregate[], ClusterIndex>();

/** The index of a points array, built once per array (aggregations are memoised the same way). */
export function clusterIndexFor(points: readonly IpAggregate[], maxZoom: number): ClusterIndex {
  let index = indexes.get(points);
  if (!index || index.maxZoom !== maxZoom) {
    index = new ClusterIndex(points, { maxZoom });
    indexes.set(points, index);
  }
  return index;
}
