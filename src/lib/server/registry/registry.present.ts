// The registry handed on: memberships as CSV (the import's own columns, so a file exported can be
// imported again; formula-safe), as JSON, and as JSON-LD in the vocabulary Flanders uses for
// organisations (W3C ORG with OSLO: org:Membership, org:memberDuring with a time:Interval).
import { stringify } from 'csv-stringify/sync';
import type { WebRow } from './registry.queries.ts';

/** The CSV's columns, the same as an import's (registry.import.ts guesses them back). */
export const EXPORT_COLUMNS = ['code', 'structure', 'legal_form', 'nis_code', 'member', 'role', 'start', 'end', 'source'] as const;

/** Memberships as CSV; a cell that a spreadsheet would run as a formula is escaped (a leading quote). */
export function membershipsCsv(rows: readonly WebRow[], sourceLabel: (id: string) => string): string {
	return stringify(
		rows.map((r) => [
			r.structureId,
			r.structureName,
			r.legalForm,
			r.memberNisCode ?? '',
			r.memberName,
			r.role,
			r.validFrom,
			r.validTo ?? '',
			sourceLabel(r.sourceId),
		]),
		{ header: true, columns: [...EXPORT_COLUMNS], escape_formulas: true, bom: true },
	);
}

/** One membership in the JSON export. */
export interface MembershipJson {
	structure: { id: string; name: string; legalForm: string };
	member: { id: string; name: string; kind: string; nisCode: string | null };
	role: string;
	validFrom: string;
	validTo: string | null;
	source: string;
}

/** Memberships as plain JSON. */
export function membershipsJson(rows: readonly WebRow[], sourceLabel: (id: string) => string): MembershipJson[] {
	return rows.map((r) => ({
		structure: { id: r.structureId, name: r.structureName, legalForm: r.legalForm },
		member: { id: r.memberId, name: r.memberName, kind: r.memberKind, nisCode: r.memberNisCode },
		role: r.role,
		validFrom: r.validFrom,
		validTo: r.validTo,
		source: sourceLabel(r.sourceId),
	}));
}

const ROLE_URI: Record<string, string> = {
	participant: 'https://data.aanjager.be/ns/registry#participant',
	founder: 'https://data.aanjager.be/ns/registry#founder',
	relation: 'https://data.aanjager.be/ns/registry#relation',
};

/** An XSD literal for a partial date: gYear, gYearMonth or date. */
const timeValue = (value: string) =>
	value.length === 4
		? { 'time:inXSDgYear': { '@value': value, '@type': 'xsd:gYear' } }
		: value.length === 7
			? { 'time:inXSDgYearMonth': { '@value': value, '@type': 'xsd:gYearMonth' } }
			: { 'time:inXSDDate': { '@value': value, '@type': 'xsd:date' } };

/** Memberships as JSON-LD: each an org:Membership with org:member, org:organization, org:role and org:memberDuring. */
export function membershipsJsonLd(rows: readonly WebRow[], base: string) {
	return {
		'@context': {
			org: 'http://www.w3.org/ns/org#',
			time: 'http://www.w3.org/2006/time#',
			skos: 'http://www.w3.org/2004/02/skos/core#',
			xsd: 'http://www.w3.org/2001/XMLSchema#',
			dcterms: 'http://purl.org/dc/terms/',
		},
		'@graph': rows.map((r) => ({
			'@id': `${base}/registry/memberships/${r.membershipId}`,
			'@type': 'org:Membership',
			'org:member': {
				'@id': r.memberNisCode
					? `http://data.vlaanderen.be/id/bestuurseenheden/nis/${r.memberNisCode}`
					: `${base}/registry/members/${r.memberId}`,
				'skos:prefLabel': r.memberName,
			},
			'org:organization': { '@id': `${base}/registry/${r.structureId}`, 'skos:prefLabel': r.structureName },
			'org:role': { '@id': ROLE_URI[r.role] },
			'org:memberDuring': {
				'@type': 'time:Interval',
				'time:hasBeginning': { '@type': 'time:Instant', ...timeValue(r.validFrom) },
				...(r.validTo ? { 'time:hasEnd': { '@type': 'time:Instant', ...timeValue(r.validTo) } } : {}),
			},
			'dcterms:source': { '@id': `${base}/registry/sources/${r.sourceId}` },
		})),
	};
}

/** The memberships a JSON-LD export describes (its round trip: structure, member, role, period). */
export function readMembershipsJsonLd(doc: ReturnType<typeof membershipsJsonLd>) {
	const roleOf = new Map(Object.entries(ROLE_URI).map(([k, v]) => [v, k]));
	const literalOf = (instant: Record<string, unknown> | undefined) => {
		if (!instant) return null;
		const literal = (instant['time:inXSDgYear'] ?? instant['time:inXSDgYearMonth'] ?? instant['time:inXSDDate']) as { '@value': string };
		return literal['@value'];
	};
	return doc['@graph'].map((m) => ({
		structureId: m['org:organization']['@id'].split('/').pop() as string,
		member: m['org:member']['skos:prefLabel'],
		role: roleOf.get(m['org:role']['@id']) as string,
		validFrom: literalOf(m['org:memberDuring']['time:hasBeginning']) as string,
		validTo: literalOf((m['org:memberDuring'] as unknown as Record<string, Record<string, unknown>>)['time:hasEnd']),
	}));
}
