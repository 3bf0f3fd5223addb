/** What a spreadsheet may read as the start of a formula (OWASP "CSV Injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell as it is safe to hand to Excel or LibreOffice: one that begins with `=`, `+`, `-`,
 * `@`, a tab or a carriage return gets a leading `'`, so a branch, agency or category named
 * `=HYPERLINK(...)` is shown as text and never evaluated. Both the CSV and the XLSX writer pass
 * every text cell through here; numbers are never text, so a negative number stays a number.
 */
export function spreadsheetText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}
