// A real SMTP server on 127.0.0.1 for tests and the benchmark: it counts a message only once it has replied
// 250 to its DATA, and lets a test refuse a recipient, answer a DATA with an error, or hold its reply (to
// kill the sender while it waits).
import { SMTPServer } from 'smtp-server';

/** A message the server accepted (replied 250 to). */
export interface Received {
	messageId: string;
	from: string;
	to: string[];
	raw: Buffer;
	/** The queue id the server named in its reply. */
	queueId: string;
}

/** What a hook may answer: go on, an SMTP error with its code, or no answer at all (the client is gone). */
export type Verdict = 'ok' | 'drop' | { code: number; message: string };

export interface SinkOptions {
	/** Asked for every RCPT TO, numbered from 1 across the server's life. */
	onRcpt?: (address: string, n: number) => Verdict | Promise<Verdict>;
	/** Asked once a DATA is received in full, before the reply; numbered from 1. */
	onData?: (raw: Buffer, n: number) => Verdict | Promise<Verdict>;
}

const smtpError = (code: number, message: string) => Object.assign(new Error(message), { responseCode: code });

/** Start the server on a free port. */
export async function startSmtpSink(options: SinkOptions = {}) {
	const received: Received[] = [];
	/** Every DATA received in full (accepted or not), in order. */
	const attempts: Buffer[] = [];
	let rcpts = 0;
	let datas = 0;
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS', 'AUTH'],
		logger: false,
		// No reverse DNS lookup of each client: it costs a round trip per connection and tells us nothing.
		disableReverseLookup: true,
		size: 20 * 1024 * 1024,
		async onRcptTo(address, _session, callback) {
			const verdict = (await options.onRcpt?.(address.address, ++rcpts)) ?? 'ok';
			if (verdict === 'drop') return;
			if (verdict === 'ok') return callback();
			callback(smtpError(verdict.code, verdict.message));
		},
		onData(stream, session, callback) {
			const chunks: Buffer[] = [];
			stream.on('data', (c: Buffer) => chunks.push(c));
			stream.on('end', async () => {
				const raw = Buffer.concat(chunks);
				attempts.push(raw);
				const n = ++datas;
				const verdict = (await options.onData?.(raw, n)) ?? 'ok';
				if (verdict === 'drop') return;
				if (verdict !== 'ok') return callback(smtpError(verdict.code, verdict.message));
				// The Message-ID from the header block (parsing the whole message would cost more than the test).
				const headers = raw.subarray(0, Math.max(0, raw.indexOf('\r\n\r\n')) || raw.length).toString('utf8');
				const messageId = headers.match(/^Message-ID:\s*(<[^>]+>)/im)?.[1] ?? '';
				const queueId = `Q${n.toString(16).toUpperCase().padStart(8, '0')}`;
				const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
				const to = session.envelope.rcptTo.map((r) => r.address);
				callback(null, `2.0.0 Ok: queued as ${queueId}`);
				// Counted once the 250 is written.
				received.push({ messageId, from, to, raw, queueId });
			});
		},
	});
	server.on('error', () => {});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
	const { port } = server.server.address() as { port: number };
	return {
		port,
		url: `smtp://127.0.0.1:${port}?tls=off`,
		received,
		attempts,
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}

export type SmtpSink = Awaited<ReturnType<typeof startSmtpSink>>;
