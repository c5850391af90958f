import { dossierStates, dossierThemes, dossierTypes } from '$lib/domain/dossiers';
import { getApp } from '$lib/server/app';
import { canManageDossiers } from '$lib/server/dossiers/dossiers.policy';
import { type DossierFilters, listDossiers } from '$lib/server/dossiers/dossiers.queries';
import type { PageServerLoad } from './$types';

const oneOf = <T extends string>(list: readonly T[], value: string | null): T | undefined =>
	value && (list as readonly string[]).includes(value) ? (value as T) : undefined;

export const load: PageServerLoad = async ({ locals, url }) => {
	const p = url.searchParams;
	const text = (key: string) => p.get(key)?.trim().slice(0, 100) || undefined;
	const filters: DossierFilters = {
		type: oneOf(dossierTypes, p.get('type')),
		theme: oneOf(dossierThemes, p.get('theme')),
		status: oneOf(dossierStates, p.get('status')),
		tag: text('tag'),
		q: text('q'),
	};
	const dossiers = await listDossiers(getApp().db, locals.reader, filters);
	return { dossiers, filters, canManage: Boolean(locals.actor && canManageDossiers(locals.actor)) };
};
