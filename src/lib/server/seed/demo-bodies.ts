// Demo meetings of two bodies besides the Conference, so that every demo role has something on its home
// page: the RegioRaad met three weeks ago and its minutes are circulated, with a comment of the mayor of
// Kortrijk; the thematic consultation on mobility, where Kortrijk's demo alderman sits, met last month
// (its minutes are still to be written) and meets again in under two weeks (agenda published). Through
// the meeting services, but the comment (see commentAsMayor).
import { and, eq } from 'drizzle-orm';
import { brusselsInstant, brusselsParts } from '../../domain/recurrence.ts';
import type { Actor } from '../access/actor.ts';
import { audit } from '../audit/audit.service.ts';
import type { Tx } from '../db/client.ts';
import { body } from '../directory/directory.tables.ts';
import { itemSchema, meetingSchema } from '../meetings/meetings.schema.ts';
import { addItems, createMeeting, markHeld, publishAgenda } from '../meetings/meetings.service.ts';
import { minutesComment, minutesVersion } from '../meetings/meetings.tables.ts';
import { circulateMinutes, saveMinutesEntries, startMinutes } from '../meetings/minutes.service.ts';
import type { DemoMeetingsContext } from './demo-meetings.ts';
import { addMs, DAY } from './demo-meetings-plan.ts';

/** A weekday `days` from now (a weekend moves to the Monday after), at `time` in Brussels. */
function dayFromNow(now: Date, days: number, time: string): Date {
	let day = brusselsParts(addMs(now, days * DAY)).day;
	const weekDay = new Date(`${day}T12:00:00Z`).getUTCDay();
	if (weekDay === 6 || weekDay === 0) day = brusselsParts(addMs(new Date(`${day}T12:00:00Z`), (weekDay === 6 ? 2 : 1) * DAY)).day;
	return brusselsInstant(day, time);
}

const item = (title: string, summary: string) =>
	itemSchema.parse({ title, kind: 'information', summary, speakerIds: [], confidentiality: 'internal' });

/** Plan a meeting of a body with its items and publish its agenda a week before. Returns its id and item ids. */
async function planPublished(tx: Tx, actor: Actor, bodyId: string, startsAt: Date, items: ReturnType<typeof item>[], now: Date) {
	const start = brusselsParts(startsAt);
	const endTime = brusselsParts(addMs(startsAt, 2 * 60 * 60 * 1000)).time;
	const id = await createMeeting(
		tx,
		actor,
		bodyId,
		meetingSchema.parse({ kind: 'regular', date: start.day, startTime: start.time, endTime, location: 'Leiedal, Kortrijk' }),
	);
	const itemIds = await addItems(tx, actor, id, items);
	const published = addMs(startsAt, -7 * DAY);
	await publishAgenda(tx, actor, id, { at: published < now ? published : addMs(now, -DAY), notify: false });
	return { id, itemIds };
}

/** Seed the RegioRaad's and the mobility consultation's meetings around `now`. */
export async function seedDemoBodies(tx: Tx, ctx: DemoMeetingsContext, now: Date = new Date()): Promise<void> {
	const actor = ctx.secretariat;
	const [mobility] = await tx
		.select({ id: body.id })
		.from(body)
		.where(and(eq(body.regionId, ctx.regionId), eq(body.name, 'Thematisch overleg mobiliteit')));

	// The RegioRaad, three weeks ago: held, minutes circulated, and the mayor of Kortrijk comments.
	const regioraad = await planPublished(
		tx,
		actor,
		ctx.regioraadId,
		dayFromNow(now, -21, '18:00'),
		[
			item('Regionale woonmaatschappij: stand van zaken', 'De oprichting van de woonmaatschappij verloopt volgens plan.'),
			item('Eurometropool: strategie 2030', 'Voorstelling van de ontwerpstrategie van de Eurometropool.'),
		],
		now,
	);
	const held = dayFromNow(now, -21, '20:00');
	await markHeld(tx, actor, regioraad.id, { at: held });
	await startMinutes(tx, actor, regioraad.id);
	await saveMinutesEntries(
		tx,
		actor,
		regioraad.id,
		regioraad.itemIds.map((agendaItemId) => ({
			agendaItemId,
			discussion: 'De RegioRaad neemt kennis van de stand van zaken.',
			outcome: 'noted' as const,
			referralToColleges: false,
		})),
	);
	await circulateMinutes(tx, actor, regioraad.id, { at: addMs(held, 3 * DAY), notify: false });
	await commentAsMayor(tx, ctx, regioraad.id, regioraad.itemIds[1], addMs(held, 4 * DAY));

	if (!mobility) return;
	// The consultation on mobility: last month (held, no minutes yet) and in under two weeks (agenda published).
	const last = await planPublished(
		tx,
		actor,
		mobility.id,
		dayFromNow(now, -30, '14:00'),
		[item('Vervoerregio: stand van de openbaarvervoerplannen', 'Toelichting bij de plannen van de vervoerregio.')],
		now,
	);
	await markHeld(tx, actor, last.id, { at: dayFromNow(now, -30, '16:00') });
	await planPublished(
		tx,
		actor,
		mobility.id,
		dayFromNow(now, 12, '14:00'),
		[item('Fietssnelwegen: prioriteiten 2027', 'Afstemming van de prioriteiten van de gemeenten voor de fietssnelwegen.')],
		now,
	);
}

/**
 * The mayor of Kortrijk commented on the RegioRaad's circulated minutes. Written here, with the audit event the
 * service records, as ./demo-meetings.ts writes its comments: the service would also mail the secretariat, and a
 * fresh demo sends no mail.
 */
async function commentAsMayor(tx: Tx, ctx: DemoMeetingsContext, meetingId: string, agendaItemId: string, at: Date) {
	const mayor = ctx.municipalities.find((m) => m.name === 'Kortrijk')?.mayorId;
	const [version] = await tx.select({ id: minutesVersion.id }).from(minutesVersion).where(eq(minutesVersion.meetingId, meetingId));
	if (!mayor || !version) return;
	const [row] = await tx
		.insert(minutesComment)
		.values({
			regionId: ctx.regionId,
			minutesVersionId: version.id,
			agendaItemId,
			authorPersonId: mayor,
			text: 'Graag toevoegen dat Kortrijk de ontwerpstrategie eerst in het College bespreekt.',
			createdAt: at,
		})
		.returning();
	await audit(tx, { regionId: ctx.regionId, accountId: null }, 'comment', 'minutes_comment', row.id, null, row);
}
