// Importing structures and memberships from a CSV or XLSX file: parsed in a limited child process,
// its columns mapped to the registry's fields, every row checked (errors with their line numbers),
// nothing written while any row has an error, and the same file (or the same content) twice changes
// nothing. Each import that adds something is a source of its own.
import { fork } from 'node:child_process';
import { createHash } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { resolveNis } from '../../domain/nis-mergers.ts';
import { firstDay, isPartialDate, lastDay } from '../../domain/partial-dates.ts';
import {
	type ImportField,
	importFields,
	type LegalForm,
	legalForms,
	type MembershipRole,
	membershipRoles,
	type PolicyDomain,
	policyDomains,
	requiredImportFields,
} from '../../domain/registry.ts';
import type { Actor } from '../access/actor.ts';
import type { Db, Transactor } from '../db/client.ts';
import { appPath } from '../db/client.ts';
import { organisation } from '../directory/directory.tables.ts';
import { checkZipBounds } from '../files/extract.ts';
import { AppError } from '../http/errors.ts';
import { createMemberships, createSource, createStructures, type NewMembership } from './registry.service.ts';
import { membership, structure } from './registry.tables.ts';

export const SHEET_LIMITS = { memoryMb: 256, timeoutMs: 20_000, maxBytes: 10 * 1024 * 1024 };

export type SheetKind = 'csv' | 'xlsx';

/** An XLSX is a ZIP (PK\3\4); anything else named .csv or .txt is read as CSV text. */
export function sheetKindOf(name: string, bytes: Uint8Array): SheetKind | null {
	const zip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
	if (zip) return /\.xlsx$/i.test(name) ? 'xlsx' : null;
	return /\.(csv|txt)$/i.test(name) ? 'csv' : null;
}

/** The cells of an upload, parsed in a child process with a memory and a time limit. Never throws. */
export async function parseSheetLimited(
	name: string,
	bytes: Uint8Array,
	limits = SHEET_LIMITS,
): Promise<{ ok: true; rows: string[][] } | { ok: false; error: string; detail?: string }> {
	const kind = sheetKindOf(name, bytes);
	if (!kind) return { ok: false, error: 'unsupported_file' };
	if (bytes.byteLength > limits.maxBytes) return { ok: false, error: 'file_too_large' };
	if (kind === 'xlsx' && !checkZipBounds(bytes).ok) return { ok: false, error: 'file_too_large' };
	return new Promise((resolve) => {
		const child = fork(appPath('src/lib/server/registry/sheet-child.js'), [], {
			execArgv: [`--max-old-space-size=${limits.memoryMb}`],
			stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
			serialization: 'advanced',
		});
		let answer: { ok: true; rows: string[][] } | { ok: false; error: string } | null = null;
		const timer = setTimeout(() => child.kill('SIGKILL'), limits.timeoutMs);
		child.on('message', (message) => {
			answer = message as typeof answer;
		});
		child.on('error', () => {
			clearTimeout(timer);
			resolve({ ok: false, error: 'unreadable_file' });
		});
		child.on('exit', () => {
			clearTimeout(timer);
			resolve(answer?.ok ? answer : { ok: false, error: 'unreadable_file', ...(answer ? { detail: answer.error.slice(0, 200) } : {}) });
		});
		child.send({ kind, bytes });
	});
}

/** Column → field: the file's header for each field of the registry (or none). */
export type ColumnMapping = Partial<Record<ImportField, string>>;

const synonyms: Record<ImportField, string[]> = {
	code: ['code', 'igs', 'structure_code', 'id'],
	structure: ['structure', 'name igs', 'samenwerkingsverband', 'naam', 'name', 'structuur'],
	legalForm: ['legal_form', 'legalform', 'rechtsvorm', 'vorm'],
	themes: ['themes', 'thema', "thema's", 'beleidsdomeinen', 'policy_domains'],
	nis: ['nis', 'nis_code', 'niscode', 'gemeente', 'nis code'],
	role: ['role', 'rol'],
	start: ['start', 'begin', 'van', 'from', 'valid_from'],
	end: ['end', 'einde', 'tot', 'to', 'valid_to'],
};

/** The mapping a header suggests (by the usual names of each column). */
export function guessMapping(header: readonly string[]): ColumnMapping {
	const mapping: ColumnMapping = {};
	const lower = header.map((h) => h.trim().toLowerCase());
	for (const field of importFields) {
		const index = synonyms[field].map((s) => lower.indexOf(s)).find((i) => i >= 0);
		if (index !== undefined) mapping[field] = header[index];
	}
	return mapping;
}

/** A problem with one line of the file (line 1 is the header). */
export interface ImportRowError {
	line: number;
	field: string;
	code: string;
	value?: string;
}

/** One membership the file describes, checked. */
export interface ImportRecord {
	line: number;
	code: string | null;
	structure: string;
	legalForm: LegalForm;
	themes: PolicyDomain[];
	nis: string;
	memberIds: string[];
	viaMerger: boolean;
	role: MembershipRole;
	validFrom: string;
	validTo: string | null;
}

