import type { Citation } from '../citation.ts';
import { CHUNK_ROWS, EXPORT_COLUMNS, exportRow, type ExportValue } from './export-row.ts';

/**
 * The CSV of some events, in chunks of CHUNK_ROWS rows (RFC 4180: CRLF line ends, a field holding `"`, `,`, CR or LF
 * quoted, its quotes doubled; UTF-8 text verbatim). A text cell a spreadsheet would run as a formula (starting with
 * `=`, `+`, `-`, `@`, a tab or CR) is prefixed with `'`; the numbers the export writes itself (a negative longitude)
 * are left as numbers.
 */
export function* csvParts(citations: Iterable<Citation>): Generator<string> {
  let chunk = EXPORT_COLUMNS.join(',') + '\r\n';
  let rows = 0;
  for (const c of citations) {
    const row = exportRow(c);
    chunk += EXPORT_COLUMNS.map((column) => csvCell(row[column])).join(',') + '\r\n';
    if (++rows % CHUNK_ROWS === 0) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk !== '') yield chunk;
}

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One CSV field: booleans as true/false, null empty, text defused (see csvParts) and quoted when it must be. */
export function csvCell(value: ExportValue): string {
  if (value === null) return '';
  if (typeof value !== 'string') return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
