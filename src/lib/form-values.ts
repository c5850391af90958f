// What a form re-shows after a refused submission: one string per field. A repeated field (a multiple
// select) comes back as its values joined by a separator that no accepted input can contain (form
// parsing refuses control characters), and listOf splits it again.
export const LIST_SEPARATOR = '\u001f';

/** The values of a field that may hold several (a list, one value, or none). */
export function listOf(value: string | string[] | null | undefined): string[] {
	if (value === null || value === undefined || value === '') return [];
	return Array.isArray(value) ? value : value.split(LIST_SEPARATOR);
}
