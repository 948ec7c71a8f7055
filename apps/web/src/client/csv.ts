/** A CSV cell: numbers as written, null/undefined as an empty field. */
export type CsvValue = string | number | boolean | null | undefined;

/** Byte order mark: without it Excel opens UTF-8 CSV as the local code page (GBK) and garbles Chinese. */
export const BOM = '\uFEFF';

/** Text a spreadsheet would run as a formula (=, +, -, @, tab, CR at the start). */
const FORMULA = /^[=+\-@\t\r]/;

function field(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = typeof value === 'boolean' ? (value ? 'true' : 'false') : value;
  // Quote every text field (commas, quotes and line breaks in names stay in their cell); neutralise formulas.
  return `"${(FORMULA.test(text) ? `'${text}` : text).replace(/"/g, '""')}"`;
}

/** RFC 4180 CSV with a UTF-8 BOM and CRLF line ends: a header row, then the rows. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(field).join(','));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
