// The part of the `compression` middleware (expressjs/compression) that scripts/start.js uses.
declare module 'compression' {
	import type { IncomingMessage, ServerResponse } from 'node:http';

	type Middleware = (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;
	interface Options {
		/** Whether to compress this response (called once its headers are set). */
		filter?: (req: IncomingMessage, res: ServerResponse) => boolean;
		/** Responses smaller than this are sent as they are (default 1 kb). */
		threshold?: number | string;
	}
	interface Compression {
		(options?: Options): Middleware;
		/** The default filter: compressible content types only. */
		filter(req: IncomingMessage, res: ServerResponse): boolean;
	}
	const compression: Compression;
	export default compression;
}
