import type { GridCell, SynthDocument } from '../document.js';
import type { RenderStyle } from './style.js';
import type { TextLayoutResult } from './writer.js';
import { Writer } from './writer.js';

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function writeCell(w: Writer, cell: GridCell, style: RenderStyle): void {
  const attrs = `${cell.rowSpan && cell.rowSpan > 1 ? ` rowspan="${cell.rowSpan}"` : ''}${cell.colSpan && cell.colSpan > 1 ? ` colspan="${cell.colSpan}"` : ''}`;
  w.write(`<td${attrs}${cell.head ? ' class="th"' : ''}>${style.htmlCellParagraphs ? '<p align="center">' : ''}`);
  w.write(escapeHtml(cell.text), cell.path ? `cell:${cell.path}` : undefined);
  if (cell.text === '') w.write(style.htmlBlankCell);
  w.write(`${style.htmlCellParagraphs ? '</p>' : ''}</td>`);
}

/**
 * A government-site article page: header, navigation and breadcrumb chrome, the report inside
 * `<div class="article">`, footer. Tables keep the template's rowspan/colspan merges.
 */
export function renderHtml(
  doc: SynthDocument,
  style: RenderStyle,
  meta: { title: string; agency: string; publishedOn: string },
): TextLayoutResult {
  const w = new Writer();
  const t = escapeHtml(meta.title);
  w.write(
    `<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n<title>${t}</title>\n</head>\n<body>\n` +
      `<div class="header"><div class="logo">${escapeHtml(style.siteName)}</div>\n` +
      `<ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/zwfw/">政务服务</a></li><li><a href="/hdjl/">互动交流</a></li></ul></div>\n` +
      `<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/ndbg/">政府信息公开年报</a></div>\n` +
      `<div class="article">\n`,
  );
  doc.blocks.forEach((block, i) => {
    switch (block.type) {
      case 'title':
        w.write('<h1 class="title">');
        w.beginBlock(i);
        w.write(escapeHtml(block.text), 'title');
        w.endBlock();
        w.write(`</h1>\n<div class="info">发布日期：${meta.publishedOn}\u3000来源：${escapeHtml(meta.agency)}</div>\n<div class="content">\n`);
        break;
      case 'heading': {
        const open = style.htmlHeadings === 'h' ? `<h${block.level + 1}>` : '<p><strong>';
        const close = style.htmlHeadings === 'h' ? `</h${block.level + 1}>` : '</strong></p>';
        w.write(open);
        w.beginBlock(i);
        w.write(escapeHtml(block.text));
        w.endBlock();
        w.write(`${close}\n`);
        break;
      }
      case 'paragraph': {
        const prev = doc.blocks[i - 1];
        const prevIsSignature = prev?.type === 'paragraph' && prev.role === 'signature';
        if (block.role === 'signature' && style.htmlSpacers && !prevIsSignature) w.write('<p>&nbsp;</p>\n');
        const attr =
          block.role === 'signature'
            ? ' style="text-align: right;"'
            : block.role === 'caption'
              ? ' style="text-align: center;"'
              : ' style="text-indent: 2em;"';
        w.write(`<p${attr}>`);
        w.beginBlock(i);
        for (const run of block.runs) w.write(escapeHtml(run.text), run.anchor);
        w.endBlock();
        w.write('</p>\n');
        break;
      }
      case 'table': {
        w.beginBlock(i);
        w.write('<table border="1" cellspacing="0" cellpadding="0" style="border-collapse: collapse;">\n<tbody>\n');
        for (const row of block.table.grid) {
          w.write('<tr>');
          for (const cell of row) writeCell(w, cell, style);
          w.write('</tr>\n');
        }
        w.write('</tbody>\n</table>');
        w.endBlock();
        w.write('\n');
        break;
      }
      case 'separator':
        w.write('</div>\n</div>\n<div class="article">\n');
        break;
    }
  });
  w.write(
    `</div>\n</div>\n<div class="footer"><p>${escapeHtml(style.siteName)}\u3000主办：${escapeHtml(meta.agency)}</p><p>${style.icp}</p></div>\n</body>\n</html>\n`,
  );
  return w.result();
}
