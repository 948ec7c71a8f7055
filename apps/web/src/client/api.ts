import type { Finding } from './positions.js';

export interface LintResult {
  readonly filePath: string;
  readonly errorCount: number;
  readonly warningCount: number;
  readonly messages: readonly Finding[];
  /** The decoded text the findings point into, when the gateway returns it (LintResult.text). */
  readonly text?: string | null;
  /** The parsed Report model, when the gateway returns it (LintResult.report). */
  readonly report?: ReportSummary | null;
}

/** The few Report fields the page shows. */
export interface ReportSummary {
  readonly year?: number | null;
  readonly template?: string | null;
  readonly agency?: { readonly name?: string | null } | string | null;
  readonly title?: string | null;
}

export class GraphQLRequestError extends Error {
  override readonly name = 'GraphQLRequestError';
  constructor(
    message: string,
    readonly status: number,
    readonly codes: readonly string[],
  ) {
    super(message);
  }
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

export async function graphql<T>(endpoint: string, query: string, variables: Record<string, unknown> = {}, file?: File): Promise<T> {
  let response: Response;
  if (file) {
    // GraphQL multipart request spec: operations, map, then the file parts.
    const body = new FormData();
    body.append('operations', JSON.stringify({ query, variables }));
    body.append('map', JSON.stringify({ 0: ['variables.input.file'] }));
    body.append('0', file, file.name);
    response = await fetch(endpoint, { method: 'POST', body });
  } else {
    response = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
      body: JSON.stringify({ query, variables }),
    });
  }
  let json: GraphQLResponse<T>;
  try {
    json = (await response.json()) as GraphQLResponse<T>;
  } catch (_error) {
    throw new GraphQLRequestError(`服务器返回了无法识别的响应（HTTP ${response.status}）`, response.status, []);
  }
  if (json.errors?.length || json.data == null) {
    const errors = json.errors ?? [];
    throw new GraphQLRequestError(
      errors.map((e) => e.message).join('；') || `请求失败（HTTP ${response.status}）`,
      response.status,
      errors.map((e) => e.extensions?.code ?? '').filter((c) => c !== ''),
    );
  }
  return json.data;
}

const ERROR_TEXTS: Readonly<Record<string, string>> = {
  PARSE_FAILED: '无法读取该文件（格式损坏或不受支持）',
  TOO_LARGE: '文件过大（上限 10 MB）',
  BAD_USER_INPUT: '提交的内容有误',
  QUERY_TOO_COMPLEX: '查询过于复杂',
  UNAUTHENTICATED: '未登录或无权限',
};

/** A failed request in Chinese for the editors: what went wrong by its code, then the server's own words. */
export function errorText(error: unknown): string {
  if (error instanceof GraphQLRequestError) {
    const known = error.codes.map((c) => ERROR_TEXTS[c]).find((t) => t !== undefined);
    return known ? `${known}：${error.message}` : error.message;
  }
  if (error instanceof TypeError) return `无法连接服务器（${error.message}）`;
  return error instanceof Error ? error.message : String(error);
}

const FINDING_FIELDS = 'ruleId severity message line column endLine endColumn path messageId';

let lintFieldsPromise: Promise<ReadonlySet<string>> | null = null;

/** The fields LintResult offers (introspection, once): the page asks for text/report only when they exist. */
function lintResultFields(endpoint: string): Promise<ReadonlySet<string>> {
  lintFieldsPromise ??= graphql<{ __type: { fields: { name: string }[] } | null }>(endpoint, '{ __type(name: "LintResult") { fields { name } } }')
    .then((d) => new Set((d.__type?.fields ?? []).map((f) => f.name)))
    .catch(() => new Set<string>());
  return lintFieldsPromise;
}

export interface DraftInput {
  readonly text?: string;
  readonly file?: File;
  readonly name?: string;
}

export async function lintDraft(endpoint: string, input: DraftInput): Promise<LintResult> {
  const fields = await lintResultFields(endpoint);
  const extra = [fields.has('text') ? 'text' : '', fields.has('report') ? 'report' : ''].join(' ');
  const query = `query LintDraft($input: LintDraftInput!) {
  lintDraft(input: $input) { filePath errorCount warningCount messages { ${FINDING_FIELDS} } ${extra} }
}`;
  const variables = {
    input: {
      ...(input.text !== undefined ? { text: input.text } : { file: null }),
      ...(input.name !== undefined ? { name: input.name } : {}),
    },
  };
  const data = await graphql<{ lintDraft: LintResult }>(endpoint, query, variables, input.text === undefined ? input.file : undefined);
  return data.lintDraft;
}

export interface ReasonCount {
  readonly reason: string;
  readonly label: string;
  readonly count: number | null;
}

export interface YearBucket {
  readonly year: number | null;
  readonly reports: number;
  readonly applicationsReceived: number | null;
  readonly denied: number | null;
  readonly deniedByReason: readonly ReasonCount[];
}

export interface LevelBucket {
  readonly level: string | null;
  readonly reports: number;
  readonly unbalanced: number;
}

export interface ProvinceBucket {
  readonly province: string | null;
  readonly reports: number;
}

export async function statsByYear(endpoint: string, regionCode: string): Promise<YearBucket[]> {
  const data = await graphql<{ stats: YearBucket[] }>(
    endpoint,
    `query ByYear($filter: ReportFilter) {
  stats(filter: $filter, groupBy: [YEAR]) { year reports applicationsReceived denied deniedByReason { reason label count } }
}`,
    { filter: regionCode !== '' ? { regionCode } : {} },
  );
  return [...data.stats].sort((a, b) => (a.year ?? 0) - (b.year ?? 0));
}

export async function statsByLevel(endpoint: string, regionCode: string, year: number | null): Promise<LevelBucket[]> {
  const filter: Record<string, unknown> = {};
  if (regionCode !== '') filter.regionCode = regionCode;
  if (year !== null) filter.year = year;
  const data = await graphql<{ stats: LevelBucket[] }>(
    endpoint,
    `query ByLevel($filter: ReportFilter) { stats(filter: $filter, groupBy: [LEVEL]) { level reports unbalanced } }`,
    { filter },
  );
  return data.stats;
}

export async function provinces(endpoint: string): Promise<ProvinceBucket[]> {
  const data = await graphql<{ stats: ProvinceBucket[] }>(endpoint, '{ stats(groupBy: [PROVINCE]) { province reports } }');
  return [...data.stats].sort((a, b) => (a.province ?? '').localeCompare(b.province ?? ''));
}
