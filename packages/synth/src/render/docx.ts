import { AlignmentType, Document, HeadingLevel, Packer, PageBreak, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { SynthDocument, TableLayout } from '../document.js';

const FIXED_TIME = '2000-01-01T00:00:00Z';

function table(layout: TableLayout): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: layout.grid.map(
      (row) =>
        new TableRow({
          children: row.map(
            (cell) =>
              new TableCell({
                ...(cell.colSpan && cell.colSpan > 1 ? { columnSpan: cell.colSpan } : {}),
                ...(cell.rowSpan && cell.rowSpan > 1 ? { rowSpan: cell.rowSpan } : {}),
                children: [
                  new Paragraph({
                    alignment: cell.path ? AlignmentType.CENTER : AlignmentType.LEFT,
                    children: [new TextRun({ text: cell.text, bold: cell.head ?? false })],
                  }),
                ],
              }),
          ),
        }),
    ),
  });
}

/** A fixed docProps/core.xml, so the same model always packs to the same bytes. */
function coreXml(title: string, creator: string): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${esc(title)}</dc:title><dc:creator>${esc(creator)}</dc:creator>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${FIXED_TIME}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${FIXED_TIME}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

/** Set every DOS date/time field of a zip (local headers and central directory) to 1980-01-01 00:00. */
export function normalizeZipTimes(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes);
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  const DOS_DATE = (0 << 9) | (1 << 5) | 1;
  for (let i = 0; i + 4 <= out.length; ) {
    const sig = view.getUint32(i, true);
    if (sig === 0x04034b50) {
      view.setUint16(i + 10, 0, true);
      view.setUint16(i + 12, DOS_DATE, true);
      const compressed = view.getUint32(i + 18, true);
      const nameLen = view.getUint16(i + 26, true);
      const extraLen = view.getUint16(i + 28, true);
      i += 30 + nameLen + extraLen + compressed;
    } else if (sig === 0x02014b50) {
      view.setUint16(i + 12, 0, true);
      view.setUint16(i + 14, DOS_DATE, true);
      const nameLen = view.getUint16(i + 28, true);
      const extraLen = view.getUint16(i + 30, true);
      const commentLen = view.getUint16(i + 32, true);
      i += 46 + nameLen + extraLen + commentLen;
    } else break;
  }
  return out;
}

/** A Word document: title, headings, paragraphs and real tables with merged cells. */
export async function renderDocx(doc: SynthDocument, meta: { title: string; agency: string }): Promise<Uint8Array> {
  const children: (Paragraph | Table)[] = [];
  for (const block of doc.blocks) {
    switch (block.type) {
      case 'title':
        children.push(new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [new TextRun(block.text)] }));
        break;
      case 'heading':
        children.push(
          new Paragraph({ heading: block.level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2, children: [new TextRun(block.text)] }),
        );
        break;
      case 'paragraph':
        children.push(
          new Paragraph({
            alignment: block.role === 'signature' ? AlignmentType.RIGHT : block.role === 'caption' ? AlignmentType.CENTER : AlignmentType.JUSTIFIED,
            children: [new TextRun(block.runs.map((r) => r.text).join(''))],
          }),
        );
        break;
      case 'table':
        children.push(table(block.table));
        break;
      case 'separator':
        children.push(new Paragraph({ children: [new PageBreak()] }));
        break;
    }
  }
  const document = new Document({ creator: meta.agency, title: meta.title, sections: [{ children }] });
  const buffer = await Packer.toBuffer(document, false, [{ path: 'docProps/core.xml', data: coreXml(meta.title, meta.agency) }]);
  return normalizeZipTimes(new Uint8Array(buffer));
}
