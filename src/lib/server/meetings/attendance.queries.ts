// Reads of attendance: who is expected at a meeting (the body's members on the meeting's day), the
// municipality or organisation each belongs to, and whom each may sensibly send as a proxy: an
// office-holder of their own municipality or organisation, or another member of the body, all with a
// mandate on the meeting's day (docs/decisions/0016). The secretariat's sheet and the member's own
// form list exactly the people the service accepts.
import { and, asc, eq, inArray, isNotNull, or } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { meetingDay } from '../../domain/meeting-times.ts';
import type { AttendanceStatus, MeetingStatus } from '../../domain/meetings.ts';
import type { Db, RootDb } from '../db/client.ts';
import { currentOnSql } from '../db/periods.ts';
import { cachedRead } from '../db/read-cache.ts';
import { body, mandate, organisation, person } from '../directory/directory.tables.ts';
import { attendance, meeting } from './meetings.tables.ts';

/** A person as the attendance pages show them: name, and the municipality or organisation beside it. */
export interface CirclePerson {
	id: string;
	/** "Given Family", as the meeting page writes names. */
	name: string;
	familyName: string;
	organisationId: string | null;
	organisationName: string | null;
	isMunicipality: boolean;
}

/** The proxies a person may name, grouped: their own organisation's office-holders, then the body's members. */
export interface ProxyGroup {
	/** The organisation's name, or null for the body's members. */
	organisationName: string | null;
	people: CirclePerson[];
}

/** The people around a body's meeting on its day, and the proxy rule over them. */
export interface Circle {
	/** The body's members (and chair) on the day, by family name. */
	members: string[];
	person(id: string): CirclePerson | undefined;
	proxiesFor(personId: string): ProxyGroup[];
	isSensibleProxy(personId: string, proxyId: string): boolean;
}

/** Roles that hold an office in an organisation (the secretariat of the region speaks for nobody). */
const NOT_AN_OFFICE = 'secretariat';

/** The circle of a body's meeting on `day` (YYYY-MM-DD, Brussels) in the region. */
export async function circleOf(db: Db, regionId: string, bodyId: string, day: string): Promise<Circle> {
	const rows = await db
		.select({
			personId: mandate.personId,
			role: mandate.role,
			bodyId: mandate.bodyId,
			organisationId: mandate.organisationId,
			organisationName: organisation.name,
			organisationKind: organisation.kind,
			givenName: person.givenName,
			familyName: person.familyName,
		})
		.from(mandate)
		.innerJoin(person, eq(person.id, mandate.personId))
		.leftJoin(organisation, eq(organisation.id, mandate.organisationId))
		.where(
			and(
				eq(mandate.regionId, regionId),
				currentOnSql(mandate.startDate, mandate.endDate, day),
				or(and(eq(mandate.bodyId, bodyId), inArray(mandate.role, ['member', 'chair'])), isNotNull(mandate.organisationId)),
			),
		)
		.orderBy(asc(person.familyName), asc(person.givenName), asc(organisation.name));
	const people = new Map<string, CirclePerson>();
	const offices = new Map<string, Set<string>>();
	const holders = new Map<string, string[]>();
	const memberSet = new Set<string>();
	for (const r of rows) {
		let p = people.get(r.personId);
		if (!p) {
			p = {
				id: r.personId,
				name: `${r.givenName} ${r.familyName}`,
				familyName: r.familyName,
				organisationId: null,
				organisationName: null,
				isMunicipality: false,
			};
			people.set(r.personId, p);
		}
		if (r.bodyId === bodyId && (r.role === 'member' || r.role === 'chair')) memberSet.add(r.personId);
		if (!r.organisationId || r.role === NOT_AN_OFFICE) continue;
		// The organisation shown beside a name: a municipality first, else the first by name.
		const municipality = r.organisationKind === 'municipality';
		if (!p.organisationId || (municipality && !p.isMunicipality)) {
			Object.assign(p, { organisationId: r.organisationId, organisationName: r.organisationName, isMunicipality: municipality });
		}
		if (!offices.has(r.personId)) offices.set(r.personId, new Set());
		offices.get(r.personId)?.add(r.organisationId);
		const list = holders.get(r.organisationId) ?? [];
		if (!list.includes(r.personId)) list.push(r.personId);
		holders.set(r.organisationId, list);
	}
	const members = [...memberSet];
	const get = (id: string) => people.get(id);
	const proxiesFor = (personId: string): ProxyGroup[] => {
		const seen = new Set([personId]);
		const groups: ProxyGroup[] = [];
		const own = [...(offices.get(personId) ?? [])];
		// Their own municipality first when they hold an office in several organisations.
		own.sort((a, b) => Number(get(personId)?.organisationId !== a) - Number(get(personId)?.organisationId !== b));
		for (const orgId of own) {
			const list = (holders.get(orgId) ?? []).filter((id) => !seen.has(id));
			for (const id of list) seen.add(id);
			const name = rows.find((r) => r.organisationId === orgId)?.organisationName ?? null;
			if (list.length) groups.push({ organisationName: name, people: list.map((id) => people.get(id) as CirclePerson) });
		}
		const others = members.filter((id) => !seen.has(id));
		if (others.length) groups.push({ organisationName: null, people: others.map((id) => people.get(id) as CirclePerson) });
		return groups;
	};
	return {
		members,
		person: get,
		proxiesFor,
		isSensibleProxy: (personId, proxyId) => proxiesFor(personId).some((g) => g.people.some((p) => p.id === proxyId)),
	};
}

