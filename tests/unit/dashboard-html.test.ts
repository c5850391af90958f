// The dashboard's matrix as HTML: every text escaped, each cell's words in the reader's language, and the
// same string again for the same cached dashboard (rendered once per board and language).
import { describe, expect, it } from 'vitest';
import { matrixHtml } from '../../src/lib/server/dispatch/dashboard-html.ts';
import type { Dashboard } from '../../src/lib/server/dispatch/dispatch.queries.ts';

const board = (): Dashboard => ({
	months: ['2026-01', '2026-02'],
	municipalities: [
		{
			id: '00000000-0000-4000-8000-000000000001',
			name: 'Kortrijk <script>alert(1)</script> & "Co"',
			rate: 0.5,
			cells: {
				'2026-01': {
					agenda: { sent: 2, opened: 1, acknowledged: 1, overdue: true },
					minutes: null,
					collegeDate: '2026-01-20',
					collegeOverdue: false,
				},
			},
		},
	],
	monthRates: { '2026-01': 0.5, '2026-02': null },
});

describe('the dashboard matrix as HTML', () => {
	it('escapes names, says what each cell holds in the language asked, and leaves an empty month read as such', () => {
		const nl = matrixHtml(board(), 'nl-BE');
		expect(nl.rows).toContain('Kortrijk &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Co&quot;');
		expect(nl.rows).not.toContain('<script>');
		expect(nl.rows).toContain('href="/dispatch/municipalities/00000000-0000-4000-8000-000000000001"');
		expect(nl.rows).toContain('Agenda</span> verstuurd 2, geopend 1, bevestigd 1');
		expect(nl.rows).toContain('badge-warning');
		expect(nl.rows).toContain('20 januari 2026');
		expect(nl.rows.match(/<td>/g)?.length).toBe(3); // two months and the rate
		expect(nl.rates).toBe('<td>50 %</td><td>–</td>');
		expect(nl.months).toContain('januari');
		const fr = matrixHtml(board(), 'fr');
		expect(fr.rows).toContain('20 janvier 2026');
		expect(fr.months).toContain('janvier');
	});

	it('renders a cached board once per language', () => {
		const b = board();
		expect(matrixHtml(b, 'en')).toBe(matrixHtml(b, 'en'));
		expect(matrixHtml(b, 'en')).not.toBe(matrixHtml(b, 'nl-BE'));
	});
});
