// Draws the default region logo of the PDFs (src/lib/server/pdf/logo/default-logo.png): a teal rounded
// square with three agenda lines, 160 × 160 pixels, RGB without alpha (pdfkit embeds such a PNG as it is,
// without decoding it). Run `node scripts/default-logo.js` to draw it again.
import fs from 'node:fs';
import zlib from 'node:zlib';

const SIZE = 160;
const TEAL = [0, 96, 111];
const WHITE = [255, 255, 255];

/** The colour of pixel (x, y). */
function colour(x, y) {
	const r = 28;
	const cx = Math.min(Math.max(x, r), SIZE - 1 - r);
	const cy = Math.min(Math.max(y, r), SIZE - 1 - r);
	if ((x - cx) ** 2 + (y - cy) ** 2 > r * r) return WHITE;
	for (const [row, length] of [
		[48, 88],
		[80, 72],
		[112, 56],
	]) {
		if ((x - 42) ** 2 + (y - row) ** 2 <= 81) return WHITE;
		if (y >= row - 6 && y <= row + 6 && x >= 60 && x <= 60 + length) return WHITE;
	}
	return TEAL;
}

const raw = Buffer.alloc((SIZE * 3 + 1) * SIZE);
for (let y = 0; y < SIZE; y++) {
	raw[y * (SIZE * 3 + 1)] = 0;
	for (let x = 0; x < SIZE; x++) Buffer.from(colour(x, y)).copy(raw, y * (SIZE * 3 + 1) + 1 + x * 3);
}

const table = Array.from({ length: 256 }, (_, n) => {
	let c = n;
	for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
	return c >>> 0;
});
const crc = (buffer) => {
	let c = 0xffffffff;
	for (const byte of buffer) c = table[(c ^ byte) & 0xff] ^ (c >>> 8);
	return (c ^ 0xffffffff) >>> 0;
};
function chunk(type, data) {
	const length = Buffer.alloc(4);
	length.writeUInt32BE(data.length);
	const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
	const sum = Buffer.alloc(4);
	sum.writeUInt32BE(crc(body));
	return Buffer.concat([length, body, sum]);
}
const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header.set([8, 2, 0, 0, 0], 8);
const png = Buffer.concat([
	Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
	chunk('IHDR', header),
	chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
	chunk('IEND', Buffer.alloc(0)),
]);
fs.writeFileSync(new URL('../src/lib/server/pdf/logo/default-logo.png', import.meta.url), png);
