// Small helpers to run the real server in tests.
import net from 'node:net';

/** A free TCP port on the loopback interface. */
export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as net.AddressInfo;
			server.close(() => resolve(port));
		});
	});
}

/** Poll a URL until it answers 200, or fail after `timeoutMs`. */
export async function waitForOk(url: string, timeoutMs: number): Promise<number> {
	const started = Date.now();
	for (;;) {
		try {
			const response = await fetch(url);
			if (response.status === 200) return Date.now() - started;
		} catch {
			// not listening yet
		}
		if (Date.now() - started > timeoutMs) throw new Error(`${url} did not answer 200 within ${timeoutMs} ms`);
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
}

/** Sign in with a plain HTTP form post (as a browser without JavaScript would); returns the session cookie. */
export async function signInOverHttp(url: string, email = 'burgemeester@kortrijk.demo', password = 'aanjager-demo'): Promise<string> {
	const response = await fetch(`${url}/login`, {
		method: 'POST',
		redirect: 'manual',
		headers: { origin: url, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
		body: new URLSearchParams({ email, password }),
	});
	const cookie = response.headers.get('set-cookie')?.match(/aanjager_session=[^;]+/)?.[0];
	if (response.status !== 303 || !cookie) throw new Error(`sign-in failed: ${response.status}`);
	return cookie;
}
