import { describe, expect, it } from 'vitest';
import { comparePeople, matchesSearch, personLabel, personName } from './people.ts';

const jan = { givenName: 'Jan', familyName: 'Peeters' };

describe('personName', () => {
	it('writes the given name, then the family name', () => {
		expect(personName(jan)).toBe('Jan Peeters');
		expect(personName({ givenName: 'Marie-Claire', familyName: 'Van den Bossche' })).toBe('Marie-Claire Van den Bossche');
	});
});

describe('personLabel', () => {
	it('adds the function and where it is held after a dash', () => {
		expect(personLabel(jan, [{ role: 'burgemeester', place: 'Kortrijk' }])).toBe('Jan Peeters — burgemeester, Kortrijk');
	});

	it('lists several functions, each once, separated by semicolons', () => {
		const functions = [
			{ role: 'burgemeester', place: 'Kortrijk' },
			{ role: 'lid', place: 'Conferentie van Burgemeesters' },
			{ role: 'burgemeester', place: 'Kortrijk' },
		];
		expect(personLabel(jan, functions)).toBe('Jan Peeters — burgemeester, Kortrijk; lid, Conferentie van Burgemeesters');
	});

	it('is the name alone for a person without a current function, and the role alone without a place', () => {
		expect(personLabel(jan)).toBe('Jan Peeters');
		expect(personLabel(jan, [{ role: 'secretariaat', place: null }])).toBe('Jan Peeters — secretariaat');
	});
});

describe('comparePeople', () => {
	it('sorts by family name, then given name, ignoring case and accents', () => {
		const people = [
			{ givenName: 'Piet', familyName: 'Peeters' },
			{ givenName: 'An', familyName: 'Éloy' },
			{ givenName: 'Jan', familyName: 'Peeters' },
			{ givenName: 'Bert', familyName: 'de Smet' },
		];
		expect(people.sort(comparePeople).map(personName)).toEqual(['Bert de Smet', 'An Éloy', 'Jan Peeters', 'Piet Peeters']);
	});
});

describe('matchesSearch', () => {
	const label = 'Désirée Vandamme — algemeen directeur, Kortrijk';

	it('finds every typed word in any order, without regard to case or accents', () => {
		expect(matchesSearch(label, 'desiree')).toBe(true);
		expect(matchesSearch(label, 'KORT vand')).toBe(true);
		expect(matchesSearch(label, '  ')).toBe(true);
	});

	it('does not match when one word is missing', () => {
		expect(matchesSearch(label, 'vandamme menen')).toBe(false);
	});
});
