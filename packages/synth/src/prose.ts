import type { DocumentKind, Fees, SectionKind } from '@xxgk/schema';
import { cellValue } from '@xxgk/schema';
import { getTemplate } from '@xxgk/schema/templates';
import { selfReference } from './agencies.js';
import type { ProseFlags, ReportCore } from './core.js';
import { isoDate } from './core.js';
import type { Block, Run, TableLayout } from './document.js';
import { para } from './document.js';
import { applicationsLayout, legacyLayout, proactiveLayout, reviewLayout } from './layout.js';
import type { Rng } from './random.js';

/** A number stated in prose, before its span is known (the run anchored `fact:<id>` holds it). */
export interface FactDef {
  readonly id: string;
  readonly label: string;
  readonly value: number;
  readonly unit: string;
  readonly partOf?: string;
  readonly quantity?: string;
  readonly negated?: boolean;
}

export interface Composition {
  readonly title: string;
  readonly documentKind: DocumentKind;
  readonly blocks: Block[];
  readonly facts: FactDef[];
  readonly fees: Omit<Fees, 'span'> | null;
  readonly period: { readonly from: string | null; readonly to: string | null; readonly raw: string };
  /** The signing date (null: the document is undated). */
  readonly publishedOn: string | null;
}

const ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const CATEGORIES = ['政策文件', '工作动态', '通知公告', '人事信息', '财政资金信息', '规划计划', '政策解读', '公共服务信息', '机构职能信息', '重点领域信息'];

class FactBook {
  readonly facts: FactDef[] = [];

  /** A run stating `value` + `unit`, recorded as a fact. */
  add(label: string, value: number, unit: string, extra: Omit<FactDef, 'id' | 'label' | 'value' | 'unit'> = {}): Run & { id: string } {
    const id = `f${this.facts.length + 1}`;
    this.facts.push({ id, label, value, unit, ...extra });
    return { text: `${value}${unit}`, anchor: `fact:${id}`, id };
  }

  /** A run stating an absence (未收到 …), recorded as a fact with value 0. */
  absent(label: string, text: string, quantity: string): Run {
    const id = `f${this.facts.length + 1}`;
    this.facts.push({ id, label, value: 0, unit: '件', quantity, negated: true });
    return { text, anchor: `fact:${id}` };
  }
}

function pick<T>(rng: Rng, options: readonly (() => T)[]): T {
  return rng.pick(options)();
}

/** Split `total` into `n` parts, each ≥ 1 when the total allows. */
function splitParts(rng: Rng, total: number, n: number): number[] {
  const k = Math.max(1, Math.min(n, total));
  const base = total >= k ? 1 : 0;
  const rest = total - base * k;
  return rng.multinomial(rest, Array.from({ length: k }, () => 0.5 + rng.next() * 2)).map((v) => v + base);
}

const v = (cell: unknown): number => cellValue(cell as never) ?? 0;

