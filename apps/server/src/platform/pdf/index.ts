// Printable PDF with Chinese text (INT-09b): pdfkit embeds a subset of the Noto Sans CJK font that
// Debian's fonts-noto-cjk package installs, so a printed sheet looks the same on every machine.
export { createCjkDocument, pdfBuffer, cjkFontFiles, type CjkDocument } from './cjk-document';
