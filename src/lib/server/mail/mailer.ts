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
}

export interface Mailer {
	send(mail: Mail): Promise<void>;
	close(): void;
}

/** A mailer for the configuration: SMTP, or files in `<dataDir>/outbox`. */
export function createMailer(config: { SMTP_URL?: string; MAIL_FROM: string; dataDir: string }): Mailer {
	if (config.SMTP_URL) {
		const url = new URL(config.SMTP_URL);
		const transport = nodemailer.createTransport({
			host: url.hostname,
			port: Number(url.port || (url.protocol === 'smtps:' ? 465 : 25)),
			secure: url.protocol === 'smtps:',
			ignoreTLS: url.searchParams.get('tls') === 'off',
			auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
		});
		return {
			async send(mail) {
				await transport.sendMail({ from: config.MAIL_FROM, ...mail });
			},
			close: () => transport.close(),
		};
	}
	const dir = path.join(config.dataDir, 'outbox');
	const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
	return {
		async send(mail) {
			const info = await transport.sendMail({ from: config.MAIL_FROM, ...mail });
			await fs.mkdir(dir, { recursive: true });
			const safe = mail.messageId.replace(/[^a-zA-Z0-9.-]/g, '_');
			await fs.writeFile(path.join(dir, `${safe}.eml`), info.message as Buffer);
		},
		close: () => {},
	};
}