/** Write the whole report (title, preamble, sections, tables, signature). */
export function compose(rng: Rng, core: ReportCore, flags: ProseFlags = {}): Composition {
  const book = new FactBook();
  const self = selfReference(core.agency, rng.fork('self'));
  const y = core.year;
  const title = `${core.agency.name}${y}年政府信息公开工作${flags.workSummary ? '总结' : '年度报告'}`;
  const from = y === 2008 && rng.chance(0.7) ? { m: 5, d: 1 } : { m: 1, d: 1 };
  const to = flags.periodEnd ?? { month: 12, day: 31 };
  const periodRaw = pick(rng, [
    () => `本报告所列数据的统计期限自${y}年${from.m}月${from.d}日起至${y}年${to.month}月${to.day}日止`,
    () => `本报告中所列数据的统计期限自${y}年${from.m}月${from.d}日起至${y}年${to.month}月${to.day}日止`,
  ]);
  const blocks: Block[] = [{ type: 'title', text: title }];
  const legacy = core.template === 'legacy-2008';
  const sections = legacy ? legacySections(rng.fork('headings'), flags) : nationalSections(rng.fork('headings'), flags);
  const sectionList = sections.map((s) => s.heading).join('、');
  blocks.push(
    para(
      pick(rng, [
        () =>
          legacy
            ? `本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）要求，由${core.agency.name}编制。`
            : `本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《中华人民共和国政府信息公开工作年度报告格式》要求编制。`,
        () => `根据《中华人民共和国政府信息公开条例》（以下简称《条例》）规定，${self}编制完成了本报告。`,
      ]),
      `全文包括${sectionList}等部分。`,
      { text: periodRaw, anchor: 'period' },
      '。',
      rng.chance(0.7) ? `本报告电子版可在${portalName(core)}下载。` : '',
      rng.chance(0.5)
        ? `如对本报告有任何疑问，请与${core.agency.name}办公室联系（电话：0${rng.int(311, 999)}-${rng.int(2000000, 8999999)}）。`
        : '',
    ),
  );
  sections.forEach((section, i) => {
    blocks.push({ type: 'heading', level: 1, text: `${ORDINALS[i] ?? ''}、${section.heading}`, kind: section.kind });
    blocks.push(...section.write(rng.fork(section.kind), { core, self, book, flags }));
  });
  const pub = core.publishedOn;
  blocks.push({ type: 'paragraph', role: 'signature', runs: [{ text: core.agency.name }] });
  blocks.push({
    type: 'paragraph',
    role: 'signature',
    runs: [{ text: `${pub.year}年${pub.month}月${pub.day}日`, anchor: 'date' }],
  });
  return {
    title,
    documentKind: flags.workSummary ? 'work-summary' : 'annual-report',
    blocks,
    facts: book.facts,
    fees: feesOf(core, flags, blocks),
    period: { from: isoDate(y, from.m, from.d), to: isoDate(y, to.month, to.day), raw: periodRaw },
    publishedOn: isoDate(pub.year, pub.month, pub.day),
  };
}

function portalName(core: ReportCore): string {
  const a = core.agency;
  if (a.level === 'national') return `${a.name}门户网站`;
  // Townships and street offices publish on their county's portal.
  const region = a.level === 'township' ? (/^(.+?(?:市.+?区|县|区|市))/.exec(a.name)?.[1] ?? a.region?.name ?? '') : (a.region?.name ?? '');
  return `${region}人民政府门户网站“政府信息公开”专栏`;
}

interface Ctx {
  readonly core: ReportCore;
  readonly self: string;
  readonly book: FactBook;
  readonly flags: ProseFlags;
}

interface SectionPlan {
  readonly kind: SectionKind;
  readonly heading: string;
  readonly write: (rng: Rng, ctx: Ctx) => Block[];
}

function nationalSections(rng: Rng, flags: ProseFlags): SectionPlan[] {
  const defs = getTemplate('national-2021').sections;
  // Mostly the template's own heading; sometimes a variant seen in real reports (never the typo one).
  const heading = (kind: SectionKind) => {
    const def = defs.find((d) => d.kind === kind);
    const variants = (def?.variants ?? []).filter((h) => !h.includes('行政法') && h !== '概述' && h !== '基本情况');
    return rng.chance(0.8) || variants.length === 0 ? (def?.heading ?? kind) : rng.pick(variants);
  };
  const plans: SectionPlan[] = [
    { kind: 'overview', heading: heading('overview'), write: nationalOverview },
    { kind: 'proactive', heading: heading('proactive'), write: (_r, c) => tableBlocks(c, 'proactive') },
    {
      kind: 'applications',
      heading: heading('applications'),
      write: (r, c) => [...contradictionBlocks(r, c), ...tableBlocks(c, 'applications')],
    },
    { kind: 'reviewLitigation', heading: heading('reviewLitigation'), write: (_r, c) => tableBlocks(c, 'reviewLitigation') },
    { kind: 'problems', heading: heading('problems'), write: problems },
    { kind: 'otherMatters', heading: heading('otherMatters'), write: otherMatters },
  ];
  return plans.filter((p) => p.kind !== flags.omitSection);
}

