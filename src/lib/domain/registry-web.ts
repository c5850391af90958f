// The web of cooperation: which members take part in which structures on a day, how to replay it from
// the events of joining and leaving, and the difference between two webs. Pure; the registry's queries
// load the memberships and its pages show the result.
import { dayAfter } from './partial-dates.ts';
import { currentOn } from './periods.ts';
import type { MembershipRole } from './registry.ts';

/** A membership as the web sees it: its period as the widest days it may mean (see partial-dates.ts). */
export interface WebMembership {
	structureId: string;
	memberId: string;
	role: MembershipRole;
	startDate: string;
	endDate: string | null;
}

/** One edge of the web: a member in a structure, with every role it holds there (sorted). */
export interface WebEdge {
	structureId: string;
	memberId: string;
	roles: MembershipRole[];
}

const keyOf = (m: { structureId: string; memberId: string }) => `${m.structureId}|${m.memberId}`;

/** The edges of a set of memberships, one per (structure, member), sorted by key: a web's normal form. */
export function edgesOf(memberships: readonly WebMembership[]): WebEdge[] {
	const byKey = new Map<string, WebEdge>();
	for (const m of memberships) {
		const key = keyOf(m);
		const edge = byKey.get(key) ?? { structureId: m.structureId, memberId: m.memberId, roles: [] };
		if (!edge.roles.includes(m.role)) edge.roles.push(m.role);
		byKey.set(key, edge);
	}
	return [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, e]) => ({ ...e, roles: [...e.roles].sort() }));
}

/** The web on `day`: the memberships current on it. */
export const webOn = (memberships: readonly WebMembership[], day: string): WebEdge[] =>
	edgesOf(memberships.filter((m) => currentOn(m, day)));

/** A membership's events: it joins on its first day and leaves the day after its last. */
export interface WebEvent {
	day: string;
	kind: 'join' | 'leave';
	membership: WebMembership;
}

/** Every join and leave of the memberships, in the order of their days (a leave before a join on one day). */
export function eventsOf(memberships: readonly WebMembership[]): WebEvent[] {
	const events: WebEvent[] = [];
	for (const m of memberships) {
		events.push({ day: m.startDate, kind: 'join', membership: m });
		if (m.endDate) events.push({ day: dayAfter(m.endDate), kind: 'leave', membership: m });
	}
	return events.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : a.kind === b.kind ? 0 : a.kind === 'leave' ? -1 : 1));
}

/** The web on `day` by replaying every event up to and including that day. */
export function replay(events: readonly WebEvent[], day: string): WebEdge[] {
	const live = new Map<WebMembership, true>();
	for (const event of events) {
		if (event.day > day) break;
		if (event.kind === 'join') live.set(event.membership, true);
		else live.delete(event.membership);
	}
	return edgesOf([...live.keys()]);
}

/** What changed from web `a` to web `b`. */
export interface WebDifference {
	added: WebEdge[];
	ended: WebEdge[];
	/** In both, with other roles: the roles before and after. */
	changed: { structureId: string; memberId: string; before: MembershipRole[]; after: MembershipRole[] }[];
}

/** The difference between two webs (each in normal form); a web compared with itself is empty. */
export function compareWebs(a: readonly WebEdge[], b: readonly WebEdge[]): WebDifference {
	const before = new Map(a.map((e) => [keyOf(e), e]));
	const after = new Map(b.map((e) => [keyOf(e), e]));
	const added = b.filter((e) => !before.has(keyOf(e)));
	const ended = a.filter((e) => !after.has(keyOf(e)));
	const changed: WebDifference['changed'] = [];
	for (const e of a) {
		const other = after.get(keyOf(e));
		if (other && other.roles.join() !== e.roles.join())
			changed.push({ structureId: e.structureId, memberId: e.memberId, before: e.roles, after: other.roles });
	}
	return { added, ended, changed };
}

/** True when two webs are the same. */
export const isEmptyDifference = (d: WebDifference) => d.added.length === 0 && d.ended.length === 0 && d.changed.length === 0;

/** How many structures each member takes part in, in web `a` and in web `b`. */
export function countsPerMember(a: readonly WebEdge[], b: readonly WebEdge[]): Map<string, { before: number; after: number }> {
	const counts = new Map<string, { before: number; after: number }>();
	const at = (id: string) => counts.get(id) ?? counts.set(id, { before: 0, after: 0 }).get(id);
	for (const e of a) (at(e.memberId) as { before: number }).before++;
	for (const e of b) (at(e.memberId) as { after: number }).after++;
	return counts;
}

/** How many structures of each group (e.g. legal form) have at least one member, in web `a` and in web `b`. */
export function countsPerGroup(
	a: readonly WebEdge[],
	b: readonly WebEdge[],
	groupOf: (structureId: string) => string,
): Map<string, { before: number; after: number }> {
	const counts = new Map<string, { before: number; after: number }>();
	const tally = (web: readonly WebEdge[], side: 'before' | 'after') => {
		for (const structureId of new Set(web.map((e) => e.structureId))) {
			const group = groupOf(structureId);
			const c = counts.get(group) ?? { before: 0, after: 0 };
			c[side]++;
			counts.set(group, c);
		}
	};
	tally(a, 'before');
	tally(b, 'after');
	return counts;
}

/** A cell of the member × structure matrix: in both webs, only the first (ended), only the second (added). */
export type MatrixCell = 'both' | 'ended' | 'added' | null;

/** The member × structure matrix of two webs. */
export function matrixOf(a: readonly WebEdge[], b: readonly WebEdge[]): (memberId: string, structureId: string) => MatrixCell {
	const inA = new Set(a.map(keyOf));
	const inB = new Set(b.map(keyOf));
	return (memberId, structureId) => {
		const key = `${structureId}|${memberId}`;
		return inA.has(key) ? (inB.has(key) ? 'both' : 'ended') : inB.has(key) ? 'added' : null;
	};
}
