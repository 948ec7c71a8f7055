import mammoth from 'mammoth';
import type { FormatProcessor, ProcessorInput, SourceDocument } from '../document.js';
import { ParseError } from '../errors.js';
import { flattenBlocks } from './flatten.js';
import { htmlToDocument } from './html.js';

function hasZipMagic(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** True when the zip's central directory (end record) is present. */
function hasEndOfCentralDirectory(bytes: Uint8Array): boolean {
  const from = Math.max(0, bytes.length - 65_557);
  for (let i = bytes.length - 22; i >= from; i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 0x05 && bytes[i + 3] === 0x06) return true;
  }
  return false;
}

/** DOCX: mammoth → HTML → the HTML processor; spans point into the extracted text (one line per paragraph / row). */
export const docxProcessor: FormatProcessor = {
  format: 'docx',
  extensions: ['.docx'],
  sniff: hasZipMagic,
  async toDocument(input: ProcessorInput): Promise<SourceDocument> {
    if (!hasEndOfCentralDirectory(input.bytes)) {
      throw new ParseError('TRUNCATED_DOCX', 'The DOCX file is truncated (no zip central directory).');
    }
    if (!Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength).includes('word/document.xml', 0, 'latin1')) {
      throw new ParseError('UNSUPPORTED_FORMAT', 'A zip archive without word/document.xml: not a DOCX document.');
    }
    let html: string;
    try {
      const result = await mammoth.convertToHtml({ buffer: Buffer.from(input.bytes) });
      html = result.value;
    } catch (error) {
      throw new ParseError('TRUNCATED_DOCX', 'The DOCX file cannot be read (damaged or truncated).', { cause: error });
    }
    const doc = htmlToDocument(`<body>${html}</body>`, 'docx');
    return flattenBlocks('docx', doc.blocks);
  },
};