const recorder = alias(person, 'recorder');
const proxy = alias(person, 'proxy');

/** One person's line on the sheet: who, from where, what was recorded (by whom, when), whom they may send. */
export interface SheetRow extends CirclePerson, OwnAttendance {}

/** The attendance of a meeting, grouped by municipality or organisation (municipalities first, by name). */
export interface AttendanceSheet {
	meeting: { id: string; bodyId: string; bodyName: string; bodyNameFr: string | null; startsAt: string; status: MeetingStatus };
	groups: { organisationName: string | null; isMunicipality: boolean; rows: SheetRow[] }[];
}

/** The meeting's row of the region with its body (null when it is not of the region). */
async function meetingOf(db: Db, regionId: string, meetingId: string) {
	const [row] = await db
		.select({
			id: meeting.id,
			bodyId: meeting.bodyId,
			startsAt: meeting.startsAt,
			status: meeting.status,
			bodyName: body.name,
			bodyNameFr: body.nameFr,
		})
		.from(meeting)
		.innerJoin(body, eq(body.id, meeting.bodyId))
		.where(and(eq(meeting.id, meetingId), eq(meeting.regionId, regionId)));
	return row ?? null;
}

/** The attendance rows of a meeting (or of one person at it) with the names of the proxy and of who recorded them. */
function attendanceRows(db: Db, meetingId: string, personId?: string) {
	return db
		.select({
			personId: attendance.personId,
			status: attendance.status,
			representedById: attendance.representedByPersonId,
			proxyGiven: proxy.givenName,
			proxyFamily: proxy.familyName,
			recorderGiven: recorder.givenName,
			recorderFamily: recorder.familyName,
			recordedAt: attendance.recordedAt,
			givenName: person.givenName,
			familyName: person.familyName,
		})
		.from(attendance)
		.innerJoin(person, eq(person.id, attendance.personId))
		.leftJoin(proxy, eq(proxy.id, attendance.representedByPersonId))
		.leftJoin(recorder, eq(recorder.id, attendance.recordedByPersonId))
		.where(and(eq(attendance.meetingId, meetingId), personId ? eq(attendance.personId, personId) : undefined));
}

