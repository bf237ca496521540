import { stringify } from 'csv-stringify/sync';
import type { CsvDialect } from '../../../common/stats-schemas.js';
import type { StatsTable } from '../../domain/stats/export-rows.js';

/**
 * #16: a statistics table as CSV. `excel` (the default) is what a German Excel
 * opens correctly by double-click: UTF-8 with BOM (else umlauts break), `;`
 * between fields (Excel's list separator in a German locale), decimal comma,
 * CRLF, and text that starts like a formula (`=`, `+`, `-`, `@`) prefixed with
 * `'` so a service name cannot run as one. `rfc4180` is plain CSV for tools:
 * no BOM, `,`, decimal point, CRLF, text as it is. Empty cells for null.
 */
export function toCsv(table: StatsTable, dialect: CsvDialect): string {
  const excel = dialect === 'excel';
  return stringify([table.header, ...table.rows], {
    bom: excel,
    delimiter: excel ? ';' : ',',
    record_delimiter: 'windows',
    escape_formulas: excel,
    cast: { number: (n) => (excel ? String(n).replace('.', ',') : String(n)) },
  });
}
