import { spreadsheetText } from './spreadsheet-text';

describe('spreadsheetText', () => {
  it.each(['=HYPERLINK("http://x","y")', '+1', '-1+2', '@SUM(A1)', '\t=1', '\r=1'])('prefixes %j with a quote', (text) => {
    expect(spreadsheetText(text)).toBe(`'${text}`);
  });

  it.each(['Алматы', '2025-Q1', "O'Brien", ' =1', 'a=b', ''])('leaves %j alone', (text) => {
    expect(spreadsheetText(text)).toBe(text);
  });
});