/** The secretariat's attendance sheet of a meeting of the region (null when not found). */
export async function getAttendanceSheet(db: Db, regionId: string, meetingId: string): Promise<AttendanceSheet | null> {
	const m = await meetingOf(db, regionId, meetingId);
	if (!m) return null;
	const [circle, recorded] = await Promise.all([circleOf(db, regionId, m.bodyId, meetingDay(m.startsAt)), attendanceRows(db, meetingId)]);
	const byPerson = new Map(recorded.map((r) => [r.personId, r]));
	const ids = [...new Set([...circle.members, ...recorded.map((r) => r.personId)])];
	const rows: SheetRow[] = ids.map((id) => {
		const r = byPerson.get(id);
		const who: CirclePerson = circle.person(id) ?? {
			id,
			name: `${r?.givenName} ${r?.familyName}`,
			familyName: r?.familyName ?? '',
			organisationId: null,
			organisationName: null,
			isMunicipality: false,
		};
		return {
			...who,
			status: r?.status ?? null,
			representedById: r?.representedById ?? null,
			representedBy: r?.proxyFamily ? `${r.proxyGiven} ${r.proxyFamily}` : null,
			recordedBy: r?.recorderFamily ? `${r.recorderGiven} ${r.recorderFamily}` : null,
			recordedAt: r?.recordedAt?.toISOString() ?? null,
			proxies: circle.proxiesFor(id),
		};
	});
	const groups = new Map<string, AttendanceSheet['groups'][number]>();
	for (const row of rows) {
		const key = row.organisationId ?? '';
		const group = groups.get(key) ?? { organisationName: row.organisationName, isMunicipality: row.isMunicipality, rows: [] };
		group.rows.push(row);
		groups.set(key, group);
	}
	const byName = (a: string, b: string) => a.localeCompare(b, 'nl');
	const ordered = [...groups.values()].sort(
		(a, b) =>
			Number(a.organisationName === null) - Number(b.organisationName === null) ||
			Number(b.isMunicipality) - Number(a.isMunicipality) ||
			byName(a.organisationName ?? '', b.organisationName ?? ''),
	);
	for (const g of ordered) g.rows.sort((a, b) => byName(a.familyName, b.familyName) || byName(a.name, b.name));
	return { meeting: { ...m, startsAt: m.startsAt.toISOString() }, groups: ordered };
}

/** What a member sees of their own attendance on the meeting page, or null when they are no member on its day. */
export interface OwnAttendance {
	status: AttendanceStatus | null;
	representedById: string | null;
	representedBy: string | null;
	recordedBy: string | null;
	recordedAt: string | null;
	proxies: ProxyGroup[];
}

/** The actor's own attendance at a meeting of their region, with the proxies they may name (null: not a member then). */
export function getOwnAttendance(db: RootDb, regionId: string, personId: string, meetingId: string): Promise<OwnAttendance | null> {
	// Read through the cache: the meeting page asks for it on every view of an upcoming meeting, and it
	// takes four statements (the meeting, the body's circle on the day, the proxies, the row).
	return cachedRead(db, `own-attendance:${regionId}:${personId}:${meetingId}`, () => readOwnAttendance(db, regionId, personId, meetingId), {
		region: regionId,
	});
}

async function readOwnAttendance(db: Db, regionId: string, personId: string, meetingId: string): Promise<OwnAttendance | null> {
	const m = await meetingOf(db, regionId, meetingId);
	if (!m) return null;
	const circle = await circleOf(db, regionId, m.bodyId, meetingDay(m.startsAt));
	if (!circle.members.includes(personId)) return null;
	const [r] = await attendanceRows(db, meetingId, personId);
	return {
		status: r?.status ?? null,
		representedById: r?.representedById ?? null,
		representedBy: r?.proxyFamily ? `${r.proxyGiven} ${r.proxyFamily}` : null,
		recordedBy: r?.recorderFamily ? `${r.recorderGiven} ${r.recorderFamily}` : null,
		recordedAt: r?.recordedAt?.toISOString() ?? null,
		proxies: circle.proxiesFor(personId),
	};
}
