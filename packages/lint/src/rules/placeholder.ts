import type { SourceFormat } from '@xxgk/schema';
import { defineRule } from '../rule.js';

type PlaceholderMessage = 'slot' | 'instruction' | 'emptyPeriod' | 'emptyDate';

interface Pattern {
  readonly messageId: PlaceholderMessage;
  /** Global regex with the `d` flag; group `slot`, when present, is the span reported. */
  readonly regex: RegExp;
  readonly accept?: (match: RegExpExecArray, text: string, format: SourceFormat | null) => boolean;
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
/** Characters of a Chinese numeral (二〇二一年): 〇/○ runs among them are digits, not slots. */
const NUMERAL = /[一二三四五六七八九十〇○◯零两]/;
const INSTRUCTION =
  /填写|填报|填入|请|输入|此处|名称|年份|日期|数字|[XxＸｘ×]{2}|删除|修改|补充|选填|必填|示例|待定|待补|根据实际/;
/** A character or word every pattern below needs. */
const TRIGGER = /[*＊XxＸｘ×○◯〇【_＿]|统计|年[ \t\u3000_＿]*月/;
const URL = /(?:https?:\/\/|www\.)[^\s，。；、）)》"”]+/g;

const PATTERNS: readonly Pattern[] = [
  // 统计期限自至 / 统计期限自 至 (both dates missing)
  {
    messageId: 'emptyPeriod',
    regex: /统计(?:期限|时间|时段|区间|周期)?[为是：:\s\u3000]*(?<slot>自[\s\u3000_＿]*(?:起)?[\s\u3000_＿]*至[\s\u3000_＿]*止?)(?![\s\u3000]*\d)/dg,
  },
  // 年 月 日 / 2021年  月  日 / 自年月日起
  { messageId: 'emptyDate', regex: /(?<slot>年[ \t\u3000_＿]+月[ \t\u3000_＿]+日)/dg },
  { messageId: 'emptyDate', regex: /[自至于到：:][ \t\u3000_＿]*(?<slot>年[ \t\u3000_＿]*月[ \t\u3000_＿]*日)/dg },
  // 20**年, **年, **月, **件
  {
    messageId: 'slot',
    regex: /(?<slot>(?:19|20|１９|２０)?[*＊]{2,})(?=[ \t\u3000]*[年月日号件条个项次份人家万元])/dg,
    accept(match, text, format) {
      // Markdown bold (**年度报告**) is markup, not a slot.
      if (format !== 'markdown' || match[0] !== '**') return true;
      return !text.slice(match.index + 2).includes('**') && !text.slice(0, match.index).includes('**');
    },
  },
  // 20XX年, 20××年
  { messageId: 'slot', regex: /(?<slot>(?:19|20|１９|２０)[XxＸｘ×]{2})(?=[ \t\u3000]*年)/dg },
  // XX市, XX局, 第XX号 (upper case, not part of a Latin word)
  { messageId: 'slot', regex: /(?<![A-Za-z0-9Ａ-Ｚａ-ｚ])(?<slot>[XＸ]{2,})(?![A-Za-zＡ-Ｚａ-ｚ])/dg },
  // xx局: lower case only beside Chinese text
  {
    messageId: 'slot',
    regex: /(?<![A-Za-z0-9])(?<slot>[xｘ]{2,})(?![A-Za-z0-9])/dg,
    accept(match, text) {
      const before = text[match.index - 1] ?? '';
      const after = text[match.index + match[0].length] ?? '';
      return CJK.test(before) || CJK.test(after);
    },
  },
  // ××局
  { messageId: 'slot', regex: /(?<slot>×{2,})/dg },
  // ○○镇 (not the 〇 of a Chinese numeral: 二〇〇九年)
  {
    messageId: 'slot',
    regex: /(?<slot>[○◯〇]{2,})/dg,
    accept(match, text) {
      const before = text[match.index - 1] ?? '';
      const after = text[match.index + match[0].length] ?? '';
      return !NUMERAL.test(before) && !NUMERAL.test(after) && after !== '年';
    },
  },
  // 【填写单位名称】, 【】
  {
    messageId: 'instruction',
    regex: /(?<slot>【(?<inner>[^】\n]{0,60})】)/dg,
    accept(match) {
      const inner = match.groups?.inner ?? '';
      return /^[\s\u3000_＿…．.]*$/.test(inner) || INSTRUCTION.test(inner);
    },
  },
];

/**
 * Template residue left in a published report: year and name slots (20**年, XX市, ××, ○○), the
 * template's own instructions (【填写】), an empty 统计期限 (统计期限自至) and empty date slots (年 月 日).
 */
export default defineRule({
  meta: {
    id: 'placeholder',
    type: 'problem',
    defaultSeverity: 'error',
    docs: {
      description: 'Disallow template residue such as 20**年, XX, ××, ○○, 【填写】 and empty date slots',
      recommended: true,
    },
    messages: {
      slot: '模板占位符“{{text}}”未替换为实际内容',
      instruction: '模板填写说明“{{text}}”未删除',
      emptyPeriod: '统计期限“{{text}}”缺少起止日期',
      emptyDate: '日期“{{text}}”未填写',
    },
  },
  create(context) {
    let format: SourceFormat | null = null;
    return {
      report(report) {
        format = report.source.format;
      },
      line(line) {
        const text = line.text;
        // Every slot holds one of these; most lines hold none.
        if (!TRIGGER.test(text)) return;
        const taken: [number, number][] = [];
        for (const url of text.matchAll(URL)) taken.push([url.index, url.index + url[0].length]);
        const free = (start: number, end: number): boolean => taken.every(([a, b]) => end <= a || start >= b);
        for (const pattern of PATTERNS) {
          pattern.regex.lastIndex = 0;
          for (let match = pattern.regex.exec(text); match !== null; match = pattern.regex.exec(text)) {
            const range = match.indices?.groups?.slot ?? match.indices?.[0];
            if (!range) continue;
            const [start, end] = range;
            if (end <= start || !free(start, end)) continue;
            if (pattern.accept && !pattern.accept(match, text, format)) continue;
            taken.push([start, end]);
            context.report({
              messageId: pattern.messageId,
              data: { text: text.slice(start, end).trim() },
              span: context.source.span(line.start + start, line.start + end),
            });
          }
        }
      },
    };
  },
});
