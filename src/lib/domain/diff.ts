// A word-level difference between two texts, to show what a new version of the minutes changed.

export type DiffPart = { op: 'same' | 'add' | 'del'; text: string };

/** Split into words and the whitespace after them, so joining the parts gives the text back. */
const tokens = (text: string) => text.match(/\S+\s*|\s+/g) ?? [];

/** Largest table the exact comparison builds; beyond it the middle is shown as removed + added. */
const MAX_CELLS = 4_000_000;

/** The parts of `after` compared with `before`: unchanged, added and deleted runs of words. */
export function diffWords(before: string, after: string): DiffPart[] {
	const a = tokens(before);
	const b = tokens(after);
	let start = 0;
	while (start < a.length && start < b.length && a[start] === b[start]) start++;
	let endA = a.length;
	let endB = b.length;
	while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
		endA--;
		endB--;
	}
	const parts: DiffPart[] = [];
	const push = (op: DiffPart['op'], text: string) => {
		if (!text) return;
		const last = parts[parts.length - 1];
		if (last?.op === op) last.text += text;
		else parts.push({ op, text });
	};
	push('same', a.slice(0, start).join(''));
	const midA = a.slice(start, endA);
	const midB = b.slice(start, endB);
	if (midA.length * midB.length > MAX_CELLS) {
		push('del', midA.join(''));
		push('add', midB.join(''));
	} else {
		// Longest common subsequence over the middle.
		const n = midA.length;
		const mLen = midB.length;
		const table = Array.from({ length: n + 1 }, () => new Uint32Array(mLen + 1));
		for (let i = n - 1; i >= 0; i--)
			for (let j = mLen - 1; j >= 0; j--)
				table[i][j] = midA[i] === midB[j] ? table[i + 1][j + 1] + 1 : Math.max(table[i + 1][j], table[i][j + 1]);
		let i = 0;
		let j = 0;
		while (i < n && j < mLen) {
			if (midA[i] === midB[j]) {
				push('same', midA[i]);
				i++;
				j++;
			} else if (table[i + 1][j] >= table[i][j + 1]) push('del', midA[i++]);
			else push('add', midB[j++]);
		}
		while (i < n) push('del', midA[i++]);
		while (j < mLen) push('add', midB[j++]);
	}
	push('same', a.slice(endA).join(''));
	return parts;
}
