import { error } from '@sveltejs/kit';
import { memo } from '../../../../../../bench/memo';
import { load as realLoad } from '../../../dossiers/[id]/+page.server';
import type { PageServerLoad } from './$types';

/** A dossier page's data, loaded once and then served from memory (benchmark reference). */
export const load: PageServerLoad = (event) => {
	if (!event.locals.actor) error(404, { message: 'Not found', code: 'not_found' });
	return memo(
		`dossier:${event.params.id}:${event.locals.actor.accountId}`,
		async () => (await realLoad(event as never)) as Record<string, unknown>,
	);
};
