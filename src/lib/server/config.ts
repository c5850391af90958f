// Configuration from environment variables, validated once at start with a clear message per variable.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const schema = z.object({
	PORT: z.coerce.number().int().min(1).max(65535).default(3000),
	HOST: z.string().min(1).default('localhost'),
	DATA_DIR: z.string().min(1).default('./data'),
	DATABASE_URL: z
		.string()
		.regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
		.optional(),
	ORIGIN: z.url().optional(),
	SMTP_URL: z
		.string()
		.regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
		.optional(),
	MAIL_FROM: z.string().min(3).default('Aanjager <no-reply@aanjager.local>'),
	/** The domain of the dispatches' return path (VERP: bounce+<token>@<domain>); default: MAIL_FROM's domain. */
	MAIL_RETURN_DOMAIN: z
		.string()
		.regex(/^[a-z0-9.-]+$/i, 'must be a domain name')
		.optional(),
	/** Set: the worker listens on this port for delivery status notifications sent to the return path. */
	INBOUND_SMTP_PORT: z.coerce.number().int().min(1).max(65535).optional(),
	/** The address the inbound SMTP listener binds to. */
	INBOUND_SMTP_HOST: z.string().min(1).default('127.0.0.1'),
	/** The largest delivery status notification taken, in bytes (default 1 MB). */
	INBOUND_SMTP_MAX_BYTES: z.coerce
		.number()
		.int()
		.min(1024)
		.max(50 * 1024 * 1024)
		.default(1024 * 1024),
	/** auto: load the demo region on the embedded database only; always: also on PostgreSQL; never. */
	SEED_DEMO: z.enum(['auto', 'always', 'never']).default('auto'),
	/** on: the web process also runs the outbox worker (the default); off: `aanjager worker` runs it in its own process. */
	WORKER: z.enum(['on', 'off'], { error: 'must be on or off' }).default('on'),
	LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
	/** The largest document upload, in bytes (default 50 MB). */
	UPLOAD_MAX_BYTES: z.coerce
		.number()
		.int()
		.min(1024)
		.max(2 ** 31 - 1)
		.default(50 * 1024 * 1024),
	/**
	 * The region's logo at the top of every page of the agenda and minutes PDFs: a PNG or JPEG file (a path).
	 * Unset: the default logo in src/lib/server/pdf/logo. A deployment serves one region, so the logo is
	 * configuration, like the region's address (ORIGIN); no upload screen is needed to change it.
	 */
	REGION_LOGO: z
		.string()
		.regex(/\.(png|jpe?g)$/i, 'must be a .png, .jpg or .jpeg file')
		.refine((file) => fs.existsSync(file) && fs.statSync(file).isFile(), 'the file does not exist')
		.optional(),
});

/** Mail links and CSRF need the public address: ORIGIN, else the address `npm start` listens on. */
export type Config = z.infer<typeof schema> & { dataDir: string; origin: string };

/** Thrown when the environment does not validate; the message lists every wrong variable. */
export class ConfigError extends Error {}

/** Parse and validate configuration from an environment (process.env by default). */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
	const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
	const result = schema.safeParse(cleaned);
	if (!result.success) {
		const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
		throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
	}
	const { HOST, PORT, ORIGIN } = result.data;
	const host = HOST === '0.0.0.0' || HOST === '::' ? 'localhost' : HOST.includes(':') ? `[${HOST}]` : HOST;
	return { ...result.data, dataDir: path.resolve(result.data.DATA_DIR), origin: (ORIGIN ?? `http://${host}:${PORT}`).replace(/\/$/, '') };
}
