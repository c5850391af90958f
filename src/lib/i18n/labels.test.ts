// Every value of each status union has its own label in nl-BE, en and fr, taken from the catalogue.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bodyKinds, mandateRoles, organisationKinds } from '#lib/domain/kinds.ts';
import {
	actionStatuses,
	attendanceStatuses,
	confidentialityLevels,
	itemKinds,
	meetingKinds,
	meetingStatuses,
	minutesStatuses,
	outcomeKinds,
} from '#lib/domain/meetings.ts';
import { invitationStates, topicAsks, topicEventKinds, topicStatuses, topicUrgencies } from '#lib/domain/topics.ts';
import { type Locale, locales } from '#lib/paraglide/runtime.js';
import * as labels from './labels.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const catalogue = Object.fromEntries(
	locales.map((locale) => [
		locale,
		JSON.parse(fs.readFileSync(path.join(root, 'messages', `${locale}.json`), 'utf8')) as Record<string, string>,
	]),
) as Record<Locale, Record<string, string>>;

// Each label map: its union (from src/lib/domain), its function and the catalogue prefix of its messages.
const maps: [string, readonly string[], (locale: Locale, key: never) => string, string][] = [
	['mandate roles', mandateRoles, labels.roleLabel, 'role_'],
	['organisation kinds', organisationKinds, labels.organisationKindLabel, 'org_kind_'],
	['body kinds', bodyKinds, labels.bodyKindLabel, 'body_kind_'],
	['meeting kinds', meetingKinds, labels.meetingKindLabel, 'meeting_kind_'],
	['meeting statuses', meetingStatuses, labels.meetingStatusLabel, 'meeting_status_'],
	['item kinds', itemKinds, labels.itemKindLabel, 'item_kind_'],
	['confidentiality levels', confidentialityLevels, labels.confidentialityLabel, 'level_'],
	['outcomes', outcomeKinds, labels.outcomeLabel, 'outcome_'],
	['attendance statuses', attendanceStatuses, labels.attendanceLabel, 'attendance_'],
	['action statuses', actionStatuses, labels.actionStatusLabel, 'action_status_'],
	['minutes statuses', minutesStatuses, labels.minutesStatusLabel, 'minutes_status_'],
	['topic asks', topicAsks, labels.topicAskLabel, 'topic_ask_'],
	['topic urgencies', topicUrgencies, labels.topicUrgencyLabel, 'topic_urgency_'],
	['topic statuses', topicStatuses, labels.topicStatusLabel, 'topic_status_'],
	['topic events', topicEventKinds, labels.topicEventLabel, 'topic_event_'],
	['invitation states', invitationStates, labels.invitationStateLabel, 'invitation_state_'],
];

describe('label maps', () => {
	for (const [name, keys, label, prefix] of maps) {
		it(`labels every one of the ${name} in nl-BE, en and fr from the catalogue, each differently`, () => {
			for (const locale of locales) {
				const texts = keys.map((key) => (label as (locale: Locale, key: string) => string)(locale, key));
				keys.forEach((key, i) => {
					expect(texts[i], `${locale} ${key}`).toBe(catalogue[locale][`${prefix}${key}`]);
					expect(texts[i].trim(), `${locale} ${key}`).not.toBe('');
					// Words like "open" or "public" may be their own label; an identifier never is.
					if (key.includes('_')) expect(texts[i], `${locale} ${key}`).not.toBe(key);
				});
				expect(new Set(texts).size, `${locale}: two ${name} share a label`).toBe(keys.length);
			}
		});
	}

	it('gives a label in French where Dutch and English differ, so the locale argument is used', () => {
		expect(['nl-BE', 'en', 'fr'].map((l) => labels.meetingStatusLabel(l as Locale, 'minutes_approved'))).toEqual([
			catalogue['nl-BE'].meeting_status_minutes_approved,
			catalogue.en.meeting_status_minutes_approved,
			catalogue.fr.meeting_status_minutes_approved,
		]);
		expect(new Set(locales.map((l) => labels.topicStatusLabel(l, 'info_requested'))).size).toBe(3);
	});

	it('shows an unknown error code as the generic message, never as the code', () => {
		expect(labels.errorText('fr', 'no_such_code')).toBe(catalogue.fr.error_invalid);
		expect(labels.errorText('en', 'meeting_cannot_publish')).toBe(catalogue.en.error_meeting_cannot_change);
		expect(labels.errorText('nl-BE', 'required')).toBe(catalogue['nl-BE'].error_required);
	});

	it('names a body in French only for French readers who have a French name', () => {
		expect(labels.localName('fr', { name: 'Conferentie', nameFr: 'Conférence' })).toBe('Conférence');
		expect(labels.localName('en', { name: 'Conferentie', nameFr: 'Conférence' })).toBe('Conferentie');
		expect(labels.localName('fr', { name: 'Conferentie', nameFr: null })).toBe('Conferentie');
	});

	it('labels a person for a picker with their functions in the language of the reader', () => {
		const jan = {
			givenName: 'Jan',
			familyName: 'Peeters',
			functions: [
				{ role: 'mayor' as const, organisationName: 'Kortrijk', organisationNameFr: 'Courtrai', bodyName: null, bodyNameFr: null },
				{
					role: 'member' as const,
					organisationName: null,
					organisationNameFr: null,
					bodyName: 'Conferentie van Burgemeesters',
					bodyNameFr: null,
				},
			],
		};
		expect(labels.personChoiceLabel('nl-BE', jan)).toBe('Jan Peeters — burgemeester, Kortrijk; lid, Conferentie van Burgemeesters');
		expect(labels.personChoiceLabel('fr', jan).startsWith('Jan Peeters — bourgmestre, Courtrai; ')).toBe(true);
		expect(labels.personChoiceLabel('en', { ...jan, functions: [] })).toBe('Jan Peeters');
	});
});

describe('the catalogue outside Vite', () => {
	it('renders the same labels and dates through #lib/* imports in plain Node with tsx (the CLI and the worker)', () => {
		const script = `
			import { meetingStatusLabel } from '#lib/i18n/labels.ts';
			import { formatMeetingTime } from '#lib/i18n/formats.ts';
			const out = ['nl-BE', 'en', 'fr'].map((l) => [meetingStatusLabel(l, 'agenda_published'), formatMeetingTime(l, '2026-12-01T13:30:00Z')]);
			console.log(JSON.stringify(out));`;
		const output = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
			cwd: root,
			encoding: 'utf8',
		});
		expect(JSON.parse(output)).toEqual([
			[catalogue['nl-BE'].meeting_status_agenda_published, 'dinsdag 1 december 2026, 14:30'],
			[catalogue.en.meeting_status_agenda_published, expect.stringMatching(/^Tuesday,? 1 December 2026, 14:30$/)],
			[catalogue.fr.meeting_status_agenda_published, 'mardi 1 décembre 2026, 14:30'],
		]);
		// A fresh Node process compiles the catalogue with tsx: seconds alone, more beside the other projects.
	}, 90_000);
});