function legacySections(rng: Rng, flags: ProseFlags): SectionPlan[] {
  const defs = getTemplate('legacy-2008').sections;
  const heading = (kind: SectionKind, exclude?: RegExp) => {
    const def = defs.find((d) => d.kind === kind);
    const variants = (def?.variants ?? [kind]).filter((h) => !exclude || !exclude.test(h));
    return rng.chance(0.5) ? (def?.heading ?? kind) : rng.pick(variants.length > 0 ? variants : [kind]);
  };
  const plans: SectionPlan[] = [
    { kind: 'overview', heading: heading('overview', /问题|收费|复议/), write: legacyOverview },
    { kind: 'proactive', heading: heading('proactive'), write: legacyProactive },
    { kind: 'applications', heading: heading('applications', /复议|咨询/), write: legacyApplications },
    { kind: 'fees', heading: heading('fees', /工作人员/), write: legacyFees },
    { kind: 'reviewLitigation', heading: heading('reviewLitigation', /举报|申诉/), write: legacyReview },
    { kind: 'problems', heading: heading('problems'), write: problems },
    { kind: 'otherMatters', heading: heading('otherMatters', /工作情况/), write: legacyOther },
  ];
  return plans.filter((p) => p.kind !== flags.omitSection);
}

function openingYear(ctx: Ctx): string {
  return ctx.flags.openingYear ?? String(ctx.core.year);
}

