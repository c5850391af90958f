// Helpers of the dossier tests: a dossier's input with every list empty, and what a refused command said.
import type { DossierInput } from '../../src/lib/server/dossiers/dossiers.schema.ts';
import { AppError } from '../../src/lib/server/http/errors.ts';

/** A dossier's input: the type and title given, no themes, tags, bodies or municipalities, internal. */
export const dossierInput = (input: Pick<DossierInput, 'type' | 'title'> & Partial<DossierInput>): DossierInput => ({
	themes: [],
	tags: [],
	bodyIds: [],
	municipalityIds: [],
	confidentiality: 'internal',
	...input,
});

/** The status and field codes of the refusal `p` ends in (a test fails when it is not refused). */
export async function refusal(p: Promise<unknown>): Promise<{ status: number; fields: Record<string, string> }> {
	try {
		await p;
	} catch (error) {
		if (error instanceof AppError) return { status: error.status, fields: error.fields as Record<string, string> };
		throw error;
	}
	throw new Error('expected a refusal');
}
