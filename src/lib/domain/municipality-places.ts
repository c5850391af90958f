// Where the region's municipalities are on the map: one fixed geographic place per municipality, so
// that the picture of the registry's web (src/lib/server/registry/web-svg.ts) puts each of them at the
// same spot on every date and in every view, and two dates can be laid side by side.
//
// The 13 municipalities of Zuid-West-Vlaanderen (Leiedal's region), by their NIS code (Statbel's REFNIS).
// Places are the centre of each municipality's main town (WGS84, four decimals: about ten metres).
// Municipal mergers change NIS codes: a merged municipality gets a new code (the mergers of 1 January
// 2019 and of 1 January 2025). None of the 2025 mergers (13 new municipalities, among them Tielt and
// Wingene in West Flanders) and none of those of 2019 touched these 13, so their codes are the same before
// and after 2025. `codes` lists every code a place has been known by; a merger that touches the region
// adds its new code there (and the old codes of the merged municipalities stay, pointing at the place
// of the new one), so a file written with either code lands on the same spot.

/** A point on the map, in degrees (WGS84). */
export interface Place {
	lat: number;
	lon: number;
}

/** One municipality of the region: its current NIS code, every code it has had, and its place. */
export interface RegionPlace extends Place {
	nisCode: string;
	codes: readonly string[];
	name: string;
}

/** The 13 municipalities of Zuid-West-Vlaanderen, by current NIS code. */
export const regionPlaces: readonly RegionPlace[] = [
	{ nisCode: '34002', codes: ['34002'], name: 'Anzegem', lat: 50.8353, lon: 3.4733 },
	{ nisCode: '34003', codes: ['34003'], name: 'Avelgem', lat: 50.7756, lon: 3.4456 },
	{ nisCode: '34009', codes: ['34009'], name: 'Deerlijk', lat: 50.853, lon: 3.3547 },
	{ nisCode: '34013', codes: ['34013'], name: 'Harelbeke', lat: 50.8567, lon: 3.3131 },
	{ nisCode: '34022', codes: ['34022'], name: 'Kortrijk', lat: 50.828, lon: 3.2649 },
	{ nisCode: '34023', codes: ['34023'], name: 'Kuurne', lat: 50.8517, lon: 3.2836 },
	{ nisCode: '34025', codes: ['34025'], name: 'Lendelede', lat: 50.8855, lon: 3.2376 },
	{ nisCode: '34027', codes: ['34027'], name: 'Menen', lat: 50.7969, lon: 3.1214 },
	{ nisCode: '34040', codes: ['34040'], name: 'Waregem', lat: 50.8886, lon: 3.4264 },
	{ nisCode: '34041', codes: ['34041'], name: 'Wevelgem', lat: 50.81, lon: 3.1833 },
	{ nisCode: '34042', codes: ['34042'], name: 'Zwevegem', lat: 50.8122, lon: 3.3383 },
	{ nisCode: '34043', codes: ['34043'], name: 'Spiere-Helkijn', lat: 50.7233, lon: 3.3583 },
	{ nisCode: '33029', codes: ['33029'], name: 'Wervik', lat: 50.78, lon: 3.0392 },
];

const byCode = new Map<string, RegionPlace>(regionPlaces.flatMap((p) => p.codes.map((code) => [code, p] as const)));

/** The fixed place of a municipality of the region, by any NIS code it has had; undefined elsewhere. */
export function municipalityPlace(nisCode: string): Place | undefined {
	const place = byCode.get(nisCode.trim());
	return place && { lat: place.lat, lon: place.lon };
}

/** The current NIS code for any code a municipality of the region has had (a merged one's new code). */
export function currentNisCode(nisCode: string): string | undefined {
	return byCode.get(nisCode.trim())?.nisCode;
}

/** The region's extent in degrees: the frame every picture of the web is drawn in, whatever its data. */
export const regionBounds = {
	minLat: Math.min(...regionPlaces.map((p) => p.lat)),
	maxLat: Math.max(...regionPlaces.map((p) => p.lat)),
	minLon: Math.min(...regionPlaces.map((p) => p.lon)),
	maxLon: Math.max(...regionPlaces.map((p) => p.lon)),
} as const;
