import { describe, expect, it } from 'vitest';
import { listOf } from '../../src/lib/form-values.ts';
import { formValues } from '../../src/lib/server/http/forms.ts';

describe('a refused form shows what was typed', () => {
	it('keeps every value of a multiple select, and never a password', () => {
		const form = new FormData();
		form.append('title', 'Erfgoeddepot');
		form.append('speakerIds', 'a');
		form.append('speakerIds', 'b');
		form.append('password', 'geheim');
		const values = formValues(form);
		expect(values.title).toBe('Erfgoeddepot');
		expect(listOf(values.speakerIds)).toEqual(['a', 'b']);
		expect(listOf(values.title)).toEqual(['Erfgoeddepot']);
		expect(values.password).toBeUndefined();
		expect(listOf(undefined)).toEqual([]);
		expect(listOf(['x'])).toEqual(['x']);
	});
});
