// Who reads: the facts every visibility rule needs, derived once from the signed-in actor (or the
// public reader for anonymous visitors). Features decide what a reader sees in their `.access.ts`
// modules, as SQL builders over these facts (docs/decisions/0010-access.md).
import type { Actor } from './actor.ts';

export interface Reader {
	/** The reader's region; null for the public reader. */
	regionId: string | null;
	/** The reader's person; null for the public reader. */
	personId: string | null;
	/** Secretariat staff administer their region and read all of it. */
	secretariat: boolean;
	/** A holder of an office in the region (any mandate other than an external organisation's contact):
	 * officials read the region's internal items; contacts do not. */
	official: boolean;
	/** General director of a municipality: reads restricted items. */
	generalDirector: boolean;
	/** Bodies of which the reader is a current member or chair: reads their confidential items. */
	memberOf: readonly string[];
	/** Organisations of which the reader is a contact: reads what those organisations brought. */
	contactOf: readonly string[];
	/** Municipalities of which the reader is general director. */
	directorOf: readonly string[];
}

/** The reader of anonymous visitors: published public content only. */
export const publicReader: Reader = Object.freeze({
	regionId: null,
	personId: null,
	secretariat: false,
	official: false,
	generalDirector: false,
	memberOf: Object.freeze([]),
	contactOf: Object.freeze([]),
	directorOf: Object.freeze([]),
});

/** The mandates that make a person a member of a body (others, e.g. a contact on a body, do not). */
export const isMemberRole = (role: string) => role === 'member' || role === 'chair';

const readers = new WeakMap<Actor, Reader>();

const unique = (values: (string | null)[]) => Object.freeze([...new Set(values.filter((v): v is string => v !== null))].sort());

/** The reader an actor is (the public reader when nobody is signed in); derived once per actor. */
export function readerOf(actor: Actor | null | undefined): Reader {
	if (!actor) return publicReader;
	let reader = readers.get(actor);
	if (reader) return reader;
	const roles = actor.roles;
	reader = intern({
		regionId: actor.regionId,
		personId: actor.personId,
		secretariat: actor.isRegionAdmin,
		official: actor.isRegionAdmin || roles.some((r) => r.role !== 'contact'),
		generalDirector: roles.some((r) => r.role === 'general_director'),
		memberOf: unique(roles.map((r) => (isMemberRole(r.role) ? r.bodyId : null))),
		contactOf: unique(roles.map((r) => (r.role === 'contact' ? r.organisationId : null))),
		directorOf: unique(roles.map((r) => (r.role === 'general_director' ? r.organisationId : null))),
	});
	readers.set(actor, reader);
	return reader;
}

// Readers with the same facts are one object, across requests: what is derived from a reader once (its
// composed statements, see db/prepared.ts) is then derived once per person and not once per request.
const interned = new Map<string, Reader>();
const MAX_INTERNED = 10_000;

function intern(facts: Reader): Reader {
	const key = JSON.stringify(facts);
	let reader = interned.get(key);
	if (!reader) {
		if (interned.size >= MAX_INTERNED) interned.clear();
		reader = Object.freeze(facts);
		interned.set(key, reader);
	}
	return reader;
}

/** True when the reader is the secretariat of the given region. */
export const isSecretariatOf = (reader: Reader, regionId: string) => reader.secretariat && reader.regionId === regionId;