function nationalOverview(rng: Rng, ctx: Ctx): Block[] {
  const { core, self } = ctx;
  const Y = openingYear(ctx);
  const blocks: Block[] = [];
  blocks.push(
    para(
      pick(rng, [
        () =>
          `${Y}年，${self}坚持以习近平新时代中国特色社会主义思想为指导，认真贯彻落实《条例》和上级关于政务公开工作的部署要求，围绕中心工作持续深化政务公开，不断提升政府信息公开工作质量和实效。`,
        () =>
          `${Y}年，在上级政府信息公开工作主管部门的指导下，${self}严格执行《条例》，坚持“以公开为常态、不公开为例外”原则，推进决策、执行、管理、服务、结果公开，保障人民群众的知情权、参与权、表达权和监督权。`,
        () =>
          `${Y}年，${self}把政务公开作为建设法治政府、服务型政府的重要抓手，健全工作机制，规范公开流程，政府信息公开工作总体运行平稳有序。`,
        () =>
          `${Y}年，${self}紧紧围绕年度政务公开工作要点，以提升政务公开质量为主线，着力加强政策解读和回应关切，切实做好政府信息公开各项工作。`,
      ]),
    ),
  );
  if (rng.chance(0.4)) {
    blocks.push(
      para(
        pick(rng, [
          () => '坚持主要负责同志亲自抓、分管负责同志具体抓，将政务公开工作与业务工作同部署、同推进、同落实。',
          () => '聚焦群众关注关切，及时回应社会热点，推动政务公开由“公开了”向“公开好”转变。',
          () => '健全政务公开工作制度，完善信息发布、政策解读、回应关切等工作流程，压实工作责任。',
        ]),
      ),
    );
  }
  const sub = (n: number, text: string): Block => ({ type: 'heading', level: 2, text: `（${ORDINALS[n - 1] ?? ''}）${text}`, kind: 'other' });
  const suffix = rng.pick(['', '方面', '情况']);
  blocks.push(sub(1, `主动公开${suffix}`), proactiveParagraph(rng, ctx));
  blocks.push(sub(2, `依申请公开${suffix}`), ...applicationParagraphs(rng, ctx));
  blocks.push(sub(3, `政府信息管理${suffix}`));
  blocks.push(
    para(
      pick(rng, [
        () => '严格落实政府信息公开保密审查机制，坚持“先审查、后公开”和“一事一审”原则，规范公开属性认定，动态更新政府信息公开目录。',
        () => '健全政府信息发布审核机制，明确信息公开属性源头认定责任，做好行政规范性文件统一登记、统一编号、统一发布工作。',
        () => '规范政府信息管理流程，定期清理主动公开内容，对已失效或者废止的文件及时作出标注，确保公开信息准确、权威。',
        () => '落实公文公开属性源头认定机制，拟制公文时同步明确主动公开、依申请公开或不予公开属性，严防泄密和侵犯个人隐私。',
      ]),
      ...(core.trainings !== null
        ? ['全年组织政府信息公开业务培训', ctx.book.add('组织政府信息公开业务培训', core.trainings, '次'), '，提升工作人员业务能力。']
        : []),
    ),
  );
  blocks.push(sub(4, `平台建设${suffix}`));
  blocks.push(
    para(
      pick(rng, [
        () => '持续优化门户网站政府信息公开专栏，规范设置法定主动公开内容栏目，加强政务新媒体管理，拓宽信息发布渠道。',
        () => '以门户网站为第一平台，统筹用好政务微信公众号、政务服务大厅等渠道，推动政府信息集中发布、便捷获取。',
        () => '加强政府网站内容建设和运维管理，完善站内检索功能，提升政府信息公开平台的规范化、集约化水平。',
        () => '规范政务新媒体运营管理，做好政府网站与政务新媒体的信息同源发布，拓展政府信息公开的覆盖面和影响力。',
      ]),
    ),
  );
  blocks.push(sub(5, `监督保障${suffix}`));
  // Every 人民政府 (乡镇 included) reports 工作考核、社会评议和责任追究 (条例 Art. 50(四)).
  if (core.agency.kind === 'government') {
    if (!ctx.flags.omitAccountability) blocks.push(accountabilityParagraph(rng, self));
    else blocks.push(para(`${self}明确专人负责政府信息公开日常工作，加强对公开内容的审核把关，推动各项工作落实落细。`));
  } else {
    blocks.push(
      para(
        pick(rng, [
          () => `${self}成立由主要负责同志任组长的政务公开工作领导小组，明确专人负责政府信息公开日常工作，加强对公开内容的审核把关。`,
          () => `${self}将政务公开工作列入年度重点工作，主要负责同志定期听取工作汇报，研究部署政务公开重点任务。`,
        ]),
      ),
    );
  }
  return blocks;
}

function accountabilityParagraph(rng: Rng, self: string): Block {
  return para(
    pick(rng, [
      () =>
        `${self}将政府信息公开工作纳入年度绩效考核，组织开展政务公开社会评议，广泛听取群众意见建议，对工作中发现的薄弱环节及时督促整改。本年度未发生因政府信息公开工作被责任追究的情况。`,
      () =>
        `${self}建立健全政府信息公开工作考核、社会评议和责任追究制度，将政务公开工作纳入机关绩效考核内容，邀请人大代表、政协委员和群众代表参与社会评议。全年未发生政府信息公开责任追究情况。`,
      () =>
        `坚持把政务公开纳入年度工作考核体系，考核结果作为评先评优的重要依据；通过网上评议、问卷调查等方式开展社会评议，评议结果总体良好；本年度无责任追究情况。`,
    ]),
  );
}

