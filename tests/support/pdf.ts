// A small real PDF with a line of text, for uploads in tests and the benchmark.
import PDFDocument from 'pdfkit';

export function samplePdf(text: string): Promise<Buffer> {
	return new Promise((resolve) => {
		const doc = new PDFDocument();
		const chunks: Buffer[] = [];
		doc.on('data', (c: Buffer) => chunks.push(c));
		doc.on('end', () => resolve(Buffer.concat(chunks)));
		doc.text(text);
		doc.end();
	});
}
