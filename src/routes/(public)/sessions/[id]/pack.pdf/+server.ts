import { getLocale } from '$lib/paraglide/runtime.js';
import { getApp } from '$lib/server/app';
import { idParam, orNotFound } from '$lib/server/http/guards';
import { notFoundPage } from '$lib/server/http/not-found';
import { pdfResponse } from '$lib/server/pdf/response';
import { packPdf } from '$lib/server/sessions/pack.present';
import { getPack } from '$lib/server/sessions/pack.queries';
import type { RequestHandler } from './$types';

/** The briefing pack as a tagged PDF download, with only what the reader may read, in their language (else the 404 page). */
export const GET: RequestHandler = notFoundPage(async ({ locals, params }) => {
	const app = getApp();
	const pack = orNotFound(await getPack(app.db, locals.reader, idParam(params.id)));
	const pdf = await packPdf(pack, getLocale(), { logo: app.config.REGION_LOGO });
	const day = pack.session.startsAt.toLocaleDateString('sv-SE', { timeZone: 'Europe/Brussels' });
	return pdfResponse(pdf, `infobundel-${day}.pdf`);
});