function proactiveParagraph(rng: Rng, ctx: Ctx): Block {
  const { core, self, book } = ctx;
  const X = core.proactiveItems;
  const total = book.add('主动公开政府信息', X, '条', { quantity: 'proactive.total' });
  const cats = rng.shuffle(CATEGORIES).slice(0, rng.int(3, 4));
  const parts = splitParts(rng, X, cats.length);
  if (ctx.flags.subtotalExcess) parts[0] = (parts[0] ?? 0) + ctx.flags.subtotalExcess;
  const suffix = rng.pick(['类', '']);
  const runs: (string | Run)[] = [];
  const sep = rng.pick(['、', '，']);
  parts.forEach((p, i) => {
    const cat = cats[i] ?? '其他';
    runs.push(i === 0 ? '' : sep, `${cat}${suffix}`, book.add(cat, p, '条', { partOf: total.id }));
  });
  const lead = pick(rng, [
    () => ['全年共主动公开政府信息', total, '，其中'],
    () => [`${self}通过门户网站、政务新媒体等渠道主动公开政府信息`, total, '，其中'],
    () => [`${core.year}年，${self}共主动公开政府信息`, total, '，其中：'],
  ]);
  const tail = pick(rng, [
    () => '。坚持政策文件与解读方案同步起草、同步审签、同步发布，不断提升政策解读质量。',
    () => '，做到应公开尽公开。',
    () => '。围绕群众关注关切，持续加大重点领域信息公开力度。',
  ]);
  return para(...lead, ...runs, tail);
}

function applicationParagraphs(rng: Rng, ctx: Ctx): Block[] {
  const { core, self, book } = ctx;
  const a = core.applications;
  if (!a) return [];
  const N = v(a.newReceived.total);
  const P = v(a.carriedOver.total);
  const T = v(a.results.total.total);
  const F = v(a.carriedForward.total);
  const runs: (string | Run)[] = [];
  if (N === 0 && P === 0) {
    runs.push(
      `本年度${self}`,
      book.absent('收到政府信息公开申请', '未收到', 'applications.newReceived.total'),
      '政府信息公开申请。',
    );
  } else {
    const n =
      N === 0
        ? ['本年度', book.absent('新收政府信息公开申请', '未收到', 'applications.newReceived.total'), '新的政府信息公开申请，']
        : [
            rng.pick(['全年共收到政府信息公开申请', `${self}严格按照《条例》规定的程序和时限办理依申请公开事项，全年共收到政府信息公开申请`]),
            book.add('收到政府信息公开申请', N, '件', { quantity: 'applications.newReceived.total' }),
            '，',
          ];
    runs.push(...n);
    if (P > 0) runs.push('上年结转', book.add('上年结转', P, '件', { quantity: 'applications.carriedOver.total' }), '，');
    const done = book.add('办结', T, '件', { quantity: 'applications.results.total.total' });
    runs.push(rng.pick(['办结', '共办结']), done, '，结转下年度');
    runs.push(book.add('结转下年度', F, '件', { quantity: 'applications.carriedForward.total' }), '。');
    if (T > 0 && rng.chance(0.5)) {
      const g = v(a.results.granted.total);
      const pg = v(a.results.partiallyGranted.total);
      runs.push(
        '办结的申请中，予以公开',
        book.add('予以公开', g, '件', { partOf: done.id }),
        '，部分公开',
        book.add('部分公开', pg, '件', { partOf: done.id }),
        '，其他情形',
        book.add('其他情形', T - g - pg, '件', { partOf: done.id }),
        '。',
      );
    }
  }
  runs.push(...reviewRuns(rng, ctx));
  return [para(...runs)];
}

function reviewRuns(rng: Rng, ctx: Ctx): (string | Run)[] {
  const r = ctx.core.reviewLitigation;
  if (!r) return [];
  // A blank 总计 (blank-total defect) still states what its parts say.
  const groupTotal = (g: typeof r.review) =>
    cellValue(g.total) ?? v(g.upheld) + v(g.corrected) + v(g.other) + v(g.pending);
  const R = groupTotal(r.review);
  const L = groupTotal(r.litigationDirect) + groupTotal(r.litigationAfterReview);
  const { book } = ctx;
  if (R === 0 && L === 0) {
    return [
      rng.pick(['全年未发生因政府信息公开引起的', '本年度未发生因政府信息公开工作被申请']),
      book.absent('行政复议', '行政复议', 'reviewLitigation.review.total'),
      '和',
      book.absent('行政诉讼', '行政诉讼', 'reviewLitigation.litigation'),
      '案件。',
    ];
  }
  return [
    '全年因政府信息公开工作被申请行政复议',
    book.add('被申请行政复议', R, '件', { quantity: 'reviewLitigation.review.total' }),
    '、被提起行政诉讼',
    book.add('被提起行政诉讼', L, '件', { quantity: 'reviewLitigation.litigation' }),
    '。',
  ];
}

