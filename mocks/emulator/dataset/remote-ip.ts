import type { City as CityDetails, Country, GeoLocation, Organization, RemoteIpDetails } from '../../../src/guardduty';
import type { Random } from '../random';
import { CITIES, type City } from './cities';

interface Place {
  readonly organization: Organization;
  readonly country: Country;
  readonly city: CityDetails;
  readonly geoLocation: GeoLocation;
}

/**
 * The per-city parts of remote IP details, made once and shared by every finding from that city
 * (the dataset is read-only; the 10,000-finding detector builds faster for it).
 */
const places = new Map<City, Place>();
function placeOf(city: City): Place {
  let place = places.get(city);
  if (!place) {
    place = {
      organization: { asn: city.asn, asnOrg: city.asnOrg, isp: city.isp, org: city.isp },
      country: { countryCode: city.countryCode, countryName: city.countryName },
      city: { cityName: city.cityName },
      geoLocation: { lat: city.lat, lon: city.lon },
    };
    places.set(city, place);
  }
  return place;
}

const UNKNOWN_CITY: CityDetails = { cityName: '' };
const NULL_ISLAND: GeoLocation = { lat: 0, lon: 0 };

/**
 * Remote IP details as GuardDuty reports them. A few have no location at all and a few the
 * `0,0` GuardDuty sends when it cannot place an address, so the map's "location unknown" path
 * has data to show.
 */
export function remoteIpDetails(rng: Random, city: City = rng.pick(CITIES)): RemoteIpDetails {
  const place = placeOf(city);
  const details: RemoteIpDetails = {
    ipAddressV4: `${city.prefix[0]}.${city.prefix[1]}.${rng.int(0, 255)}.${rng.int(1, 254)}`,
    organization: place.organization,
    country: place.country,
  };
  const location = rng.next();
  if (location < 0.04) return details;
  const known = location >= 0.07;
  details.city = known ? place.city : UNKNOWN_CITY;
  details.geoLocation = known ? place.geoLocation : NULL_ISLAND;
  return details;
}
