import type { Report } from '@xxgk/schema';
import { defineRule } from '../rule.js';

const YEAR_IN_TITLE = /((?:19|20)\d{2})\s*年/;
const PERIOD_WORDS = /统计(?:期限|时间|时段|区间|周期)/;
const CAPTION_WORDS = /统计表|情况表|^\s*附表|^\s*表[一二三四1-4][：:、．.\s]/;
const YEAR = /((?:19|20)\d{2})\s*年/g;
/** The first paragraph of 总体情况/概述 opening with the year it reports on: “2023年，我局…”. */
const OPENING_YEAR = /^(?:\s|<[^<>]{0,200}>|&nbsp;|[#>*_])*((?:19|20)\d{2})\s*年(?:度)?\s*[，,]/d;

function isoYear(date: string | null | undefined): number | null {
  if (!date) return null;
  const year = Number.parseInt(date.slice(0, 4), 10);
  return Number.isFinite(year) ? year : null;
}

function chineseDate(date: string | null | undefined): string {
  if (!date) return '（空）';
  const [y, m, d] = date.split('-');
  return `${y ?? ''}年${Number(m)}月${Number(d)}日`;
}

/** The year the title names (2021年…年度报告); null when it names none (20**年). */
function titleYear(report: Report): number | null {
  const match = YEAR_IN_TITLE.exec(report.title);
  return match?.[1] ? Number(match[1]) : null;
}

/**
 * The title names the report year; the 统计期限 and the captions of the statistics tables must name
 * the same one, and so must the year that opens 总体情况 (“2023年，我局…”, the classic residue of last
 * year's report). Other prose that mentions other years (上年, 2019年以来) is normal and not checked.
 */
export default defineRule({
  meta: {
    id: 'year-mismatch',
    type: 'problem',
    defaultSeverity: 'error',
    docs: {
      description: "Disallow a statistics period or table caption for a year other than the title's report year",
      recommended: true,
    },
    messages: {
      titleYear: '标题年份为{{titleYear}}年，而报告年度为{{year}}年',
      periodYear: '统计期限“{{period}}”不在标题所示的报告年度{{year}}年内',
      captionYear: '“{{caption}}”写的是{{captionYear}}年，而本报告是{{year}}年度报告',
      openingYear: '总体情况开头写的是{{openingYear}}年，而本报告是{{year}}年度报告',
    },
  },
  create(context) {
    let year: number | null = null;
    let periodModelled = false;
    let titleConflict = false;
    return {
      report(report) {
        const fromTitle = titleYear(report);
        year = fromTitle ?? report.year;
        titleConflict = fromTitle !== null && report.year !== null && fromTitle !== report.year;
        periodModelled = report.period !== null && (report.period.from !== null || report.period.to !== null);
        if (fromTitle !== null && report.year !== null && fromTitle !== report.year) {
          context.report({
            messageId: 'titleYear',
            data: { titleYear: fromTitle, year: report.year },
            span: report.titleSpan ?? null,
            path: 'year',
          });
        }
        const period = report.period;
        if (year === null || !period) return;
        const years = [isoYear(period.from), isoYear(period.to)].filter((y): y is number => y !== null);
        if (years.length === 0 || years.includes(year)) return;
        context.report({
          messageId: 'periodYear',
          data: { period: `${chineseDate(period.from)}至${chineseDate(period.to)}`, year },
          span: period.span ?? null,
          path: 'period',
        });
      },
      section(section) {
        // With the title already contradicting the report year, which year is right is the title finding's question.
        if (year === null || titleConflict || section.kind !== 'overview') return;
        // The first paragraph under the heading states the year the report covers.
        const text = context.source.text;
        const at = text.indexOf(section.heading, section.span.start);
        const headingEnd = at >= 0 && at < section.span.end ? at + section.heading.length : text.indexOf('\n', section.span.start);
        if (headingEnd < 0 || headingEnd >= section.span.end) return;
        const match = OPENING_YEAR.exec(text.slice(headingEnd, Math.min(section.span.end, headingEnd + 400)));
        if (!match?.[1] || Number(match[1]) === year) return;
        const start = headingEnd + (match.indices?.[1]?.[0] ?? 0);
        context.report({
          messageId: 'openingYear',
          data: { openingYear: match[1], year },
          span: context.source.span(start, start + match[1].length + 1),
        });
      },
      line(line) {
        if (year === null) return;
        const text = line.text;
        if (!periodModelled && PERIOD_WORDS.test(text)) {
          // The parser did not model the 统计期限: read the years of its own clause only.
          const at = text.search(PERIOD_WORDS);
          const stop = text.indexOf('。', at);
          const clause = text.slice(at, stop < 0 ? text.length : stop);
          const years = [...clause.matchAll(YEAR)];
          const first = years[0];
          if (first && !years.some((m) => Number(m[1]) === year)) {
            const start = line.start + at + first.index;
            context.report({
              messageId: 'periodYear',
              data: { period: clause.trim(), year },
              span: context.source.span(start, start + first[0].length),
              path: 'period',
            });
          }
          return;
        }
        const trimmed = text.trim();
        if (trimmed.length > 60 || /[。，；]/.test(trimmed) || !CAPTION_WORDS.test(trimmed)) return;
        const caption = [...text.matchAll(YEAR)];
        if (caption.length !== 1 || !caption[0]) return;
        const captionYear = Number(caption[0][1]);
        if (captionYear === year) return;
        const start = line.start + caption[0].index;
        context.report({
          messageId: 'captionYear',
          data: { caption: trimmed, captionYear, year },
          span: context.source.span(start, start + caption[0][0].length),
        });
      },
    };
  },
});
