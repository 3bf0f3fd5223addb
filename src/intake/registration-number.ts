/**
 * The shape of a live registration number, `REGION-YEAR-NNNNNN` ("ALA-2026-000042"), as the
 * registration statement makes it (register-appeal.sql.ts: the region's code, the year, the
 * region-and-year sequence padded to 6 digits, more once it passes 999999). Region codes are
 * branch codes, which may hold hyphens themselves, so the shape is read from the end.
 *
 * Numbers from elsewhere (a historical import) must never take this shape: a number the
 * sequence will reach one day would make that day's registration fail on the unique number.
 */
const LIVE_NUMBER = /^\S+-\d{4}-\d{6,}$/i;

export function looksLikeLiveNumber(number: string): boolean {
  return LIVE_NUMBER.test(number);
}