function contradictionBlocks(_rng: Rng, ctx: Ctx): Block[] {
  const d = ctx.flags.contradiction;
  const a = ctx.core.applications;
  if (!d || !a) return [];
  const N = v(a.newReceived.total);
  return [
    para(
      '本年度共新收政府信息公开申请',
      ctx.book.add('新收政府信息公开申请', N + d, '件', { quantity: 'applications.newReceived.total' }),
      '，具体办理情况见下表。',
    ),
  ];
}

function tableBlocks(ctx: Ctx, id: 'proactive' | 'applications' | 'reviewLitigation'): Block[] {
  const c = ctx.core;
  let table: TableLayout | null = null;
  if (id === 'proactive' && c.proactive) table = proactiveLayout(c.proactive, c);
  if (id === 'applications' && c.applications) table = applicationsLayout(c.template, c);
  if (id === 'reviewLitigation' && c.reviewLitigation) table = reviewLayout(c);
  return table ? [{ type: 'table', table }] : [];
}

function problems(rng: Rng, ctx: Ctx): Block[] {
  const { self } = ctx;
  return [
    para(
      pick(rng, [
        () =>
          `${self}政府信息公开工作虽取得一定成效，但仍存在一些不足：一是政策解读形式较为单一，图解、视频等解读方式运用不够；二是部分栏目信息更新不够及时；三是工作人员业务能力有待进一步提升。`,
        () =>
          `对照上级要求和群众期盼，${self}政府信息公开工作还存在一些问题：主动公开的深度和广度有待拓展，依申请公开答复的规范化水平还需提高，基层政务公开标准化建设推进不够平衡。`,
        () => `${self}在政府信息公开工作中仍存在公开内容不够全面、信息发布时效性不强、公开平台互动功能较弱等问题。`,
        () => `本年度${self}政府信息公开工作还存在一些不足，主要是政策解读的针对性和可读性有待增强，依申请公开工作人员力量相对薄弱。`,
      ]),
    ),
    para(
      pick(rng, [
        () =>
          `下一步，${self}将重点做好以下工作：一是丰富政策解读形式，提高解读质量；二是加强栏目日常维护，确保信息及时更新；三是加强业务培训，提升工作人员政务公开业务水平。`,
        () => `针对上述问题，${self}将采取以下改进措施：进一步完善工作机制，细化公开目录，强化依申请公开办理的审核把关，并加强对基层的指导和监督。`,
        () => `对于上一年度报告中提出的问题，${self}已逐项整改落实。今后将持续改进工作方法，提升政府信息公开的质量和实效。`,
        () => `下一步，${self}将进一步加强组织领导，完善工作制度，加大业务培训力度，推动政府信息公开工作迈上新台阶。`,
      ]),
    ),
  ];
}

function feeStatementRuns(rng: Rng, ctx: Ctx): Run[] {
  const { core, self, book } = ctx;
  if (core.template === 'national-2019') {
    return [{ text: `本年度${self}依申请提供政府信息，未收取任何费用`, anchor: 'fees' }, { text: '。' }];
  }
  if (core.fees.notices > 0) {
    const n = book.add('发出收费通知', core.fees.notices, '件', { quantity: 'fees.notices' });
    const amount = book.add('收取信息处理费', core.fees.amount, '元', { quantity: 'fees.amount' });
    return [
      { text: `本年度${self}依据《政府信息公开信息处理费管理办法》，共发出收费通知`, anchor: 'fees:start' },
      n,
      { text: '，收取信息处理费' },
      { ...amount, anchor: `${amount.anchor ?? ''}|fees:end` },
      { text: '。' },
    ];
  }
  const text = pick(rng, [
    () => '本年度未收取信息处理费',
    () => `${self}依据《政府信息公开信息处理费管理办法》，本年度未收取信息处理费`,
    () => `${core.year}年，${self}未发出收费通知，未收取信息处理费`,
  ]);
  return [{ text, anchor: 'fees' }, { text: '。' }];
}

