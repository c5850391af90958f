// What the secretariat's home card says of failed mail: how many deliveries of the region are refused or
// bounced and not sent again, and the latest few (recipient, municipality, dispatch).
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { organisation } from '../directory/directory.tables.ts';
import { dispatchDelivery, dispatchVersion } from './dispatch.tables.ts';

/** The failed deliveries of a region: their number and the `top` latest (for the secretariat's home). */
export async function failedDeliveriesCard(db: Db, regionId: string, top = 3) {
	const rows = await db
		.select({
			id: dispatchDelivery.id,
			email: dispatchDelivery.email,
			state: dispatchDelivery.state,
			municipality: organisation.name,
			dispatchId: dispatchVersion.dispatchId,
			versionId: dispatchDelivery.dispatchVersionId,
			at: dispatchDelivery.updatedAt,
			total: sql<number>`(count(*) over ())::int`,
		})
		.from(dispatchDelivery)
		.innerJoin(organisation, eq(organisation.id, dispatchDelivery.organisationId))
		.innerJoin(dispatchVersion, eq(dispatchVersion.id, dispatchDelivery.dispatchVersionId))
		.where(and(eq(dispatchDelivery.regionId, regionId), inArray(dispatchDelivery.state, ['refused', 'bounced'])))
		.orderBy(desc(dispatchDelivery.updatedAt), desc(dispatchDelivery.id))
		.limit(top);
	return { count: rows[0]?.total ?? 0, top: rows.map(({ total: _total, ...row }) => row) };
}
