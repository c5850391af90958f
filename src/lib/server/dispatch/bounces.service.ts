// Delivery status notifications (RFC 3464): a multipart/report sent back to a delivery's VERP address,
// parsed into `bounced` (a permanent failure, 5.x.x) with its status and diagnostic, or a `delayed` note
// (4.x.x: the receiving side still tries; the delivery's state is unchanged). A bounce tells the region's
// secretariat, as a refusal at the hand-over does.
import { eq } from 'drizzle-orm';
import { simpleParser } from 'mailparser';
import { canMoveDelivery, dsnVerdict } from '../../domain/dispatch.ts';
import type { RootDb } from '../db/client.ts';
import { enqueue } from '../platform/jobs/outbox.service.ts';
import { dispatchDelivery, dispatchEvent } from './dispatch.tables.ts';
import { secretariatPeopleOf } from './handover.service.ts';

/** One recipient's part of a report: RFC 3464 per-recipient fields. */
export interface DsnRecipient {
	finalRecipient: string | null;
	action: string | null;
	status: string | null;
	diagnostic: string | null;
	remoteMta: string | null;
}

/** A parsed report: its recipients and the Message-ID of the returned message (when it came along). */
export interface DsnReport {
	recipients: DsnRecipient[];
	originalMessageId: string | null;
}

/** The fields of a `message/delivery-status` body: groups separated by blank lines, folded lines joined. */
function fieldGroups(text: string): Map<string, string>[] {
	const groups: Map<string, string>[] = [];
	for (const block of text.replace(/\r\n/g, '\n').split(/\n\s*\n/)) {
		const fields = new Map<string, string>();
		let last: string | null = null;
		for (const line of block.split('\n')) {
			if (/^\s/.test(line) && last) {
				fields.set(last, `${fields.get(last)} ${line.trim()}`);
				continue;
			}
			const found = line.match(/^([A-Za-z-]+):\s*(.*)$/);
			if (!found) continue;
			last = found[1].toLowerCase();
			fields.set(last, found[2].trim());
		}
		if (fields.size) groups.push(fields);
	}
	return groups;
}

/** The address of a `rfc822; someone@example.org` field. */
const typed = (value: string | undefined) => (value ? value.replace(/^[^;]*;\s*/, '').trim() || null : null);

/** The body of the first MIME part of `type` in a multipart message (nested multiparts searched too).
 * mailparser reads a `message/delivery-status` part as text and merges it into the body, so the report's
 * own part is found here by its boundary. */
function partOfType(raw: string, boundary: string, type: string, depth = 0): string | null {
	if (depth > 3) return null;
	for (const part of raw.split(`--${boundary}`).slice(1)) {
		const split = part.replace(/^\r?\n/, '').search(/\r?\n\r?\n/);
		if (split < 0) continue;
		const text = part.replace(/^\r?\n/, '');
		const head = text.slice(0, split).replace(/\r?\n[ \t]+/g, ' ');
		const body = text.slice(split).replace(/^\r?\n\r?\n/, '');
		const contentType = head.match(/^content-type:\s*([^;\s]+)/im)?.[1]?.toLowerCase();
		if (contentType === type) return body;
		const inner = head.match(/boundary="?([^";\r\n]+)"?/i)?.[1];
		if (contentType?.startsWith('multipart/') && inner) {
			const found = partOfType(body, inner, type, depth + 1);
			if (found) return found;
		}
	}
	return null;
}

/** Parse a delivery status notification; null when the message is not one (an auto-reply, spam). */
export async function parseDsn(raw: Buffer | string): Promise<DsnReport | null> {
	const mail = await simpleParser(raw, { skipHtmlToText: true, skipTextLinks: true, skipImageLinks: true });
	const contentType = mail.headers.get('content-type') as { value?: string; params?: Record<string, string> } | undefined;
	if (contentType?.value?.toLowerCase() !== 'multipart/report' || !contentType.params?.boundary) return null;
	const text = typeof raw === 'string' ? raw : raw.toString('utf8');
	const report =
		partOfType(text, contentType.params.boundary, 'message/delivery-status') ??
		partOfType(text, contentType.params.boundary, 'message/global-delivery-status');
	if (!report) return null;
	const groups = fieldGroups(report);
	// The first group is per message (Reporting-MTA, Arrival-Date); the others are per recipient.
	const recipients = groups
		.filter((g) => g.has('action') || g.has('status'))
		.map((g) => ({
			finalRecipient: typed(g.get('final-recipient') ?? g.get('original-recipient')),
			action: g.get('action')?.toLowerCase() ?? null,
			status: g.get('status')?.match(/\d\.\d{1,3}\.\d{1,3}/)?.[0] ?? null,
			diagnostic: typed(g.get('diagnostic-code')) ?? null,
			remoteMta: typed(g.get('remote-mta')) ?? null,
		}));
	if (recipients.length === 0) return null;
	const returned = mail.attachments.find((a) => a.contentType === 'message/rfc822' || a.contentType === 'text/rfc822-headers');
	const headers = returned?.content.toString('utf8') ?? partOfType(text, contentType.params.boundary, 'text/rfc822-headers') ?? '';
	const originalMessageId = headers.match(/^Message-ID:\s*(<[^>]+>)/im)?.[1] ?? null;
	return { recipients, originalMessageId };
}

/** What a report came to for its delivery. */
export type DsnOutcome = 'bounced' | 'delayed' | 'ignored' | 'unknown';

/**
 * Record a report sent to `bounce+<returnToken>@…`: a permanent failure makes an accepted delivery
 * `bounced` (with status and diagnostic) and tells the secretariat; a delay is a `delayed` event, the
 * state unchanged; a success report, or a delivery already past it, changes nothing.
 */
export async function recordDsn(
	db: RootDb,
	returnToken: string,
	report: DsnReport,
	{ at = new Date() }: { at?: Date } = {},
): Promise<DsnOutcome> {
	return db.transaction(async (tx) => {
		const [d] = await tx.select().from(dispatchDelivery).where(eq(dispatchDelivery.returnToken, returnToken)).for('update');
		if (!d) return 'unknown';
		// The recipient the report is about (a report names one, normally); else the first.
		const about = report.recipients.find((r) => r.finalRecipient?.toLowerCase() === d.email.toLowerCase()) ?? report.recipients[0];
		const verdict = dsnVerdict(about.action, about.status);
		const base = { regionId: d.regionId, dispatchVersionId: d.dispatchVersionId, organisationId: d.organisationId, deliveryId: d.id };
		const detail = { action: about.action, status: about.status, diagnostic: about.diagnostic, remoteMta: about.remoteMta };
		if (verdict === 'delayed') {
			await tx.insert(dispatchEvent).values({ ...base, kind: 'delayed', at, source: 'dsn', detail });
			return 'delayed';
		}
		if (verdict !== 'bounced' || !canMoveDelivery(d.state, 'bounced')) return 'ignored';
		await tx.update(dispatchDelivery).set({ state: 'bounced', updatedAt: at }).where(eq(dispatchDelivery.id, d.id));
		await tx.insert(dispatchEvent).values({ ...base, kind: 'bounced', at, source: 'dsn', detail });
		for (const officer of await secretariatPeopleOf(tx, d.regionId))
			await enqueue(tx, d.regionId, 'dispatch.failed', { deliveryId: d.id, personId: officer.personId });
		return 'bounced';
	});
}