/** What the import falls back on where the file says nothing. */
export interface ImportDefaults {
	defaultStart?: string;
	defaultLegalForm?: LegalForm;
}

const formWords: Record<string, LegalForm> = {
	projectvereniging: 'project_association',
	'dienstverlenende vereniging': 'service_association',
	'opdrachthoudende vereniging': 'mandated_association',
	'opdrachthoudende vereniging met private deelname': 'mandated_association_private',
	'interlokale vereniging': 'interlocal_association',
	politiezone: 'police_zone',
	hulpverleningszone: 'emergency_zone',
	conferentie: 'conference',
	'thematisch overleg': 'thematic_consultation',
	regioraad: 'regional_council',
	referentieregio: 'reference_region',
	eerstelijnszone: 'primary_care_zone',
	ander: 'other',
};
const roleWords: Record<string, MembershipRole> = { deelnemer: 'participant', stichter: 'founder', relatie: 'relation' };

const asLegalForm = (v: string): LegalForm | null =>
	(legalForms as readonly string[]).includes(v) ? (v as LegalForm) : (formWords[v.toLowerCase()] ?? null);
const asRole = (v: string): MembershipRole | null =>
	(membershipRoles as readonly string[]).includes(v) ? (v as MembershipRole) : (roleWords[v.toLowerCase()] ?? null);

/** A cell a spreadsheet would run as a formula (CSV injection): refused, never imported. */
const isFormula = (cell: string) => /^[=+@\t\r]/.test(cell) || /^-[^\d\s]/.test(cell);

/** The region's municipalities by NIS code. */
async function nisCodesOf(db: Db, regionId: string): Promise<Map<string, string>> {
	const rows = await db
		.select({ id: organisation.id, nisCode: organisation.nisCode })
		.from(organisation)
		.where(and(eq(organisation.regionId, regionId), eq(organisation.kind, 'municipality')));
	return new Map(rows.filter((r) => r.nisCode).map((r) => [r.nisCode as string, r.id]));
}

/** Check every line of a parsed file against the mapping: the records, or the errors (with line numbers). */
export async function checkImport(
	db: Db,
	regionId: string,
	rows: readonly string[][],
	mapping: ColumnMapping,
	defaults: ImportDefaults = {},
): Promise<{ header: string[]; records: ImportRecord[]; errors: ImportRowError[] }> {
	const [header = [], ...lines] = rows;
	const errors: ImportRowError[] = [];
	const column = new Map<ImportField, number>();
	for (const field of importFields) {
		const name = mapping[field];
		if (!name) continue;
		const index = header.indexOf(name);
		if (index < 0) errors.push({ line: 1, field, code: 'missing_column', value: name });
		else column.set(field, index);
	}
	for (const field of requiredImportFields) if (!mapping[field]) errors.push({ line: 1, field, code: 'missing_column' });
	if (errors.length) return { header, records: [], errors };

	const nis = await nisCodesOf(db, regionId);
	const known = new Set(nis.keys());
	const records: ImportRecord[] = [];
	const seen = new Map<string, number>();
	lines.forEach((cells, i) => {
		const line = i + 2;
		const rowErrors: ImportRowError[] = [];
		const fail = (field: string, code: string, value?: string) => rowErrors.push({ line, field, code, value });
		cells.forEach((cell, c) => {
			if (isFormula(cell)) fail(header[c] ?? String(c + 1), 'formula_cell', cell.slice(0, 40));
		});
		const get = (field: ImportField) => {
			const index = column.get(field);
			return index === undefined ? '' : (cells[index] ?? '').trim();
		};
		const structureName = get('structure');
		if (!structureName) fail('structure', 'required');
		const code = get('code') || null;
		const nisCode = get('nis');
		const resolved = resolveNis(nisCode, known);
		if (!nisCode) fail('nis', 'required');
		else if (resolved.codes.length === 0) fail('nis', 'unknown_nis', nisCode);
		const formText = get('legalForm');
		const legalForm = formText ? asLegalForm(formText) : (defaults.defaultLegalForm ?? 'other');
		if (!legalForm) fail('legalForm', 'invalid_legal_form', formText);
		const themes = get('themes')
			.split(/[;,|]/)
			.map((t) => t.trim())
			.filter(Boolean);
		const badTheme = themes.find((t) => !(policyDomains as readonly string[]).includes(t));
		if (badTheme) fail('themes', 'invalid_theme', badTheme);
		const roleText = get('role');
		const role = roleText ? asRole(roleText) : 'participant';
		if (!role) fail('role', 'invalid_role', roleText);
		const validFrom = get('start') || defaults.defaultStart || '';
		if (!validFrom) fail('start', 'start_required');
		else if (!isPartialDate(validFrom)) fail('start', 'invalid_partial_date', validFrom);
		const validTo = get('end') || null;
		if (validTo && !isPartialDate(validTo)) fail('end', 'invalid_partial_date', validTo);
		else if (validTo && isPartialDate(validFrom) && lastDay(validTo) < firstDay(validFrom)) fail('end', 'end_before_start', validTo);
		if (rowErrors.length === 0) {
			const key = [(code ?? structureName).toLowerCase(), nisCode, role, validFrom, validTo ?? ''].join('|');
			const first = seen.get(key);
			if (first) fail('row', 'duplicate_row', String(first));
			else seen.set(key, line);
		}
		if (rowErrors.length) errors.push(...rowErrors);
		else
			records.push({
				line,
				code,
				structure: structureName,
				legalForm: legalForm as LegalForm,
				themes: themes as PolicyDomain[],
				nis: nisCode,
				memberIds: resolved.codes.map((c) => nis.get(c) as string),
				viaMerger: resolved.viaMerger,
				role: role as MembershipRole,
				validFrom,
				validTo,
			});
	});
	return { header, records, errors };
}

