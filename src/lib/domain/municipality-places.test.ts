// The fixed places of the region's municipalities, by NIS code.
import { describe, expect, it } from 'vitest';
import { currentNisCode, municipalityPlace, regionBounds, regionPlaces } from './municipality-places.ts';

// The 13 municipalities of Zuid-West-Vlaanderen and their NIS codes (Statbel), as the region's list has them.
const REGION: Record<string, string> = {
	'34002': 'Anzegem',
	'34003': 'Avelgem',
	'34009': 'Deerlijk',
	'34013': 'Harelbeke',
	'34022': 'Kortrijk',
	'34023': 'Kuurne',
	'34025': 'Lendelede',
	'34027': 'Menen',
	'34043': 'Spiere-Helkijn',
	'34040': 'Waregem',
	'33029': 'Wervik',
	'34041': 'Wevelgem',
	'34042': 'Zwevegem',
};

describe('municipalityPlace', () => {
	it('places each of the 13 municipalities in the south of West Flanders, each on its own spot', () => {
		expect(Object.fromEntries(regionPlaces.map((p) => [p.nisCode, p.name]))).toEqual(REGION);
		const seen = new Set<string>();
		for (const code of Object.keys(REGION)) {
			const place = municipalityPlace(code);
			expect(place, code).toBeDefined();
			expect(place?.lat).toBeGreaterThan(50.7);
			expect(place?.lat).toBeLessThan(50.9);
			expect(place?.lon).toBeGreaterThan(3.0);
			expect(place?.lon).toBeLessThan(3.5);
			seen.add(`${place?.lat},${place?.lon}`);
		}
		expect(seen.size).toBe(13);
		// Kortrijk lies between Menen (west) and Waregem (north-east); Spiere-Helkijn is the southernmost.
		expect(municipalityPlace('34027')?.lon).toBeLessThan(municipalityPlace('34022')?.lon ?? 0);
		expect(municipalityPlace('34022')?.lon).toBeLessThan(municipalityPlace('34040')?.lon ?? 0);
		expect(regionBounds.minLat).toBe(municipalityPlace('34043')?.lat);
	});

	it('knows every code a place has had and answers each with the current one; nothing outside the region', () => {
		for (const place of regionPlaces) {
			expect(place.codes).toContain(place.nisCode);
			for (const code of place.codes) {
				expect(currentNisCode(code)).toBe(place.nisCode);
				expect(municipalityPlace(code)).toEqual({ lat: place.lat, lon: place.lon });
			}
		}
		expect(municipalityPlace(' 34022 ')).toEqual(municipalityPlace('34022'));
		expect(municipalityPlace('37015')).toBeUndefined(); // Tielt: merged with Meulebeke in 2025, not in the region
		expect(municipalityPlace('')).toBeUndefined();
		expect(currentNisCode('99999')).toBeUndefined();
	});
});
