import { cellAt, cellValue } from '@xxgk/schema';
import { national2021 } from '@xxgk/schema/templates';
import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import { describe, expect, it } from 'vitest';
import { ParseError, parse } from '../../src/index.js';
import { T3 } from '../fixtures/report-2021.js';

const cell = (text: string): TableCell => new TableCell({ children: [new Paragraph(text)] });

async function docxBytes(): Promise<Uint8Array> {
  const rows = (national2021.applications?.rows ?? [])
    .filter((r) => r.path !== null)
    .map((r) => new TableRow({ children: [cell(r.label), ...(T3[r.path ?? ''] ?? [0, 0, 0, 0, 0, 0, 0]).map((n) => cell(String(n)))] }));
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ text: '青禾县教育局2022年政府信息公开工作年度报告', heading: HeadingLevel.TITLE }),
          new Paragraph('本报告所列数据的统计期限自2022年1月1日起至2022年12月31日止。'),
          new Paragraph({ text: '一、总体情况', heading: HeadingLevel.HEADING_1 }),
          new Paragraph('2022年，我局共收到政府信息公开申请21件。'),
          new Paragraph({ text: '三、收到和处理政府信息公开申请情况', heading: HeadingLevel.HEADING_1 }),
          new Table({
            rows: [
              new TableRow({ children: ['（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', '自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'].map(cell) }),
              ...rows,
            ],
          }),
          new Paragraph('2023年1月15日'),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

describe('docx', () => {
  it('reads paragraphs and tables through mammoth, spans into the extracted text', async () => {
    const { report, text, document } = await parse(await docxBytes(), { name: 'r.docx' });
    expect(report.source.format).toBe('docx');
    expect(report.title).toBe('青禾县教育局2022年政府信息公开工作年度报告');
    expect(report.year).toBe(2022);
    expect(report.publishedOn).toBe('2023-01-15');
    expect(document.blocks.some((b) => b.type === 'table')).toBe(true);
    for (const [path, values] of Object.entries(T3)) {
      expect(['naturalPerson', 'commercial', 'research', 'socialWelfare', 'legalService', 'otherOrg', 'total'].map((c) => cellValue(cellAt(report, `${path}.${c}`)))).toEqual(values);
    }
    const c = cellAt(report, 'applications.newReceived.naturalPerson');
    expect(c && typeof c === 'object' && c.span ? text.slice(c.span.start, c.span.end) : null).toBe('18');
    expect(report.sections.map((s) => s.kind)).toEqual(['overview', 'applications']);
  });

  it('rejects a truncated DOCX with TRUNCATED_DOCX', async () => {
    const bytes = await docxBytes();
    const cut = bytes.subarray(0, Math.floor(bytes.length / 2));
    await expect(parse(cut, { name: 'r.docx' })).rejects.toMatchObject({ name: 'ParseError', code: 'TRUNCATED_DOCX' });
    await expect(parse(cut)).rejects.toBeInstanceOf(ParseError);
  });
});
