// Request body limits by who asks: adapter-node's BODY_SIZE_LIMIT is sized for the largest upload,
// so the app itself keeps anonymous requests small and gives the large limit only to signed-in uploads.

/** Anonymous requests (sign-in, password reset, invitations, language). */
export const ANONYMOUS_BODY_LIMIT = 64 * 1024;
/** Signed-in forms that carry no file. */
export const SIGNED_IN_BODY_LIMIT = 1024 * 1024;

/** The routes whose forms carry files (multipart uploads). */
export const UPLOAD_ROUTES: ReadonlySet<string> = new Set([
	'/(app)/meetings/[id]/documents',
	'/(app)/topics/new',
	'/(app)/topics/[id]',
	'/(app)/topics/[id]/edit',
]);

/** The largest body a request may carry: small without a session, large only for signed-in uploads. */
export function bodyLimitFor(signedIn: boolean, routeId: string | null, uploadMaxBytes: number): number {
	if (!signedIn) return ANONYMOUS_BODY_LIMIT;
	// The file plus the form fields around it (as adapter-node's own limit in scripts/start.js).
	if (routeId && UPLOAD_ROUTES.has(routeId)) return uploadMaxBytes * 2 + 1024 * 1024;
	return SIGNED_IN_BODY_LIMIT;
}

/** Thrown by a capped body stream once more than its limit has arrived. */
export class BodyTooLargeError extends Error {
	constructor(readonly limit: number) {
		super(`request body over ${limit} bytes`);
	}
}

// Requests whose body stream ran over its limit while being read (the form reader answers 413 for them).
const overLimit = new WeakSet<Request>();

/** True when the body of this request was cut off at its limit. */
export const bodyWasTooLarge = (request: Request) => overLimit.has(request);

/** The declared length is over the limit (a request without one is capped while it streams). */
export function declaredTooLarge(request: Request, limit: number): boolean {
	const length = request.headers.get('content-length');
	return length !== null && (!/^\d+$/.test(length.trim()) || Number(length) > limit);
}

/** The same request whose body stream errors after `limit` bytes (for bodies of unknown length). */
export function capBody(request: Request, limit: number): Request {
	if (!request.body) return request;
	let seen = 0;
	let capped: Request | null = null;
	const stream = request.body.pipeThrough(
		new TransformStream<Uint8Array, Uint8Array>({
			transform(chunk, controller) {
				seen += chunk.byteLength;
				if (seen > limit) {
					if (capped) overLimit.add(capped);
					controller.error(new BodyTooLargeError(limit));
					return;
				}
				controller.enqueue(chunk);
			},
		}),
	);
	capped = new Request(request, { body: stream, duplex: 'half' } as RequestInit);
	return capped;
}
