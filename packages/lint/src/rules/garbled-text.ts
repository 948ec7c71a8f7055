import { defineRule } from '../rule.js';

type GarbledMessage = 'replacementChar' | 'questionMarks' | 'mojibake' | 'gbkMojibake';

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
/** Words that make a clause a real question, so its ？ is punctuation. */
const QUESTION_WORDS = /[吗嗎呢么麼哪谁誰几幾否]|什么|什麼|怎样|怎樣|如何|为何|為何|为什么|為什麼|多少|是不是|能不能|可否|有无|有無/;
// (?<![\w.-]): try an e-mail user name only from the start of a word run — from every position of a
// 10⁵-character run without '@' the greedy [\w.-]+ made this quadratic (11 s for one line).
const URL = /(?:https?:\/\/|www\.|(?<![\w.-])[\w.-]+@)[^\s，。；、）)》"”]*/g;

/**
 * Runs of characters that only appear when bytes are decoded with the wrong charset:
 * 锟斤拷 (UTF-8 U+FFFD read as GBK), 烫烫烫/屯屯屯 (uninitialised buffers) and UTF-8 read as
 * Latin-1 / cp1252 (Ã¤Â¸Â, å·¥ä½œ).
 */
const CP1252_HIGH =
  '\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122';
const MOJIBAKE: readonly RegExp[] = [
  /(?:锟斤拷)+|锟斤|斤拷/g,
  /烫{3,}|屯{3,}/g,
  new RegExp(`(?:[ÃÂ][${CP1252_HIGH}]){2,}`, 'g'),
  new RegExp(`(?:[äåæçèé][${CP1252_HIGH}]{2}){2,}`, 'g'),
];

/** A run of non-ASCII text between Chinese punctuation: the unit tested for GBK mojibake. */
const RUN = /[^ -~\s，。、；：！？“”‘’（）《》]{4,}/g;

let gbkLeads: RegExp | null = null;
let gbkLeadChars = '';
let gbkCodes: Map<string, number> | null = null;

/**
 * Characters GBK gives to a UTF-8 lead byte of a Chinese character (E4–E9) followed by a
 * continuation byte (80–BF): every other character of UTF-8 text read as GBK is one of them.
 */
function gbkLeadPattern(): RegExp {
  if (gbkLeads) return gbkLeads;
  let decoder: InstanceType<typeof TextDecoder>;
  try {
    decoder = new TextDecoder('gbk');
  } catch {
    // A Node.js built without full ICU has no GBK decoder: skip this check rather than crash.
    gbkLeads = /(?!)/g;
    gbkLeadChars = '';
    return gbkLeads;
  }
  let chars = '';
  for (let lead = 0xe4; lead <= 0xe9; lead++) {
    for (let trail = 0x80; trail <= 0xbf; trail++) {
      const ch = decoder.decode(new Uint8Array([lead, trail]));
      if (ch.length === 1 && ch !== '\ufffd') chars += ch;
    }
  }
  gbkLeads = new RegExp(`[${chars}]`, 'g');
  gbkLeadChars = chars;
  return gbkLeads;
}

/** The GBK code of every character GBK encodes in two bytes, and €, (built once, on first need). */
function gbkTable(): Map<string, number> {
  if (gbkCodes) return gbkCodes;
  const decoder = new TextDecoder('gbk');
  const table = new Map<string, number>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([lead, trail]));
      if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, (lead << 8) | trail);
    }
  }
  // Code page 936 writes the euro sign as the single byte 0x80 (开 = E5 BC 80 reads 寮€).
  table.set('\u20ac', 0x80);
  gbkCodes = table;
  return table;
}

/**
 * When `run` is UTF-8 Chinese text that was decoded as GBK, the text it was meant to be: its GBK
 * bytes form valid UTF-8 made of Chinese characters. Null for genuine text.
 */
function undoGbkMojibake(run: string): string | null {
  const leads = run.match(gbkLeadPattern())?.length ?? 0;
  if (leads < 2 || leads * 4 < run.length) return null;
  const table = gbkTable();
  const bytes: number[] = [];
  for (const ch of run) {
    const code = table.get(ch);
    if (code === undefined) return null;
    if (code <= 0xff) bytes.push(code);
    else bytes.push(code >> 8, code & 0xff);
  }
  const decoded = new TextDecoder('utf-8').decode(new Uint8Array(bytes));
  const chinese = decoded.match(/[\u4e00-\u9fff]/g)?.length ?? 0;
  const broken = decoded.match(/\ufffd/g)?.length ?? 0;
  return chinese >= 2 && broken * 3 <= chinese ? decoded.replace(/\ufffd/g, '') : null;
}

/**
 * The GBK mojibake inside a run of text: the whole run, or (when genuine characters surround it)
 * the stretch from its first to its last GBK-lead character plus the one or two characters that
 * finish the last one's bytes.
 */
function findGbkMojibake(run: string): { start: number; end: number; meant: string } | null {
  const leads = [...run.matchAll(gbkLeadPattern())];
  const first = leads[0];
  const last = leads[leads.length - 1];
  if (!first || !last || leads.length < 2) return null;
  const whole = undoGbkMojibake(run);
  if (whole !== null) return { start: 0, end: run.length, meant: whole };
  for (const extra of [2, 1, 3]) {
    const end = Math.min(run.length, last.index + extra);
    const meant = undoGbkMojibake(run.slice(first.index, end));
    if (meant !== null) return { start: first.index, end, meant };
  }
  return null;
}

interface Garble {
  start: number;
  end: number;
  messageId: GarbledMessage;
  meant?: string;
}

