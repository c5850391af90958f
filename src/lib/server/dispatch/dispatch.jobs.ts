// The jobs of the information flow: a started version's deliveries made (the worker's periodic step then
// hands them over, see handover.service.ts), and the secretariat told of a failed delivery.
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { organisation } from '../directory/directory.tables.ts';
import { recipientOf } from '../mail/recipient.ts';
import type { JobHandlers } from '../platform/jobs/worker.ts';
import { makeDeliveries } from './deliveries.service.ts';
import { dispatchPageUrl, failedDeliveryMail } from './dispatch.mails.ts';
import { dispatchDelivery, dispatchEvent, dispatchVersion } from './dispatch.tables.ts';

/** The alert of a failed delivery for one officer, in their language; null when it no longer failed. */
async function failedMail(db: Db, origin: string, deliveryId: string, personId: string) {
	const [[d], recipient] = await Promise.all([
		db
			.select({
				state: dispatchDelivery.state,
				email: dispatchDelivery.email,
				subject: dispatchDelivery.subject,
				municipality: organisation.name,
				dispatchId: dispatchVersion.dispatchId,
			})
			.from(dispatchDelivery)
			.innerJoin(organisation, eq(organisation.id, dispatchDelivery.organisationId))
			.innerJoin(dispatchVersion, eq(dispatchVersion.id, dispatchDelivery.dispatchVersionId))
			.where(eq(dispatchDelivery.id, deliveryId)),
		recipientOf(db, personId),
	]);
	if (!d || !recipient || (d.state !== 'refused' && d.state !== 'bounced')) return null;
	const [event] = await db
		.select({ detail: dispatchEvent.detail })
		.from(dispatchEvent)
		.where(and(eq(dispatchEvent.deliveryId, deliveryId), inArray(dispatchEvent.kind, ['refused', 'bounced'])))
		.orderBy(desc(dispatchEvent.id))
		.limit(1);
	const detail = (event?.detail ?? {}) as { response?: string; diagnostic?: string; status?: string };
	const reason = [detail.status, detail.diagnostic ?? detail.response].filter(Boolean).join(' ') || d.state;
	const mail = failedDeliveryMail(recipient.locale, {
		recipient: d.email,
		municipality: d.municipality,
		subject: d.subject ?? '',
		reason,
		link: dispatchPageUrl(origin, d.dispatchId),
	});
	return { to: recipient.email, ...mail };
}

/** The handlers of the dispatch's jobs, registered by the application. */
export const dispatchJobs = {
	'dispatch.prepare': async (ctx, { versionId }) => {
		await makeDeliveries(ctx.db, ctx.files, ctx.origin, versionId, { at: new Date(), logo: ctx.logo });
	},
	'dispatch.failed': async (ctx, { deliveryId, personId }) => {
		const mail = await failedMail(ctx.db, ctx.origin, deliveryId, personId);
		if (mail) await ctx.send(mail);
	},
} satisfies Pick<JobHandlers, 'dispatch.prepare' | 'dispatch.failed'>;
