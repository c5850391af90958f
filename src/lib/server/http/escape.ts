// Text made safe inside markup the server writes itself (SVG drawings, the dashboard's rows): escaped as
// HTML/XML character data or an attribute value, without the characters XML forbids.

/** Text as HTML/XML character data or an attribute value. */
export function escapeMarkup(text: string): string {
	return text
		.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&#39;');
}
