// Who may follow the information flow: the secretariat all of its region's dispatches, recipients and
// ledger; a general director (and a municipality's extra persons) their own municipality's part only;
// anyone else nothing (a 404, like what does not exist). Pages, the CSV export and the downloads of the
// mails' files all ask here.
import { and, eq, isNull } from 'drizzle-orm';
import type { Reader } from '../access/reader.ts';
import type { Db, RootDb } from '../db/client.ts';
import { cachedRead } from '../db/read-cache.ts';
import { AppError } from '../http/errors.ts';
import { dispatchRecipient } from './dispatch.tables.ts';

/** What a reader may see of the information flow. */
export interface DispatchScope {
	regionId: string;
	personId: string;
	/** The secretariat: every municipality of the region. */
	all: boolean;
	/** The municipalities the reader is a recipient of (general director, extra person): they act for these. */
	municipalities: readonly string[];
}

/**
 * The reader's scope, or null when the reader follows nothing (anonymous, another role): the secretariat,
 * the municipalities the reader is general director of, and those that named the reader an extra person.
 */
export async function dispatchScope(db: Db, reader: Reader): Promise<DispatchScope | null> {
	if (!reader.regionId || !reader.personId) return null;
	const named = await db
		.selectDistinct({ organisationId: dispatchRecipient.organisationId })
		.from(dispatchRecipient)
		.where(
			and(
				eq(dispatchRecipient.regionId, reader.regionId),
				eq(dispatchRecipient.personId, reader.personId),
				eq(dispatchRecipient.kind, 'person'),
				isNull(dispatchRecipient.removedAt),
			),
		);
	const municipalities = [...new Set([...reader.directorOf, ...named.map((n) => n.organisationId)])].sort();
	if (municipalities.length === 0 && !reader.secretariat) return null;
	return { regionId: reader.regionId, personId: reader.personId, all: reader.secretariat, municipalities };
}

/** The reader's scope through the read cache, for pages every reader opens (the home page). */
export function cachedDispatchScope(db: RootDb, reader: Reader): Promise<DispatchScope | null> {
	if (!reader.regionId || !reader.personId) return Promise.resolve(null);
	return cachedRead(
		db,
		`dispatch-scope:${reader.regionId}:${reader.personId}:${reader.secretariat}:${reader.directorOf.join(',')}`,
		() => dispatchScope(db, reader),
		{
			region: reader.regionId,
		},
	);
}

/** May the scope see this municipality's part? */
export const followsMunicipality = (scope: DispatchScope | null, organisationId: string) =>
	!!scope && (scope.all || scope.municipalities.includes(organisationId));

/** May the scope act for this municipality (acknowledge, record the College's treatment)? Its recipients only. */
export const actsFor = (scope: DispatchScope | null, organisationId: string) => !!scope && scope.municipalities.includes(organisationId);

/** The scope, or a 404 for a reader who follows nothing. */
export async function requireScope(db: Db, reader: Reader): Promise<DispatchScope> {
	const scope = await dispatchScope(db, reader);
	if (!scope) throw new AppError('not_found', 404);
	return scope;
}

/** The secretariat's scope, or a 404. */
export async function requireSecretariat(db: Db, reader: Reader): Promise<DispatchScope> {
	const scope = await dispatchScope(db, reader);
	if (!scope?.all) throw new AppError('not_found', 404);
	return scope;
}
