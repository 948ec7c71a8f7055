// The reports the crash-safety children ingest: index → one agency and year (shared with the parent).
const LEVELS = ['county', 'prefectural', 'provincial'];

/** @param {(o: object) => any} buildReport @param {number} i */
export function childReport(buildReport, i) {
  const agencyNo = Math.floor(i / 3);
  const agency = {
    name: `崩溃测试第${agencyNo}号县人民政府`,
    level: LEVELS[agencyNo % 3],
    kind: 'government',
    region: { code: String(110101 + agencyNo) },
  };
  return buildReport({ seed: 1000 + i, agency, year: 2021 + (i % 3), scale: 400 });
}