/** What an import did. */
export interface ImportOutcome {
	sourceId: string | null;
	structuresCreated: number;
	membershipsCreated: number;
	unchanged: number;
}

/**
 * Import checked rows: refused (nothing written) while any row has an error; structures matched by
 * code or name, memberships already known with the same period and role left alone; a source for the
 * file only when something is added. The same file twice changes nothing.
 */
export async function commitImport(
	db: Transactor,
	actor: Actor,
	file: { name: string; bytes?: Uint8Array; rows: readonly string[][]; label?: string; evidence?: string },
	mapping: ColumnMapping,
	defaults: ImportDefaults = {},
	{ at }: { at?: Date } = {},
): Promise<ImportOutcome> {
	return db.transaction(async (tx) => {
		const checked = await checkImport(tx, actor.regionId, file.rows, mapping, defaults);
		if (checked.errors.length)
			throw new AppError(
				'invalid',
				400,
				{ file: 'import_has_errors' },
				{ count: String(checked.errors.length) },
				{ errors: checked.errors },
			);
		const existing = await tx
			.select({ id: structure.id, code: structure.code, name: structure.name })
			.from(structure)
			.where(eq(structure.regionId, actor.regionId));
		const byKey = new Map<string, string>();
		for (const s of existing) {
			if (s.code) byKey.set(`code:${s.code.toLowerCase()}`, s.id);
			byKey.set(`name:${s.name.toLowerCase()}`, s.id);
		}
		const keyOf = (r: ImportRecord) => (r.code ? `code:${r.code.toLowerCase()}` : `name:${r.structure.toLowerCase()}`);
		const lookup = (r: ImportRecord) => byKey.get(keyOf(r)) ?? byKey.get(`name:${r.structure.toLowerCase()}`);
		const fresh = new Map<string, ImportRecord>();
		for (const r of checked.records) if (!lookup(r) && !fresh.has(keyOf(r))) fresh.set(keyOf(r), r);
		const current = await tx
			.select({
				structureId: membership.structureId,
				memberId: membership.memberOrganisationId,
				role: membership.role,
				validFrom: membership.validFrom,
				validTo: membership.validTo,
			})
			.from(membership)
			.where(and(eq(membership.regionId, actor.regionId), isNull(membership.supersededAt)));
		const knownRows = new Set(current.map((m) => [m.structureId, m.memberId, m.role, m.validFrom, m.validTo ?? ''].join('|')));

		const structureIds = await createStructures(
			tx,
			actor,
			[...fresh.values()].map((r) => ({
				name: r.structure,
				legalForm: r.legalForm,
				policyDomains: r.themes,
				code: r.code ?? undefined,
			})),
		);
		for (const [i, key] of [...fresh.keys()].entries()) byKey.set(key, structureIds[i]);

		const wanted: Omit<NewMembership, 'sourceId'>[] = [];
		let unchanged = 0;
		for (const r of checked.records) {
			const structureId = lookup(r) as string;
			for (const memberId of r.memberIds) {
				const key = [structureId, memberId, r.role, r.validFrom, r.validTo ?? ''].join('|');
				if (knownRows.has(key)) {
					unchanged++;
					continue;
				}
				knownRows.add(key);
				wanted.push({
					structureId,
					memberOrganisationId: memberId,
					role: r.role,
					validFrom: r.validFrom,
					validTo: r.validTo ?? undefined,
					evidence: r.viaMerger ? `line ${r.line} (NIS ${r.nis}, merger of 2025)` : `line ${r.line}`,
				});
			}
		}
		if (wanted.length === 0 && structureIds.length === 0) return { sourceId: null, structuresCreated: 0, membershipsCreated: 0, unchanged };
		const sha = file.bytes ? createHash('sha256').update(file.bytes).digest('hex') : undefined;
		const sourceId = await createSource(tx, actor, {
			kind: 'import',
			label: file.label || file.name,
			evidence: file.evidence ?? file.name,
			fileSha256: sha,
			recordedAt: at,
		});
		await createMemberships(
			tx,
			actor,
			wanted.map((w) => ({ ...w, sourceId })),
			{ at },
		);
		return { sourceId, structuresCreated: structureIds.length, membershipsCreated: wanted.length, unchanged };
	});
}
