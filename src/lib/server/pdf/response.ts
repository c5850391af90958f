// A generated PDF as an HTTP download.
import { contentDisposition } from '../files/filetype.ts';

export function pdfResponse(pdf: Buffer, fileName: string): Response {
	return new Response(new Uint8Array(pdf), {
		headers: {
			'Content-Type': 'application/pdf',
			'Content-Disposition': contentDisposition(fileName),
			'X-Content-Type-Options': 'nosniff',
			'Cache-Control': 'private, no-store',
		},
	});
}
