import { stringify } from 'csv-stringify/sync';
import type { Font } from 'exceljs';
import type { CsvSeparator } from './export-language';
import type { Cell, CellKind, ReportTable } from './report-table';
import { spreadsheetText } from './spreadsheet-text';

export interface ExportedFile {
  fileName: string;
  contentType: string;
  body: Buffer;
}

/** Shares in a CSV are fractions like in the JSON, to this many decimals (0.3333 is 33.33 %). */
const SHARE_DECIMALS = 4;

/**
 * The table as CSV: UTF-8 with a byte order mark, so Excel reads Kazakh and Russian right; CRLF
 * lines; every line as wide as the table (RFC 4180). The title block, an empty line, the header,
 * the rows and the totals line; each comparison after an empty line and its window line. With
 * `semicolon` the decimal separator is a comma (what Russian and Kazakh Excel expects), with
 * `comma` a point.
 */
export function toCsv(table: ReportTable, sep: CsvSeparator): ExportedFile {
  const decimal = sep === 'semicolon' ? ',' : '.';
  const width = table.columns.length;
  const line = (text: string) => [spreadsheetText(text), ...Array<string>(width - 1).fill('')];
  const cell = (value: Cell, kind: CellKind): string => {
    if (value === null) return '';
    if (typeof value === 'string') return spreadsheetText(value);
    return String(kind === 'share' ? Number(value.toFixed(SHARE_DECIMALS)) : value).replace('.', decimal);
  };
  const row = (cells: Cell[]) => cells.map((v, i) => cell(v, table.columns[i].kind));
  const records: string[][] = [...table.title.map(line), line(''), table.columns.map((c) => spreadsheetText(c.header))];
  for (const section of table.sections) {
    if (section.heading) records.push(line(''), line(section.heading));
    records.push(...section.rows.map(row), row(section.totals));
  }
  const text = stringify(records, { delimiter: sep === 'semicolon' ? ';' : ',', record_delimiter: 'windows', bom: true });
  return { fileName: `${table.name}.csv`, contentType: 'text/csv; charset=utf-8', body: Buffer.from(text, 'utf8') };
}

const NUMBER_FORMATS: Record<CellKind, string | undefined> = { text: undefined, number: '#,##0', share: '0.0%' };

/** How many characters a cell needs on screen, for the column widths. */
function cellLength(value: Cell, kind: CellKind): number {
  if (value === null) return 0;
  if (kind === 'share') return 6;
  const text = String(value);
  return typeof value === 'number' ? text.length + Math.floor((text.length - 1) / 3) : text.length;
}

/**
 * The table as a workbook: the title block merged across the table's width, a bold header row
 * that stays frozen while scrolling, numbers as numbers (shares as percentages of the same
 * fractions), bold totals, and columns as wide as their content (headers wrap at word ends).
 */
export async function toXlsx(table: ReportTable): Promise<ExportedFile> {
  // Loaded on the first export: the library and its zip stack are a fifth of the code the API
  // would otherwise load at start-up, for a request most processes never serve.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.created = new Date();
  const sheet = workbook.addWorksheet(table.sheetName.slice(0, 31));
  const width = table.columns.length;
  const fullWidthLine = (text: string, font: Partial<Font>) => {
    const row = sheet.addRow([spreadsheetText(text)]);
    if (width > 1) sheet.mergeCells(row.number, 1, row.number, width);
    row.font = font;
  };
  table.title.forEach((text, i) => fullWidthLine(text, i === 0 ? { bold: true, size: 13 } : {}));
  sheet.addRow([]);
  const header = sheet.addRow(table.columns.map((c) => spreadsheetText(c.header)));
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'top' };
  sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: header.number }];

  const addRow = (cells: Cell[], bold: boolean) => {
    const row = sheet.addRow(cells.map((v) => (typeof v === 'string' ? spreadsheetText(v) : (v ?? undefined))));
    table.columns.forEach((c, i) => {
      const format = NUMBER_FORMATS[c.kind];
      if (format) row.getCell(i + 1).numFmt = format;
    });
    if (bold) row.font = { bold: true };
  };
  for (const section of table.sections) {
    if (section.heading) {
      sheet.addRow([]);
      fullWidthLine(section.heading, { bold: true });
    }
    for (const cells of section.rows) addRow(cells, false);
    addRow(section.totals, true);
  }

  table.columns.forEach((c, i) => {
    const cells = table.sections.flatMap((s) => [...s.rows, s.totals]).map((r) => cellLength(r[i], c.kind));
    const longestWord = Math.max(...c.header.split(/\s+/).map((w) => w.length));
    sheet.getColumn(i + 1).width = Math.min(60, Math.max(8, longestWord, ...cells) + 2);
  });
  const body = Buffer.from(await workbook.xlsx.writeBuffer());
  return { fileName: `${table.name}.xlsx`, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', body };
}