function otherMatters(rng: Rng, ctx: Ctx): Block[] {
  const blocks: Block[] = [];
  const other = pick(rng, [
    () => '积极办理人大代表建议和政协委员提案，按要求主动公开办理结果。',
    () => '认真落实年度政务公开工作要点，各项任务均按要求完成。',
    () => '除上述事项外，无其他需要报告的事项。',
  ]);
  if (ctx.flags.omitFees) blocks.push(para(other));
  else if (rng.chance(0.5)) blocks.push(para(...feeStatementRuns(rng, ctx), other));
  else blocks.push(para(...feeStatementRuns(rng, ctx)), para(other));
  return blocks;
}

function legacyOverview(rng: Rng, ctx: Ctx): Block[] {
  const { self } = ctx;
  const Y = openingYear(ctx);
  const extra: Block[] = [];
  if (ctx.flags.contradiction) {
    const A = ctx.core.legacy?.year.applicationsTotal ?? 0;
    extra.push(
      para(
        '全年共受理政府信息公开申请',
        ctx.book.add('受理政府信息公开申请', A + ctx.flags.contradiction, '件', { quantity: 'legacyStatistics.applicationsTotal.year' }),
        '，均在规定期限内予以答复。',
      ),
    );
  }
  return [
    ...extra,
    para(
      pick(rng, [
        () => `${Y}年，${self}认真贯彻落实《条例》，进一步健全政府信息公开工作机制，明确分管领导和工作人员，推动政府信息公开工作规范化、制度化。`,
        () => `${Y}年，${self}按照《条例》和上级部署，扎实推进政府信息公开工作，公开内容不断丰富，公开形式日益多样。`,
        () => `${Y}年，${self}以建设法治政府、服务型政府为目标，把政府信息公开工作摆上重要位置，各项工作有序开展。`,
        () => `${Y}年，${self}坚持依法公开、真实公正、注重实效、有利监督的原则，不断健全政府信息公开工作制度，规范公开程序。`,
      ]),
    ),
    para(
      pick(rng, [
        () => `${self}成立了政府信息公开工作领导小组，办公室负责组织协调、指导推进和监督检查本机关政府信息公开工作。`,
        () => `${self}调整充实了政府信息公开工作机构，配备专职工作人员，编制并及时更新政府信息公开指南和公开目录。`,
      ]),
    ),
  ];
}

function legacyProactive(rng: Rng, ctx: Ctx): Block[] {
  return [proactiveParagraph(rng, ctx)];
}

function legacyApplications(rng: Rng, ctx: Ctx): Block[] {
  const { self, book } = ctx;
  const y = ctx.core.legacy?.year ?? {};
  const A = y.applicationsTotal ?? 0;
  if (A === 0) {
    return [
      para(
        `本年度${self}`,
        book.absent('受理政府信息公开申请', '未收到', 'legacyStatistics.applicationsTotal.year'),
        '政府信息公开申请。',
      ),
    ];
  }
  const R = y.responsesTotal ?? 0;
  const runs: (string | Run)[] = [
    rng.pick(['全年共受理政府信息公开申请', `${self}全年共受理政府信息公开申请`]),
    book.add('受理政府信息公开申请', A, '件', { quantity: 'legacyStatistics.applicationsTotal.year' }),
    '，已答复',
  ];
  const answered = book.add('已答复', R, '件', { quantity: 'legacyStatistics.responsesTotal.year' });
  runs.push(answered);
  if (R > 0) {
    runs.push(
      '，其中同意公开',
      book.add('同意公开', y.responsesGranted ?? 0, '件', { partOf: answered.id, quantity: 'legacyStatistics.responsesGranted.year' }),
      '、同意部分公开',
      book.add('同意部分公开', y.responsesPartial ?? 0, '件', { partOf: answered.id, quantity: 'legacyStatistics.responsesPartial.year' }),
      '、不予公开',
      book.add('不予公开', y.responsesDenied ?? 0, '件', { partOf: answered.id, quantity: 'legacyStatistics.responsesDenied.year' }),
      '、其他类型答复',
      book.add('其他类型答复', y.responsesOther ?? 0, '件', { partOf: answered.id, quantity: 'legacyStatistics.responsesOther.year' }),
    );
  }
  runs.push('。');
  return [para(...runs)];
}

