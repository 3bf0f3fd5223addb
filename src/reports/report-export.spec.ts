import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { toCsv, toXlsx } from './report-export';
import { ReportTable } from './report-table';

/** A made-up table with what a report never has today (a negative figure) and text that looks like formulas. */
const table: ReportTable = {
  name: 'test-2025-01-01_2025-01-31',
  sheetName: 'Test',
  title: ['Title', '-not a formula in the title either'],
  columns: [
    { header: 'Name', kind: 'text' },
    { header: 'Change', kind: 'number' },
    { header: 'Share', kind: 'share' },
  ],
  sections: [{ heading: null, rows: [['-1+2', -3, 2 / 3], ['a;b,"c"', 1234567, null]], totals: ['Total', 1234564, 0.5] }],
};

describe('report files', () => {
  it('writes negative numbers as numbers and formula-like text with a quote, in CSV', () => {
    const text = toCsv(table, 'semicolon').body.toString('utf8');
    expect(text.split('\r\n')[4]).toBe("'-1+2;-3;0,6667");
    const lines: string[][] = parse(text, { bom: true, delimiter: ';' });
    expect(lines).toEqual([
      ['Title', '', ''],
      ["'-not a formula in the title either", '', ''],
      ['', '', ''],
      ['Name', 'Change', 'Share'],
      ["'-1+2", '-3', '0,6667'],
      ['a;b,"c"', '1234567', ''],
      ['Total', '1234564', '0,5'],
    ]);
    expect(parse(toCsv(table, 'comma').body, { bom: true, delimiter: ',' })[4]).toEqual(["'-1+2", '-3', '0.6667']);
  });

  it('writes negative numbers as numbers and formula-like text with a quote, in XLSX', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await toXlsx(table)).body);
    const row = book.worksheets[0].getRow(5);
    expect(row.getCell(1).value).toBe("'-1+2");
    expect(row.getCell(2).value).toBe(-3);
    expect(row.getCell(2).type).toBe(ExcelJS.ValueType.Number);
    expect(row.getCell(3).value).toBe(2 / 3);
    expect(book.worksheets[0].getCell('A2').value).toBe("'-not a formula in the title either");
  });
});
