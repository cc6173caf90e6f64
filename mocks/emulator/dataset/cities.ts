/**
 * Where the emulator's remote IPs come from: real cities with their real coordinates, and a
 * plausible network for each (ASN, registrant, ISP and an address prefix of the kind that
 * network announces). The addresses themselves are synthetic.
 */
export interface City {
  readonly cityName: string;
  readonly countryName: string;
  readonly countryCode: string;
  readonly lat: number;
  readonly lon: number;
  /** The first two octets of the synthetic addresses drawn for this city. */
  readonly prefix: readonly [number, number];
  readonly asn: string;
  readonly asnOrg: string;
  readonly isp: string;
}

const c = (
  cityName: string, countryName: string, countryCode: string, lat: number, lon: number,
  prefix: [number, number], asn: string, asnOrg: string, isp: string,
): City => ({ cityName, countryName, countryCode, lat, lon, prefix, asn, asnOrg, isp });

export const CITIES: readonly City[] = [
  // Asia and Pacific
  c('Beijing', 'China', 'CN', 39.9042, 116.4074, [123, 112], '4808', 'China Unicom Beijing Province Network', 'China Unicom'),
  c('Shanghai', 'China', 'CN', 31.2304, 121.4737, [180, 160], '4812', 'China Telecom (Group)', 'Chinanet'),
  c('Guangzhou', 'China', 'CN', 23.1291, 113.2644, [113, 96], '4134', 'Chinanet', 'China Telecom'),
  c('Hong Kong', 'Hong Kong', 'HK', 22.3193, 114.1694, [112, 118], '4760', 'HKT Limited', 'PCCW IMS Limited'),
  c('Taipei', 'Taiwan', 'TW', 25.033, 121.5654, [114, 32], '3462', 'Data Communication Business Group', 'Chunghwa Telecom'),
  c('Seoul', 'South Korea', 'KR', 37.5665, 126.978, [121, 128], '4766', 'Korea Telecom', 'KT Corporation'),
  c('Busan', 'South Korea', 'KR', 35.1796, 129.0756, [1, 224], '9318', 'SK Broadband Co Ltd', 'SK Broadband'),
  c('Tokyo', 'Japan', 'JP', 35.6762, 139.6503, [126, 72], '17676', 'SoftBank Corp.', 'SoftBank'),
  c('Osaka', 'Japan', 'JP', 34.6937, 135.5023, [153, 156], '4713', 'NTT Communications Corporation', 'OCN'),
  c('Singapore', 'Singapore', 'SG', 1.3521, 103.8198, [128, 199], '14061', 'DigitalOcean, LLC', 'DigitalOcean'),
  c('Kuala Lumpur', 'Malaysia', 'MY', 3.139, 101.6869, [175, 139], '4788', 'TM Net, Internet Service Provider', 'Telekom Malaysia'),
  c('Jakarta', 'Indonesia', 'ID', -6.2088, 106.8456, [36, 66], '17974', 'PT Telekomunikasi Indonesia', 'Telkomnet'),
  c('Bangkok', 'Thailand', 'TH', 13.7563, 100.5018, [171, 96], '45758', 'Triple T Broadband Public Company Limited', '3BB Broadband'),
  c('Hanoi', 'Vietnam', 'VN', 21.0278, 105.8342, [27, 72], '7552', 'Viettel Group', 'Viettel'),
  c('Ho Chi Minh City', 'Vietnam', 'VN', 10.8231, 106.6297, [42, 112], '18403', 'FPT Telecom Company', 'FPT Telecom'),
  c('Manila', 'Philippines', 'PH', 14.5995, 120.9842, [112, 198], '9299', 'Philippine Long Distance Telephone Company', 'PLDT'),
  c('Mumbai', 'India', 'IN', 19.076, 72.8777, [122, 170], '24560', 'Bharti Airtel Ltd., Telemedia Services', 'Airtel Broadband'),
  c('New Delhi', 'India', 'IN', 28.6139, 77.209, [117, 200], '9829', 'National Internet Backbone', 'BSNL'),
  c('Bengaluru', 'India', 'IN', 12.9716, 77.5946, [139, 59], '14061', 'DigitalOcean, LLC', 'DigitalOcean'),
  c('Karachi', 'Pakistan', 'PK', 24.8607, 67.0011, [39, 32], '17557', 'Pakistan Telecommunication Company Limited', 'PTCL'),
  c('Dhaka', 'Bangladesh', 'BD', 23.8103, 90.4125, [103, 112], '24389', 'Grameenphone Ltd.', 'Grameenphone'),
  c('Almaty', 'Kazakhstan', 'KZ', 43.222, 76.8512, [2, 132], '9198', 'JSC Kazakhtelecom', 'Kazakhtelecom'),
  c('Sydney', 'Australia', 'AU', -33.8688, 151.2093, [1, 128], '1221', 'Telstra Limited', 'Telstra Internet'),
  c('Melbourne', 'Australia', 'AU', -37.8136, 144.9631, [101, 160], '7545', 'TPG Telecom Limited', 'TPG Internet'),
  c('Auckland', 'New Zealand', 'NZ', -36.8485, 174.7633, [118, 92], '9500', 'One New Zealand Group Limited', 'One NZ'),
  // Middle East and Africa
  c('Tehran', 'Iran', 'IR', 35.6892, 51.389, [5, 160], '58224', 'Iran Telecommunication Company PJS', 'TCI'),
  c('Istanbul', 'Turkey', 'TR', 41.0082, 28.9784, [78, 160], '9121', 'Turk Telekomunikasyon Anonim Sirketi', 'Turk Telekom'),
  c('Dubai', 'United Arab Emirates', 'AE', 25.2048, 55.2708, [94, 200], '5384', 'Emirates Telecommunications Group Company', 'Etisalat'),
  c('Riyadh', 'Saudi Arabia', 'SA', 24.7136, 46.6753, [2, 88], '25019', 'Saudi Telecom Company JSC', 'STC'),
  c('Tel Aviv', 'Israel', 'IL', 32.0853, 34.7818, [82, 80], '8551', 'Bezeq International Ltd.', 'Bezeq International'),
  c('Cairo', 'Egypt', 'EG', 30.0444, 31.2357, [41, 33], '8452', 'TE Data', 'Telecom Egypt'),
  c('Lagos', 'Nigeria', 'NG', 6.5244, 3.3792, [102, 89], '29465', 'MTN Nigeria Communication Limited', 'MTN Nigeria'),
  c('Nairobi', 'Kenya', 'KE', -1.2921, 36.8219, [105, 160], '33771', 'Safaricom Limited', 'Safaricom'),
  c('Johannesburg', 'South Africa', 'ZA', -26.2041, 28.0473, [41, 144], '5713', 'Telkom SA Ltd', 'Telkom SA'),
  c('Casablanca', 'Morocco', 'MA', 33.5731, -7.5898, [105, 66], '6713', 'Office National des Postes et Telecommunications ONPT (Maroc Telecom)', 'Maroc Telecom'),
  c('Algiers', 'Algeria', 'DZ', 36.7538, 3.0588, [41, 96], '36947', 'Telecom Algeria', 'Algerie Telecom'),
  // Europe
  c('Moscow', 'Russia', 'RU', 55.7558, 37.6173, [95, 24], '12389', 'PJSC Rostelecom', 'Rostelecom'),
  c('Saint Petersburg', 'Russia', 'RU', 59.9311, 30.3609, [5, 188], '49505', 'JSC Selectel', 'Selectel'),
  c('Novosibirsk', 'Russia', 'RU', 55.0084, 82.9357, [91, 200], '8359', 'MTS PJSC', 'MTS'),
  c('Kyiv', 'Ukraine', 'UA', 50.4501, 30.5234, [46, 211], '15895', 'Kyivstar PJSC', 'Kyivstar'),
  c('Minsk', 'Belarus', 'BY', 53.9006, 27.559, [93, 84], '6697', 'Republican Unitary Telecommunication Enterprise Beltelecom', 'Beltelecom'),
  c('Chisinau', 'Moldova', 'MD', 47.0105, 28.8638, [176, 123], '200019', 'ALEXHOST SRL', 'AlexHost'),
  c('Bucharest', 'Romania', 'RO', 44.4268, 26.1025, [89, 46], '9009', 'M247 Europe SRL', 'M247'),
  c('Sofia', 'Bulgaria', 'BG', 42.6977, 23.3219, [87, 121], '8866', 'Vivacom Bulgaria EAD', 'Vivacom'),
  c('Warsaw', 'Poland', 'PL', 52.2297, 21.0122, [83, 24], '5617', 'Orange Polska Spolka Akcyjna', 'Orange Polska'),
  c('Prague', 'Czechia', 'CZ', 50.0755, 14.4378, [90, 176], '5610', 'O2 Czech Republic, a.s.', 'O2 Czech Republic'),
  c('Budapest', 'Hungary', 'HU', 47.4979, 19.0402, [84, 0], '5483', 'Magyar Telekom plc.', 'Magyar Telekom'),
  c('Vienna', 'Austria', 'AT', 48.2082, 16.3738, [80, 120], '8447', 'A1 Telekom Austria AG', 'A1 Telekom Austria'),
  c('Frankfurt am Main', 'Germany', 'DE', 50.1109, 8.6821, [79, 192], '3320', 'Deutsche Telekom AG', 'Deutsche Telekom'),
  c('Nuremberg', 'Germany', 'DE', 49.4521, 11.0767, [88, 198], '24940', 'Hetzner Online GmbH', 'Hetzner Online'),
  c('Amsterdam', 'Netherlands', 'NL', 52.3676, 4.9041, [5, 79], '60781', 'LeaseWeb Netherlands B.V.', 'LeaseWeb'),
  c('Paris', 'France', 'FR', 48.8566, 2.3522, [82, 64], '12322', 'Free SAS', 'Free'),
  c('Roubaix', 'France', 'FR', 50.6942, 3.1746, [51, 75], '16276', 'OVH SAS', 'OVH'),
  c('London', 'United Kingdom', 'GB', 51.5074, -0.1278, [86, 128], '2856', 'British Telecommunications PLC', 'BT'),
  c('Dublin', 'Ireland', 'IE', 53.3498, -6.2603, [86, 40], '5466', 'Eircom Limited', 'Eir'),
  c('Madrid', 'Spain', 'ES', 40.4168, -3.7038, [80, 24], '3352', 'Telefonica de Espana S.A.U.', 'Movistar'),
  c('Milan', 'Italy', 'IT', 45.4642, 9.19, [79, 8], '3269', 'Telecom Italia S.p.A.', 'TIM'),
  c('Stockholm', 'Sweden', 'SE', 59.3293, 18.0686, [85, 24], '8473', 'Bahnhof AB', 'Bahnhof'),
  c('Helsinki', 'Finland', 'FI', 60.1699, 24.9384, [95, 216], '24940', 'Hetzner Online GmbH', 'Hetzner Online'),
  c('Oslo', 'Norway', 'NO', 59.9139, 10.7522, [84, 208], '2119', 'Telenor Norge AS', 'Telenor'),
  c('Athens', 'Greece', 'GR', 37.9838, 23.7275, [94, 64], '6799', 'Hellenic Telecommunications Organization S.A.', 'OTE'),
  c('Lisbon', 'Portugal', 'PT', 38.7223, -9.1393, [2, 80], '12353', 'Vodafone Portugal - Communicacoes Pessoais S.A.', 'Vodafone Portugal'),
  // Americas
  c('New York', 'United States', 'US', 40.7128, -74.006, [159, 203], '14061', 'DigitalOcean, LLC', 'DigitalOcean'),
  c('Ashburn', 'United States', 'US', 39.0438, -77.4874, [3, 80], '14618', 'Amazon.com, Inc.', 'Amazon Technologies Inc.'),
  c('Dallas', 'United States', 'US', 32.7767, -96.797, [45, 32], '20473', 'The Constant Company, LLC', 'Vultr Holdings, LLC'),
  c('Los Angeles', 'United States', 'US', 34.0522, -118.2437, [73, 0], '7922', 'Comcast Cable Communications, LLC', 'Comcast Cable'),
  c('Denver', 'United States', 'US', 39.7392, -104.9903, [8, 26], '3356', 'Level 3 Parent, LLC', 'Lumen Technologies'),
  c('Toronto', 'Canada', 'CA', 43.6532, -79.3832, [99, 224], '812', 'Rogers Communications Canada Inc.', 'Rogers'),
  c('Montreal', 'Canada', 'CA', 45.5017, -73.5673, [70, 48], '577', 'Bell Canada', 'Bell Canada'),
  c('Mexico City', 'Mexico', 'MX', 19.4326, -99.1332, [187, 188], '8151', 'UNINET', 'Telmex'),
  c('Bogota', 'Colombia', 'CO', 4.711, -74.0721, [181, 48], '3816', 'Colombia Telecomunicaciones S.A. ESP', 'Movistar Colombia'),
  c('Lima', 'Peru', 'PE', -12.0464, -77.0428, [179, 7], '6147', 'Telefonica del Peru S.A.A.', 'Movistar Peru'),
  c('Santiago', 'Chile', 'CL', -33.4489, -70.6693, [190, 20], '7418', 'TELEFONICA CHILE S.A.', 'Movistar Chile'),
  c('Buenos Aires', 'Argentina', 'AR', -34.6037, -58.3816, [181, 16], '22927', 'Telefonica de Argentina', 'Movistar Argentina'),
  c('Sao Paulo', 'Brazil', 'BR', -23.5505, -46.6333, [177, 70], '28573', 'Claro NXT Telecomunicacoes Ltda', 'Claro'),
  c('Rio de Janeiro', 'Brazil', 'BR', -22.9068, -43.1729, [189, 24], '7738', 'Telemar Norte Leste S.A.', 'Oi'),
  c('Caracas', 'Venezuela', 'VE', 10.4806, -66.9036, [190, 202], '8048', 'CANTV Servicios, Venezuela', 'CANTV'),
];
