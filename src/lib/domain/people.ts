// How a person's name is written: one rule for pages, PDFs, mails and pickers ("Jan Peeters"), the
// label that tells two people apart in a picker ("Jan Peeters — burgemeester, Kortrijk") and the
// order of a list of people (by family name, then given name). The SQL twin of personName is
// `personNameSql` in server/db/person-name.ts.
import type { MandateRole } from './kinds.ts';

/** The parts of a person's name as the directory stores them. */
export interface PersonNameParts {
	givenName: string;
	familyName: string;
}

/** A person's name as every page, PDF and mail writes it: given name, then family name. */
export function personName(person: PersonNameParts): string {
	return `${person.givenName} ${person.familyName}`;
}

/** One current function of a person, already in words: the role and where it is held. */
export interface PersonFunction {
	role: string;
	place?: string | null;
}

/** The name with the person's current functions, to tell people apart: "Jan Peeters — burgemeester, Kortrijk". */
export function personLabel(person: PersonNameParts, functions: readonly PersonFunction[] = []): string {
	const seen = new Set<string>();
	const parts: string[] = [];
	for (const f of functions) {
		const text = f.place ? `${f.role}, ${f.place}` : f.role;
		if (text && !seen.has(text)) {
			seen.add(text);
			parts.push(text);
		}
	}
	return parts.length ? `${personName(person)} — ${parts.join('; ')}` : personName(person);
}

const collator = new Intl.Collator('nl-BE', { sensitivity: 'base' });

/** The order of a list of people: by family name, then given name (as the directory sorts them). */
export function comparePeople(a: PersonNameParts, b: PersonNameParts): number {
	return collator.compare(a.familyName, b.familyName) || collator.compare(a.givenName, b.givenName);
}

/** Text folded for searching: lower case, without accents, single spaces ("Désirée" finds "desiree"). */
export function searchFold(text: string): string {
	return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Whether every word typed occurs in the label, in any order ("peet kort" finds "Jan Peeters — burgemeester, Kortrijk"). */
export function matchesSearch(label: string, query: string): boolean {
	const words = searchFold(query).split(' ').filter(Boolean);
	const haystack = searchFold(label);
	return words.every((word) => haystack.includes(word));
}

/** One current function of a person as the directory gives it: the role and the organisation or body it is held in. */
export interface PersonChoiceFunction {
	role: MandateRole;
	organisationName: string | null;
	organisationNameFr: string | null;
	bodyName: string | null;
	bodyNameFr: string | null;
}

/** A person to choose in a form (a picker's option), with the current functions that tell namesakes apart. */
export interface PersonChoice extends PersonNameParts {
	id: string;
	functions: PersonChoiceFunction[];
}
