// The optional inbound SMTP listener (INBOUND_SMTP_PORT): receives the delivery status notifications sent
// to the dispatches' VERP addresses (`bounce+<returnToken>@…`) and records them. It takes mail for those
// addresses only, of a bounded size, and keeps nothing but what the ledger records.
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import type { RootDb } from '../db/client.ts';
import { parseDsn, recordDsn } from './bounces.service.ts';

/** The return token of a VERP address, or null for any other address. */
export function returnTokenOf(address: string): string | null {
	return address.match(/^bounce\+([0-9a-f]{32})@/i)?.[1]?.toLowerCase() ?? null;
}

/** An SMTP error with its reply code, as smtp-server sends it. */
const smtpError = (code: number, message: string) => Object.assign(new Error(message), { responseCode: code });

export interface DsnListenerOptions {
	port: number;
	host?: string;
	/** The largest message taken, in bytes (a report with the returned message's headers is small). */
	maxBytes?: number;
}

/** Start the listener; resolves once it listens, with a way to close it and the port it listens on. */
export async function startDsnListener(db: RootDb, options: DsnListenerOptions) {
	const maxBytes = options.maxBytes ?? 1024 * 1024;
	const config: SMTPServerOptions = {
		authOptional: true,
		disabledCommands: ['AUTH', 'STARTTLS'],
		size: maxBytes,
		banner: 'Aanjager delivery status notifications',
		logger: false,
		// No reverse DNS lookup of each client: it costs a round trip per connection and tells us nothing.
		disableReverseLookup: true,
		onRcptTo(address, _session, callback) {
			if (!returnTokenOf(address.address)) return callback(smtpError(550, '5.1.1 No such mailbox'));
			callback();
		},
		onData(stream, session, callback) {
			const chunks: Buffer[] = [];
			let size = 0;
			stream.on('data', (chunk: Buffer) => {
				size += chunk.length;
				if (size <= maxBytes) chunks.push(chunk);
			});
			stream.on('end', async () => {
				if ((stream as { sizeExceeded?: boolean }).sizeExceeded || size > maxBytes)
					return callback(smtpError(552, '5.3.4 Message too big'));
				try {
					const report = await parseDsn(Buffer.concat(chunks));
					if (report)
						for (const rcpt of session.envelope.rcptTo) {
							const token = returnTokenOf(rcpt.address);
							if (token) await recordDsn(db, token, report);
						}
					callback(null, 'OK: report received');
				} catch (error) {
					console.error('[dsn]', error);
					callback(smtpError(451, '4.3.0 Try again later'));
				}
			});
		},
	};
	const server = new SMTPServer(config);
	server.on('error', (error) => console.error('[dsn]', error));
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port, options.host ?? '127.0.0.1', () => resolve());
	});
	const address = server.server.address();
	return {
		port: typeof address === 'object' && address ? address.port : options.port,
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}

export type DsnListener = Awaited<ReturnType<typeof startDsnListener>>;
