// RFC 4180 writer with a formula-injection guard. Export only: we never parse CSV, so no library.
// https://www.rfc-editor.org/rfc/rfc4180 · https://owasp.org/www-community/attacks/CSV_Injection

export type CsvCell = string | number | undefined | null;

/** Optional UTF-8 byte-order mark: Excel on Windows guesses a legacy code page without it; strict parsers may not want it. */
export const BOM = '\uFEFF';

// A spreadsheet treats a cell starting with one of these as a formula (OWASP; ASVS adds NUL). Scraped text
// (author names, post text, even URLs and ids) is untrusted, so such cells get a leading apostrophe.
const FORMULA_START = /^[=+\-@\t\r\n\0]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvCell(cell: CsvCell): string {
  // Numbers are ours, not scraped: write them plainly so -5 stays a number. NaN/Infinity are not data.
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  if (cell === undefined || cell === null) return '';
  const safe = FORMULA_START.test(cell) ? `'${cell}` : cell;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One record, CRLF-terminated. */
export function csvRow(cells: readonly CsvCell[]): string {
  return cells.map(csvCell).join(',') + '\r\n';
}
