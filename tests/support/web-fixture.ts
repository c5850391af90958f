// Inputs for the web's picture (src/lib/server/registry/web-svg.ts): a small fixed web of the region and
// a large generated one (150 structures, 13 municipalities, about 2,000 memberships), for the unit tests
// and the benchmark.
import { regionPlaces } from '../../src/lib/domain/municipality-places.ts';
import { legalFormShapes } from '../../src/lib/server/registry/web-shapes.ts';
import type { WebEdge, WebInput, WebNode, WebView } from '../../src/lib/server/registry/web-svg.ts';

export const legendLabels: Record<string, string> = {
	legend: 'Legende',
	municipality: 'gemeente',
	partner: 'partnerorganisatie',
	project_association: 'projectvereniging',
	service_association: 'dienstverlenende vereniging',
	mandated_association: 'opdrachthoudende vereniging',
	mandated_association_private: 'opdrachthoudende vereniging met private deelname',
	interlocal_association: 'interlokale vereniging',
	police_zone: 'politiezone',
	emergency_zone: 'hulpverleningszone',
	conference: 'conferentie',
	thematic_consultation: 'thematisch overleg',
	regional_council: 'RegioRaad',
	reference_region: 'referentieregio',
	primary_care_zone: 'eerstelijnszone',
	other: 'ander',
	membership: 'neemt deel aan',
	sharedStructure: 'gedeelde structuur',
	sharedStructures: 'gedeelde structuren',
};

/** The 13 municipalities of the region as nodes. */
export function municipalityNodes(): WebNode[] {
	return regionPlaces.map((p) => ({
		id: `m-${p.nisCode}`,
		kind: 'municipality',
		label: p.name,
		accessibleName: `${p.name} — gemeente`,
		href: `/organisations/m-${p.nisCode}`,
		nisCode: p.nisCode,
	}));
}

function structure(id: string, name: string, legalForm: string, members: number): WebNode {
	return {
		id,
		kind: 'structure',
		label: name,
		accessibleName: `${name} — ${legendLabels[legalForm] ?? legalForm} — ${members} gemeenten`,
		href: `/registry/${id}`,
		legalForm,
	};
}

const m = (nis: string) => `m-${nis}`;
const ALL = regionPlaces.map((p) => p.nisCode);

/** Fifteen structures of the region (some real names, some made up) and their memberships. */
const SMALL: [string, string, string, string[]][] = [
	['s01', 'Leiedal', 'service_association', ALL],
	['s02', 'Conferentie van Burgemeesters', 'conference', ALL],
	['s03', 'RegioRaad Zuid-West-Vlaanderen', 'regional_council', ALL],
	['s04', 'Woonwijs', 'project_association', ['34009', '34013', '34023', '34025', '34042']],
	['s05', 'Beter Wonen', 'project_association', ['34002', '34003', '34043', '34040']],
	['s06', 'Kwalitatief wonen in de Grensstreek', 'project_association', ['34027', '33029']],
	['s07', 'Imog', 'service_association', ['34002', '34003', '34009', '34013', '34022', '34023', '34025', '34040', '34042', '34043']],
	['s08', 'Politiezone Vlas', 'police_zone', ['34022', '34023', '34025']],
	['s09', 'Politiezone Grensleie', 'police_zone', ['34027', '33029', '34041']],
	['s10', 'Hulpverleningszone Fluvia', 'emergency_zone', ALL],
	['s11', 'Eerstelijnszone Regio Kortrijk', 'primary_care_zone', ['34022', '34023', '34025', '34041', '34042', '34013']],
	['s12', 'Referentieregio Zuid-West-Vlaanderen', 'reference_region', ALL],
	['s13', 'Thematisch overleg mobiliteit', 'thematic_consultation', ['34022', '34013', '34042', '34041']],
	['s14', 'Interlokale vereniging Erfgoed Leie', 'interlocal_association', ['34013', '34022', '34023']],
	['s15', 'Intercommunale energie (fictief)', 'mandated_association_private', ['34040', '34002', '34003']],
];

/** The small fixed web: 13 municipalities, 15 structures, 2 partners. */
export function smallWeb(view: WebView): WebInput {
	const nodes: WebNode[] = [...municipalityNodes()];
	const edges: WebEdge[] = [];
	for (const [id, name, form, members] of SMALL) {
		nodes.push(structure(id, name, form, members.length));
		for (const nis of members) edges.push({ from: m(nis), to: id });
	}
	nodes.push({
		id: 'p1',
		kind: 'partner',
		label: 'Provincie West-Vlaanderen',
		accessibleName: 'Provincie West-Vlaanderen — partner',
		href: '/organisations/p1',
	});
	nodes.push({
		id: 'p2',
		kind: 'partner',
		label: 'Voka West-Vlaanderen',
		accessibleName: 'Voka West-Vlaanderen — partner',
		href: '/organisations/p2',
	});
	edges.push({ from: 'p1', to: 's03' }, { from: 'p2', to: 's03' }, { from: 'p1', to: 's01' });
	return {
		view,
		title: view === 'bipartite' ? 'Samenwerkingsverbanden en hun leden' : 'Gemeenten en hun gedeelde samenwerkingsverbanden',
		description: 'Het web van intergemeentelijke samenwerking in Zuid-West-Vlaanderen, de facto 2021.',
		nodes,
		edges,
		legendLabels,
		roleDescription: 'netwerkkaart',
	};
}

/** A seeded generator (mulberry32) so the large web is the same on every run. */
function seeded(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

function shuffle<T>(list: T[], random: () => number): T[] {
	for (let i = list.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[list[i], list[j]] = [list[j], list[i]];
	}
	return list;
}

/**
 * The large web: 13 municipalities, 150 structures, 30 partners, about 2,000 memberships
 * (each structure 4 to 13 municipalities, and up to 13 partners).
 */
export function largeWeb(view: WebView, seed = 13): WebInput {
	const random = seeded(seed);
	const forms = Object.keys(legalFormShapes);
	const nodes: WebNode[] = [...municipalityNodes()];
	const edges: WebEdge[] = [];
	for (let p = 1; p <= 30; p++) {
		nodes.push({
			id: `p${p}`,
			kind: 'partner',
			label: `Partner ${p}`,
			accessibleName: `Partner ${p} — partner`,
			href: `/organisations/p${p}`,
		});
	}
	for (let s = 1; s <= 150; s++) {
		const id = `s${String(s).padStart(3, '0')}`;
		const count = 4 + Math.floor(random() * 10);
		const members = shuffle([...ALL], random).slice(0, count);
		nodes.push(structure(id, `Samenwerking ${s}`, forms[s % forms.length], count));
		for (const nis of members) edges.push({ from: m(nis), to: id });
		const partners = Math.floor(random() * 14);
		for (let k = 0; k < partners; k++) edges.push({ from: `p${1 + Math.floor(random() * 30)}`, to: id });
	}
	return { view, title: 'Groot web', description: '150 samenwerkingsverbanden', nodes, edges, legendLabels };
}
