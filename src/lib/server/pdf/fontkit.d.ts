// The part of fontkit (the font engine pdfkit itself uses) that pdf.ts needs: which characters a font has.
declare module 'fontkit' {
	export interface Font {
		hasGlyphForCodePoint(codePoint: number): boolean;
	}
	export function openSync(filename: string): Font;
}
