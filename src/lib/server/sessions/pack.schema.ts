// The pack editor's form (ADR 0031): the introduction, a checkbox per dossier of the region (`dossierIds`)
// and a position number per dossier (`position-<id>`), turned into the pack's dossiers in order for
// `setPack` — so the secretariat orders the pack without scripts. Equal or empty positions keep the
// order the dossiers were listed in.
import { z } from 'zod';
import { packSchema } from './sessions.schema.ts';

const POSITION = /^position-/;

/** The form of the pack editor, parsed into the pack's input (introduction and dossiers in order). */
export const packFormSchema = z
	.looseObject({ introduction: packSchema.shape.introduction, dossierIds: packSchema.shape.dossierIds })
	.superRefine((form, ctx) => {
		for (const [key, value] of Object.entries(form)) {
			if (!POSITION.test(key) || value === undefined) continue;
			if (typeof value !== 'string' || !/^\d{1,3}$/.test(value.trim()) || Number(value) < 1)
				ctx.addIssue({ code: 'custom', path: [key], message: 'invalid_position' });
		}
	})
	.transform((form) => {
		const position = (id: string) => {
			const value = form[`position-${id}`];
			return typeof value === 'string' ? Number(value) : Number.POSITIVE_INFINITY;
		};
		const dossierIds = form.dossierIds
			.map((id, index) => ({ id, index, at: position(id) }))
			.sort((a, b) => a.at - b.at || a.index - b.index)
			.map((x) => x.id);
		return { introduction: form.introduction, dossierIds };
	});
