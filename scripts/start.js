// `npm start`: build if needed, then run the server (adapter-node) in this process, without the
// TypeScript loader. Configuration is validated by the server at start (src/lib/server/config.ts).
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildDir, buildIfNeeded } from './build-if-needed.js';

/**
 * The address a person opens when ORIGIN is not configured.
 * @param {string} host
 * @param {string} port
 */
export function defaultOrigin(host, port) {
	const name = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
	return `http://${name}:${port}`;
}

// adapter-node reads HOST, PORT and ORIGIN; without ORIGIN it assumes https and refuses form posts over http.
process.env.HOST ||= 'localhost';
process.env.PORT ||= '3000';
if (!process.env.ORIGIN && /^\d+$/.test(process.env.PORT)) process.env.ORIGIN = defaultOrigin(process.env.HOST, process.env.PORT);

// adapter-node refuses request bodies over BODY_SIZE_LIMIT (512 kB by default) before the app sees them.
// Allow the largest upload plus the form around it; the app itself answers an oversized file with a message,
// and keeps other requests far smaller (src/lib/server/http/body-limit.ts).
const uploadMax = Number(process.env.UPLOAD_MAX_BYTES) || 50 * 1024 * 1024;
process.env.BODY_SIZE_LIMIT ||= String(uploadMax * 2 + 1024 * 1024);

buildIfNeeded();
await import(pathToFileURL(path.join(buildDir(), 'index.js')).href);
