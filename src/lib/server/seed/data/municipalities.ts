// The 13 municipalities of Zuid-West-Vlaanderen, from seed/municipalities-zuid-west-vlaanderen.csv
// (NIS code, Dutch and French name; see seed/SOURCE.md), in the CSV's order: the demo's meetings
// refer to them by their place in this list (`mun:4` is Kortrijk).

export interface DemoMunicipality {
	nisCode: string;
	name: string;
	/** The French name, where it differs from the Dutch one. */
	nameFr?: string;
}

export const DEMO_MUNICIPALITIES: readonly DemoMunicipality[] = [
	{ nisCode: '34002', name: 'Anzegem' },
	{ nisCode: '34003', name: 'Avelgem' },
	{ nisCode: '34009', name: 'Deerlijk' },
	{ nisCode: '34013', name: 'Harelbeke' },
	{ nisCode: '34022', name: 'Kortrijk', nameFr: 'Courtrai' },
	{ nisCode: '34023', name: 'Kuurne' },
	{ nisCode: '34025', name: 'Lendelede' },
	{ nisCode: '34027', name: 'Menen', nameFr: 'Menin' },
	{ nisCode: '34043', name: 'Spiere-Helkijn', nameFr: 'Espierres-Helchin' },
	{ nisCode: '34040', name: 'Waregem' },
	{ nisCode: '33029', name: 'Wervik' },
	{ nisCode: '34041', name: 'Wevelgem' },
	{ nisCode: '34042', name: 'Zwevegem' },
];
