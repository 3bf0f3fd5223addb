import ExcelJS from 'exceljs';
import { ReportTable } from './report-table';

export interface ExportedFile {
  fileName: string;
  contentType: string;
  body: Buffer;
}

const BOM = '\uFEFF';

function csvCell(value: string | number | boolean | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** UTF-8 with a byte order mark, so Excel opens Kazakh and Russian names right; CRLF lines (RFC 4180). */
export function toCsv(table: ReportTable): ExportedFile {
  const lines = [table.columns.map((c) => csvCell(c.title)), ...table.rows.map((r) => r.map(csvCell))].map((cells) => cells.join(','));
  return { fileName: `${table.name}.csv`, contentType: 'text/csv; charset=utf-8', body: Buffer.from(BOM + lines.join('\r\n') + '\r\n', 'utf8') };
}

/** A real workbook: bold header row, numbers as numbers, shares as percentages. */
export async function toXlsx(table: ReportTable, sheetName: string): Promise<ExportedFile> {
  const workbook = new ExcelJS.Workbook();
  workbook.created = new Date();
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = table.columns.map((c) => ({
    header: c.title,
    width: c.kind === 'text' ? 24 : 14,
    style: c.kind === 'share' ? { numFmt: '0.0%' } : c.kind === 'number' ? { numFmt: '0' } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  for (const row of table.rows) sheet.addRow(row.map((v) => (typeof v === 'boolean' ? (v ? 'yes' : 'no') : v)));
  const body = Buffer.from(await workbook.xlsx.writeBuffer());
  return { fileName: `${table.name}.xlsx`, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', body };
}
