import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

// `AANJAGER_BUILD=bench` is the benchmark's own build, in build-bench/: its route tree is the product's
// with the reference pages of bench/routes added (merged into .bench/routes by scripts/build-if-needed.js)
// and its server hooks are bench/hooks.server.ts. The product's build has neither
// (docs/decisions/0014-bench-build.md).
const bench = process.env.AANJAGER_BUILD === 'bench';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// Static assets are written with .br and .gz beside them and served so (pages: scripts/start.js).
		adapter: adapter({ out: bench ? 'build-bench' : 'build', precompress: true }),
		...(bench && {
			outDir: '.svelte-kit-bench',
			files: { routes: '.bench/routes', hooks: { server: 'bench/hooks.server' } },
		}),
		// SvelteKit refuses form posts from other origins by default (CSRF); see docs/decisions/0004-security.md.
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none'],
				'base-uri': ['self'],
				'object-src': ['none'],
			},
		},
	},
};

export default config;
