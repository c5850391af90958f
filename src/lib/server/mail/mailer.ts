// Sends mail: over SMTP when SMTP_URL is set, otherwise as .eml files under <data>/outbox.
import fs from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';

export interface Mail {
	to: string;
	subject: string;
	text: string;
	/** Stable Message-ID: a retried job produces the same message, so duplicates can be recognised. */
	messageId: string;
	/** Files to attach (a dispatch's PDF). */
	attachments?: { filename: string; content: Buffer; contentType: string }[];
	/** The SMTP envelope's sender (the return path, VERP) when it is not the From address. */
	returnPath?: string;
	/** A fixed Date header and multipart boundary, so that every attempt of one mail is the same bytes. */
	date?: Date;
	boundary?: string;
}

/** What the mail server answered: its reply line ("250 2.0.0 Ok: queued as 4B7F21C0A3") and the Message-ID sent. */
export interface SentMail {
	response: string;
	messageId: string;
}

/** An SMTP reply that was not a 2xx, or a connection that failed (no code). */
export interface MailError extends Error {
	responseCode?: number;
	response?: string;
	code?: string;
}

export interface Mailer {
	send(mail: Mail): Promise<SentMail>;
	close(): void;
}

/** An SMTP hand-over never takes longer than this: a live attempt has ended (sent or failed) by then, so a
 * delivery claimed longer ago was left by a process that died (docs/decisions/0022-dispatch-exactly-once.md). */
export const SMTP_TIMEOUT_MS = 30_000;

/** The nodemailer message of a mail. */
function message(from: string, mail: Mail) {
	const { returnPath, boundary, attachments, ...rest } = mail;
	return {
		from,
		...rest,
		attachments,
		...(boundary ? { baseBoundary: boundary } : {}),
		...(returnPath ? { envelope: { from: returnPath, to: mail.to } } : {}),
	};
}

/** A mailer for the configuration: SMTP, or files in `<dataDir>/outbox`. */
export function createMailer(config: { SMTP_URL?: string; MAIL_FROM: string; dataDir: string }): Mailer {
	if (config.SMTP_URL) {
		const url = new URL(config.SMTP_URL);
		const transport = nodemailer.createTransport({
			// A connection kept open and reused: opening one per mail costs ~150 ms (300 mails of a dispatch).
			pool: true,
			maxConnections: 2,
			host: url.hostname,
			port: Number(url.port || (url.protocol === 'smtps:' ? 465 : 25)),
			secure: url.protocol === 'smtps:',
			ignoreTLS: url.searchParams.get('tls') === 'off',
			auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
			// Bounded, so that an interrupted hand-over is recognisable by its age (see SMTP_TIMEOUT_MS).
			connectionTimeout: 10_000,
			greetingTimeout: 10_000,
			socketTimeout: 15_000,
		});
		return {
			async send(mail) {
				const info = await transport.sendMail(message(config.MAIL_FROM, mail));
				return { response: info.response, messageId: info.messageId };
			},
			close: () => transport.close(),
		};
	}
	const dir = path.join(config.dataDir, 'outbox');
	const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
	return {
		async send(mail) {
			const info = await transport.sendMail(message(config.MAIL_FROM, mail));
			await fs.mkdir(dir, { recursive: true });
			const safe = mail.messageId.replace(/[^a-zA-Z0-9.-]/g, '_');
			await fs.writeFile(path.join(dir, `${safe}.eml`), info.message as Buffer);
			return { response: `250 written to ${safe}.eml`, messageId: info.messageId };
		},
		close: () => {},
	};
}
