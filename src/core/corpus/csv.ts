/**
 * CSV cells that are safe to open in a spreadsheet: RFC 4180 quoting, and a cell that a spreadsheet would run as
 * a formula (starting with = + - @, a tab or a carriage return; OWASP's "CSV injection" list) is prefixed with an
 * apostrophe, so a scraped page cannot put `=HYPERLINK(…)` into someone's Excel.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number): string {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Rows joined as CSV: CRLF line ends, a final CRLF, a UTF-8 BOM so Excel reads the Chinese right. */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  return '\ufeff' + rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
