import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/lib/server/config.ts';

describe('configuration', () => {
	it('has defaults that run', () => {
		const config = loadConfig({});
		expect(config).toMatchObject({ PORT: 3000, HOST: 'localhost', DATA_DIR: './data', SEED_DEMO: 'auto' });
		expect(config.DATABASE_URL).toBeUndefined();
	});

	it('names every wrong variable in one message', () => {
		const attempt = () => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', SMTP_URL: 'http://mail' });
		expect(attempt).toThrow(ConfigError);
		try {
			attempt();
		} catch (error) {
			const message = (error as Error).message;
			expect(message).toContain('PORT');
			expect(message).toContain('DATABASE_URL: must start with postgres://');
			expect(message).toContain('SMTP_URL: must start with smtp://');
		}
	});

	it('runs the worker in the web process by default; WORKER=off leaves it to `aanjager worker`; anything else is refused', () => {
		expect(loadConfig({}).WORKER).toBe('on');
		expect(loadConfig({ WORKER: 'off' }).WORKER).toBe('off');
		expect(() => loadConfig({ WORKER: 'no' })).toThrow('WORKER: must be on or off');
	});

	it('treats empty variables as unset', () => {
		expect(loadConfig({ PORT: '', DATABASE_URL: '' }).PORT).toBe(3000);
	});

	it('takes the region logo of the PDFs as an existing PNG or JPEG file, and refuses anything else at start', () => {
		const logo = 'src/lib/server/pdf/logo/default-logo.png';
		expect(loadConfig({}).REGION_LOGO).toBeUndefined();
		expect(loadConfig({ REGION_LOGO: logo }).REGION_LOGO).toBe(logo);
		expect(() => loadConfig({ REGION_LOGO: 'src/lib/server/pdf/logo/README.md' })).toThrow(
			'REGION_LOGO: must be a .png, .jpg or .jpeg file',
		);
		expect(() => loadConfig({ REGION_LOGO: 'logo-that-is-not-there.png' })).toThrow('REGION_LOGO: the file does not exist');
	});
});
