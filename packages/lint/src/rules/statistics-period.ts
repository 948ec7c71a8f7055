import { defineRule } from '../rule.js';

/** 截至（2015年）12月10日 in a sentence that states figures: the statistics stop before the year ends. */
const CUT_OFF = /截[至止][ \t\u3000]*(?:((?:19|20)\d{2})[ \t\u3000]*年[ \t\u3000]*)?(1[0-2]|[1-9])[ \t\u3000]*月[ \t\u3000]*(\d{1,2})[ \t\u3000]*日/g;
/** The clause states counted figures (共发布信息258条, 受理申请3件). */
const COUNTED = /\d+[ \t\u3000]*(?:件|条|个|次|项|份|人次|期|篇|万元|元)/;

function chineseDate(iso: string | null): string {
  if (!iso) return '（空）';
  const [y, m, d] = iso.split('-');
  return `${y ?? ''}年${Number(m)}月${Number(d)}日`;
}

/**
 * The statistics of an annual report cover the whole calendar year: 1月1日 to 12月31日 of the report
 * year (DB51/T 2660—2019 §2.1; SPEC §4), from 5月1日 for 2008, when the 2007 条例 came into force.
 * A 统计期限 that starts late or ends early, or figures given 截至12月10日, leave part of the year out.
 */
export default defineRule({
  meta: {
    id: 'statistics-period',
    type: 'problem',
    defaultSeverity: 'warn',
    docs: {
      description: 'Require the statistics period to be the whole report year, 1月1日 to 12月31日',
      recommended: true,
    },
    messages: {
      notFullYear: '统计期限为{{from}}至{{to}}，不是{{year}}年1月1日至12月31日的完整年度',
      cutOffEarly: '统计数据截至{{date}}，未覆盖{{year}}年12月31日前的全部时间',
    },
  },
  create(context) {
    let year: number | null = null;
    let periodChecked = false;
    const seen = new Set<string>();
    return {
      report(report) {
        year = report.year;
        const period = report.period;
        if (year === null || !period || period.from === null || period.to === null) return;
        periodChecked = true;
        const fromYear = Number(period.from.slice(0, 4));
        const toYear = Number(period.to.slice(0, 4));
        // A period wholly in another year is year-mismatch's finding.
        if (fromYear !== year && toYear !== year) return;
        const starts = year === 2008 ? [`${year}-01-01`, `${year}-05-01`] : [`${year}-01-01`];
        const end = `${year}-12-31`;
        if (starts.includes(period.from) && period.to === end) return;
        const earlyEnd = starts.includes(period.from) && toYear === year && period.to < end;
        context.report({
          messageId: earlyEnd ? 'cutOffEarly' : 'notFullYear',
          data: earlyEnd
            ? { date: chineseDate(period.to), year }
            : { from: chineseDate(period.from), to: chineseDate(period.to), year },
          span: period.span ?? null,
          path: 'period',
        });
      },
      line(line) {
        if (year === null || periodChecked) return;
        for (const m of line.text.matchAll(CUT_OFF)) {
          const stated: number = m[1] ? Number(m[1]) : year;
          const month = Number(m[2]);
          const day = Number(m[3]);
          // Only a cut-off late in the report year itself is the compilation date of the statistics.
          if (stated !== year || month < 11 || (month === 12 && day >= 31)) continue;
          const stop = line.text.indexOf('。', m.index);
          const clause = line.text.slice(m.index, stop < 0 ? line.text.length : stop);
          if (!COUNTED.test(clause.slice(m[0].length))) continue;
          const date = `${year}年${month}月${day}日`;
          if (seen.has(date)) continue;
          seen.add(date);
          context.report({
            messageId: 'cutOffEarly',
            data: { date, year },
            span: context.source.span(line.start + m.index, line.start + m.index + m[0].length),
            path: 'period',
          });
        }
      },
    };
  },
});