function legacyFees(rng: Rng, ctx: Ctx): Block[] {
  const { self } = ctx;
  const text = pick(rng, [
    () => `本年度${self}在依申请公开政府信息工作中未收取任何费用，也未发生减免情况`,
    () => `${self}依申请提供政府信息，未收取检索、复制、邮寄等费用，无收费减免情况`,
  ]);
  return [para({ text, anchor: 'fees' }, '。')];
}

function legacyReview(rng: Rng, ctx: Ctx): Block[] {
  const { book } = ctx;
  const y = ctx.core.legacy?.year ?? {};
  const rv = y.reviews ?? 0;
  const lt = y.litigations ?? 0;
  if (rv === 0 && lt === 0) {
    return [
      para(
        rng.pick(['本年度未发生因政府信息公开申请提起', '全年未发生针对本机关政府信息公开事项的']),
        book.absent('行政复议', '行政复议', 'legacyStatistics.reviews.year'),
        '、',
        book.absent('行政诉讼', '行政诉讼', 'legacyStatistics.litigations.year'),
        '的情况。',
      ),
    ];
  }
  return [
    para(
      '本年度共发生因政府信息公开申请提起行政复议',
      book.add('行政复议', rv, '件', { quantity: 'legacyStatistics.reviews.year' }),
      '、行政诉讼',
      book.add('行政诉讼', lt, '件', { quantity: 'legacyStatistics.litigations.year' }),
      '。',
    ),
  ];
}

function legacyOther(rng: Rng, ctx: Ctx): Block[] {
  const c = ctx.core;
  const blocks: Block[] = [
    para(rng.pick(['本年度无其他需要报告的事项。', '附：政府信息公开情况统计表。'])),
  ];
  if (c.legacy) {
    blocks.push({ type: 'paragraph', role: 'caption', runs: [{ text: `${c.year}年度政府信息公开情况统计表` }] });
    blocks.push({ type: 'table', table: legacyLayout(c.legacy.statistics, c.year) });
  }
  return blocks;
}

function feesOf(core: ReportCore, flags: ProseFlags, blocks: readonly Block[]): Omit<Fees, 'span'> | null {
  if (flags.omitFees || flags.omitSection === 'fees') return null;
  const statement = statementText(blocks);
  if (core.template === 'national-2021' && core.fees.notices > 0) {
    return { mentioned: true, charged: true, notices: core.fees.notices, amount: core.fees.amount, unit: '元', statement };
  }
  return { mentioned: true, charged: false, statement };
}

/** The fee sentence as written (anchored runs `fees`, or from `fees:start` to `fees:end`). */
function statementText(blocks: readonly Block[]): string {
  for (const b of blocks) {
    if (b.type !== 'paragraph') continue;
    const single = b.runs.find((r) => r.anchor === 'fees');
    if (single) return single.text;
    const start = b.runs.findIndex((r) => r.anchor === 'fees:start');
    if (start >= 0) {
      const end = b.runs.findIndex((r) => r.anchor?.split('|').includes('fees:end') ?? false);
      return b.runs
        .slice(start, end + 1)
        .map((r) => r.text)
        .join('');
    }
  }
  return '';
}
