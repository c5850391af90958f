// A word-level difference between two texts, to show what a new version of the minutes changed.
// The comparison is jsdiff's (Myers' O(ND) algorithm) over words, so its cost grows with the size
// of the change, not with the product of the two lengths.
import { diffArrays } from 'diff';

export type DiffPart = { op: 'same' | 'add' | 'del'; text: string };

/** Split into words and the whitespace after them, so joining the parts gives the text back. */
const tokens = (text: string) => text.match(/\S+\s*|\s+/g) ?? [];

/** Most words removed plus added that are compared exactly (about 0.1 s for 20,000 words); beyond it the changed middle is shown as removed + added. */
const MAX_EDITS = 1_000;

/** The parts of `after` compared with `before`: unchanged, added and deleted runs of words. */
export function diffWords(before: string, after: string): DiffPart[] {
	const a = tokens(before);
	const b = tokens(after);
	const parts: DiffPart[] = [];
	const push = (op: DiffPart['op'], text: string) => {
		if (!text) return;
		const last = parts[parts.length - 1];
		if (last?.op === op) last.text += text;
		else parts.push({ op, text });
	};
	const changes = diffArrays(a, b, { maxEditLength: MAX_EDITS });
	if (changes) {
		for (const change of changes) push(change.added ? 'add' : change.removed ? 'del' : 'same', change.value.join(''));
		return parts;
	}
	// Too many changes to compare word by word: keep the common start and end, replace the middle.
	let start = 0;
	while (start < a.length && start < b.length && a[start] === b[start]) start++;
	let endA = a.length;
	let endB = b.length;
	while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
		endA--;
		endB--;
	}
	push('same', a.slice(0, start).join(''));
	push('del', a.slice(start, endA).join(''));
	push('add', b.slice(start, endB).join(''));
	push('same', a.slice(endA).join(''));
	return parts;
}
