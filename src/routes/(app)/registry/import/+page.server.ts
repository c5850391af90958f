import { fail, redirect } from '@sveltejs/kit';
import { importFields, legalForms } from '$lib/domain/registry';
import { getApp } from '$lib/server/app';
import { AppError } from '$lib/server/http/errors';
import { flash } from '$lib/server/http/flash';
import { readForm } from '$lib/server/http/forms';
import { uploadsOf } from '$lib/server/http/uploads';
import { manageRegistry } from '$lib/server/registry/registry.guard';
import {
	type ColumnMapping,
	checkImport,
	commitImport,
	guessMapping,
	parseSheetLimited,
	SHEET_LIMITS,
} from '$lib/server/registry/registry.import';
import { importSchema } from '$lib/server/registry/registry.schema';
import type { Actions, PageServerLoad } from './$types';

const SHA = /^[0-9a-f]{64}$/;

/** The mapping and defaults the form (or the address) gives, else the ones the header suggests. */
function mappingOf(values: Record<string, string | undefined>, header: string[]): { mapping: ColumnMapping; guessed: boolean } {
	const given = importFields.some((f) => values[`col_${f}`] !== undefined);
	if (!given) return { mapping: guessMapping(header), guessed: true };
	const mapping: ColumnMapping = {};
	for (const f of importFields) if (values[`col_${f}`]) mapping[f] = values[`col_${f}`];
	return { mapping, guessed: false };
}

/** Read a stashed upload back (by its hash) and parse it in the limited child. */
async function readUpload(sha: string, name: string) {
	const bytes = new Uint8Array(await getApp().files.read(sha));
	return { bytes, parsed: await parseSheetLimited(name, bytes) };
}

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = manageRegistry(locals);
	const sha = url.searchParams.get('file') ?? '';
	const name = url.searchParams.get('name') ?? '';
	if (!SHA.test(sha) || !name) return { preview: null, legalForms: [...legalForms] };
	const { parsed } = await readUpload(sha, name).catch(() => ({ parsed: { ok: false as const, error: 'unreadable_file' } }));
	if (!parsed.ok) return { preview: null, fileError: parsed.error, legalForms: [...legalForms] };
	const values = Object.fromEntries([...url.searchParams].filter(([, v]) => v !== '')) as Record<string, string | undefined>;
	const defaults = importSchema.safeParse(values);
	const options = defaults.success ? defaults.data : {};
	const { mapping } = mappingOf(values, parsed.rows[0] ?? []);
	const checked = await checkImport(getApp().db, actor.regionId, parsed.rows, mapping, options);
	return {
		legalForms: [...legalForms],
		preview: {
			sha,
			name,
			header: checked.header,
			mapping,
			defaults: { defaultStart: options.defaultStart ?? '', defaultLegalForm: options.defaultLegalForm ?? '', label: options.label ?? '' },
			errors: checked.errors.slice(0, 200),
			errorCount: checked.errors.length,
			rowCount: parsed.rows.length - 1,
			records: checked.records.slice(0, 20).map((r) => ({ ...r, memberIds: r.memberIds.length })),
		},
	};
};

export const actions: Actions = {
	/** Step 1: keep the file (content-addressed) and show its preview. */
	upload: async ({ locals, request }) => {
		manageRegistry(locals);
		const form = await readForm(request);
		const [file] = await uploadsOf(form);
		if (!file) return fail(400, { formId: 'upload', errors: { file: 'file_required' }, values: {} });
		if (file.bytes.byteLength > SHEET_LIMITS.maxBytes)
			return fail(400, { formId: 'upload', errors: { file: 'file_too_large' }, values: {} });
		const { sha256 } = await getApp().files.put(file.bytes);
		redirect(303, `/registry/import?file=${sha256}&name=${encodeURIComponent(file.name)}`);
	},
	/** Step 2: import the previewed file with its mapping; refused (nothing imported) while a row has an error. */
	commit: async ({ locals, request }) => {
		const actor = manageRegistry(locals);
		const form = await readForm(request);
		const values = Object.fromEntries([...form.entries()].map(([k, v]) => [k, typeof v === 'string' && v !== '' ? v : undefined]));
		const sha = String(values.file ?? '');
		const name = String(values.name ?? '');
		if (!SHA.test(sha) || !name) return fail(400, { formId: 'commit', errors: { file: 'file_required' }, values: {} });
		const { bytes, parsed } = await readUpload(sha, name);
		if (!parsed.ok) return fail(400, { formId: 'commit', errors: { file: parsed.error }, values: {} });
		const defaults = importSchema.safeParse(values);
		const options = defaults.success ? defaults.data : {};
		const { mapping } = mappingOf(values as Record<string, string | undefined>, parsed.rows[0] ?? []);
		try {
			await commitImport(getApp().db, actor, { name, bytes, rows: parsed.rows, label: options.label }, mapping, options);
		} catch (e) {
			if (e instanceof AppError) return fail(400, { formId: 'commit', errors: e.fields, values: {} });
			throw e;
		}
		flash('saved', '/registry');
		redirect(303, '/registry');
	},
};
