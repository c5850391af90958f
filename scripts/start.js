// `npm start`: build if needed, then run the server (adapter-node) in this process, without the
// TypeScript loader. Configuration is validated by the server at start (src/lib/server/config.ts).
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import compression from 'compression';
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
const { server } = await import(pathToFileURL(path.join(buildDir(), 'index.js')).href);
compressResponses(server);

/**
 * Pages, data and other dynamic responses go out compressed (brotli or gzip, as the browser accepts);
 * the static assets are precompressed at build (adapter-node's `precompress`) and served as such. A file
 * download (/files/…, any attachment) is sent as it is stored: it is mostly compressed already.
 * adapter-node's server (polka) listens with its `attach` function; the compression runs in front of it.
 * @param {{ server?: import('node:http').Server, attach?: (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => void }} app
 */
function compressResponses(app) {
	const http = app?.server;
	const attach = app?.attach;
	if (!http || typeof attach !== 'function' || !http.listeners('request').includes(attach)) {
		console.warn("Responses are sent uncompressed: adapter-node's server was not found.");
		return;
	}
	const compress = compression({ filter: shouldCompress });
	http.removeListener('request', attach);
	http.prependListener('request', (req, res) => compress(req, res, () => attach(req, res)));
}

/**
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 */
function shouldCompress(req, res) {
	if (req.url?.startsWith('/files/')) return false;
	if (String(res.getHeader('Content-Disposition') ?? '').startsWith('attachment')) return false;
	return compression.filter(req, res);
}