/** Characters every other kind of garbling leaves: U+FFFD, question marks, 锟/烫/屯, Latin-1 letters. */
const SUSPECT_CHARS = '\ufffd?？锟斤拷烫屯ÃÂäåæçèé';
const SUSPECT = 1;
const GBK_LEAD = 2;
let charFlags: Uint8Array | null = null;

/** One flag byte per BMP character (SUSPECT, GBK_LEAD): a line is classified in one pass over it. */
function flagsTable(): Uint8Array {
  if (charFlags) return charFlags;
  const table = new Uint8Array(0x10000);
  for (const ch of SUSPECT_CHARS) table[ch.charCodeAt(0)] = SUSPECT;
  gbkLeadPattern();
  for (const ch of gbkLeadChars) table[ch.charCodeAt(0)] = (table[ch.charCodeAt(0)] ?? 0) | GBK_LEAD;
  charFlags = table;
  return table;
}

/** The flags of all characters of a line, OR-ed. */
function lineFlags(text: string): number {
  const table = flagsTable();
  let flags = 0;
  for (let i = 0; i < text.length; i++) flags |= table[text.charCodeAt(i)] ?? 0;
  return flags;
}

/** U+FFFD, question marks standing for characters, and the fixed mojibake runs of one line. */
function scanSuspect(text: string, found: Garble[]): void {
  for (const m of text.matchAll(/\ufffd+/g)) {
    found.push({ start: m.index, end: m.index + m[0].length, messageId: 'replacementChar' });
  }
  const urls: [number, number][] = [];
  for (const url of text.matchAll(URL)) urls.push([url.index, url.index + url[0].length]);
  const inUrl = (i: number): boolean => urls.some(([a, b]) => i >= a && i < b);
  for (const m of text.matchAll(/[?？]+/g)) {
    const start = m.index;
    let end = start + m[0].length;
    if (inUrl(start)) continue;
    const before = text[start - 1] ?? '';
    // ASCII junk glued between the marks and the next Chinese character (?,F將).
    // (…运用?F；: the junk may also stand before Chinese punctuation)
    const junk = /^[!-/:-~]{1,3}(?=[\u3400-\u9fff，。；、：])/.exec(text.slice(end));
    const afterIndex = junk ? end + junk[0].length : end;
    const after = text[afterIndex] ?? '';
    const cjkBefore = CJK.test(before);
    const cjkAfter = CJK.test(after);
    if (!cjkBefore && !cjkAfter) continue;
    let garbled: boolean;
    if (m[0].length >= 2) garbled = true;
    else if (junk && cjkBefore && (cjkAfter || /[，。；、：]/.test(after))) garbled = true;
    else if (cjkBefore && cjkAfter) {
      // 什么是政府信息？政府信息是指…: a question followed by its answer is punctuation.
      const clauseStart = Math.max(text.lastIndexOf('。', start), text.lastIndexOf('，', start), text.lastIndexOf('；', start));
      garbled = !QUESTION_WORDS.test(text.slice(clauseStart + 1, start));
    } else garbled = false;
    if (!garbled) continue;
    if (junk) end = afterIndex;
    found.push({ start, end, messageId: 'questionMarks' });
  }
  for (const regex of MOJIBAKE) {
    for (const m of text.matchAll(regex)) {
      found.push({ start: m.index, end: m.index + m[0].length, messageId: 'mojibake' });
    }
  }
}

/**
 * Mojibake: U+FFFD, '?' / '？' standing for characters inside Chinese text, and runs of characters that
 * appear only when text is decoded with the wrong charset.
 */
export default defineRule({
  meta: {
    id: 'garbled-text',
    type: 'problem',
    defaultSeverity: 'error',
    docs: {
      description: "Disallow mojibake: U+FFFD, '?' inside Chinese text and mis-decoded GBK/Big5/Latin-1 runs",
      recommended: true,
    },
    messages: {
      replacementChar: '乱码：替换字符“{{text}}”（U+FFFD），原文字符在转换中丢失',
      questionMarks: '乱码：中文中夹杂问号“{{text}}”，疑为编码转换丢失的字符',
      mojibake: '乱码：“{{text}}”是按错误编码解码的文字（GBK/Big5/UTF-8 混用）',
      gbkMojibake: '乱码：“{{text}}”是把 UTF-8 文字按 GBK 解码的结果，原文应为“{{meant}}”',
    },
  },
  create(context) {
    return {
      line(line) {
        const text = line.text;
        // Most lines hold none of the characters garbling leaves: two quick tests skip them.
        const flags = lineFlags(text);
        const suspect = (flags & SUSPECT) !== 0;
        const gbk = (flags & GBK_LEAD) !== 0;
        if (!suspect && !gbk) return;
        const found: Garble[] = [];
        if (suspect) scanSuspect(text, found);
        if (gbk) {
          for (const m of text.matchAll(RUN)) {
            const hit = findGbkMojibake(m[0]);
            if (hit) found.push({ start: m.index + hit.start, end: m.index + hit.end, messageId: 'gbkMojibake', meant: hit.meant });
          }
        }
        found.sort((a, b) => a.start - b.start);
        let lastEnd = -1;
        for (const f of found) {
          if (f.start < lastEnd) continue;
          lastEnd = f.end;
          context.report({
            messageId: f.messageId,
            data: { text: text.slice(f.start, f.end), meant: f.meant ?? '' },
            span: context.source.span(line.start + f.start, line.start + f.end),
          });
        }
      },
    };
  },
});
