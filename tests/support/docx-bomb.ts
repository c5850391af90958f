// A decompression bomb with a valid DOCX signature: `[Content_Types].xml` and a `word/document.xml` of
// `inflatedMb` MB of spaces, deflated as a stream by node's zlib (the inflated text is never held), in a
// minimal ZIP with honest sizes in its central directory.
import zlib from 'node:zlib';

const CONTENT_TYPES =
	'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
	'<Default Extension="xml" ContentType="application/xml"/>' +
	'<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const HEAD =
	'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>';
const TAIL = '</w:t></w:r></w:p></w:body></w:document>';

interface Entry {
	name: string;
	data: Buffer;
	crc: number;
	size: number;
}

/** Deflate the chunks one by one through one zlib stream; returns the deflated bytes, CRC-32 and size. */
async function deflate(chunks: () => Iterable<Buffer>) {
	const stream = zlib.createDeflateRaw({ level: 9 });
	const out: Buffer[] = [];
	stream.on('data', (c: Buffer) => out.push(c));
	const ended = new Promise((resolve, reject) => {
		stream.on('end', resolve);
		stream.on('error', reject);
	});
	let crc = 0;
	let size = 0;
	for (const chunk of chunks()) {
		crc = zlib.crc32(chunk, crc);
		size += chunk.length;
		if (!stream.write(chunk)) await new Promise((resolve) => stream.once('drain', resolve));
	}
	stream.end();
	await ended;
	return { data: Buffer.concat(out), crc, size };
}

function zip(entries: Entry[]): Uint8Array {
	const locals: Buffer[] = [];
	const centrals: Buffer[] = [];
	let offset = 0;
	for (const e of entries) {
		const name = Buffer.from(e.name, 'utf8');
		const local = Buffer.alloc(30);
		local.writeUInt32LE(0x04034b50, 0);
		local.writeUInt16LE(20, 4);
		local.writeUInt16LE(8, 8); // deflate
		local.writeUInt32LE(e.crc >>> 0, 14);
		local.writeUInt32LE(e.data.length, 18);
		local.writeUInt32LE(e.size, 22);
		local.writeUInt16LE(name.length, 26);
		const central = Buffer.alloc(46);
		central.writeUInt32LE(0x02014b50, 0);
		central.writeUInt16LE(20, 4);
		central.writeUInt16LE(20, 6);
		central.writeUInt16LE(8, 10);
		central.writeUInt32LE(e.crc >>> 0, 16);
		central.writeUInt32LE(e.data.length, 20);
		central.writeUInt32LE(e.size, 24);
		central.writeUInt16LE(name.length, 28);
		central.writeUInt32LE(offset, 42);
		locals.push(local, name, e.data);
		centrals.push(central, name);
		offset += local.length + name.length + e.data.length;
	}
	const directory = Buffer.concat(centrals);
	const end = Buffer.alloc(22);
	end.writeUInt32LE(0x06054b50, 0);
	end.writeUInt16LE(entries.length, 8);
	end.writeUInt16LE(entries.length, 10);
	end.writeUInt32LE(directory.length, 12);
	end.writeUInt32LE(offset, 16);
	return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

/** The bytes of the bomb (about 400 kB for 400 MB of spaces). */
export async function docxBomb(inflatedMb = 400): Promise<Uint8Array> {
	const types = await deflate(() => [Buffer.from(CONTENT_TYPES)]);
	const spaces = Buffer.alloc(1024 * 1024, 0x20);
	const doc = await deflate(function* () {
		yield Buffer.from(HEAD);
		for (let i = 0; i < inflatedMb; i++) yield spaces;
		yield Buffer.from(TAIL);
	});
	return zip([
		{ name: '[Content_Types].xml', ...types },
		{ name: 'word/document.xml', ...doc },
	]);
}
