/**
 * Kazakh IIN (individuals) and BIN (legal entities): structure and check digit.
 * Rules: /work/shared/DOMAIN.md, "Identifiers and contact data".
 *
 * Pure functions with no logging: these values are personal data and must never reach logs.
 * The `*Problem` functions say *what* is wrong so validators can give a precise message;
 * the `isValid*` functions are the yes/no form.
 */

const TWELVE_DIGITS = /^\d{12}$/; // JS `\d` is ASCII-only, so no Arabic-Indic or full-width digits slip in
const FIRST_WEIGHTS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] as const;
const SECOND_WEIGHTS = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2] as const;

function weightedMod11(digits: readonly number[], weights: readonly number[]): number {
  return digits.reduce((sum, digit, i) => sum + digit * weights[i], 0) % 11;
}

/**
 * Check digit for the first 11 digits of an IIN or BIN (both use the same algorithm).
 * A first-pass remainder of 10 cannot be a digit, so a second weight set is tried; if that also
 * gives 10, no valid 12th digit exists and the state never issues the number: returns null.
 * Throws on anything but 11 ASCII digits — that is a caller bug, not an invalid identifier.
 */
export function kzCheckDigit(first11: string): number | null {
  if (!/^\d{11}$/.test(first11)) {
    throw new RangeError('kzCheckDigit expects exactly 11 digits');
  }
  const digits = Array.from(first11, Number);
  const first = weightedMod11(digits, FIRST_WEIGHTS);
  if (first !== 10) return first;
  const second = weightedMod11(digits, SECOND_WEIGHTS);
  return second === 10 ? null : second;
}

function hasValidCheckDigit(twelveDigits: string): boolean {
  return kzCheckDigit(twelveDigits.slice(0, 11)) === Number(twelveDigits[11]);
}

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate(); // day 0 = last day of `month`
  return day <= daysInMonth;
}

/** 7th IIN digit → first year of the century (odd = male, even = female). 0 (foreigner, century unknown) and 7–9 are absent. */
const CENTURY_START: Readonly<Record<number, number>> = { 1: 1800, 2: 1800, 3: 1900, 4: 1900, 5: 2000, 6: 2000 };

export type IinProblem = 'format' | 'not-individual' | 'birth-date' | 'checksum';

/** A leap year, so that a foreigner's 29 February (century unknown) is not refused. */
const ANY_LEAP_YEAR = 2000;

/**
 * First thing wrong with a candidate IIN (format → a legal entity's BIN → birth date/century →
 * checksum), or null if valid. Digits 1–6 are a birth date YYMMDD for everyone; the 7th digit gives
 * the century (and sex), except 0: a foreigner whose century was not known, so only the month and
 * day can be checked. A BIN has the same check digit, and its 5th digit (entity type 4–6) makes a
 * "day" of 40–69: without this check a company's BIN passed as a foreigner's IIN.
 */
export function iinProblem(value: unknown): IinProblem | null {
  if (typeof value !== 'string' || !TWELVE_DIGITS.test(value)) return 'format';
  const asBin = binProblem(value);
  if (asBin === null || asBin === 'checksum') return 'not-individual'; // a BIN's shape, even with a typo in it
  const centuryDigit = Number(value[6]);
  const year = centuryDigit === 0 ? ANY_LEAP_YEAR : CENTURY_START[centuryDigit] + Number(value.slice(0, 2));
  if (Number.isNaN(year) || !isRealDate(year, Number(value.slice(2, 4)), Number(value.slice(4, 6)))) return 'birth-date';
  return hasValidCheckDigit(value) ? null : 'checksum';
}

export function isValidIin(value: string): boolean {
  return iinProblem(value) === null;
}

export type BinProblem = 'format' | 'registration-month' | 'entity-type' | 'attribute' | 'checksum';

const BIN_ENTITY_TYPES = '456'; // 4 resident, 5 non-resident, 6 individual entrepreneur
const BIN_ATTRIBUTES = '0123'; // 0 head office, 1 branch, 2 representative office, 3 peasant farm

/** First thing wrong with a candidate BIN, or null if valid. Only the month of YYMM is checkable. */
export function binProblem(value: unknown): BinProblem | null {
  if (typeof value !== 'string' || !TWELVE_DIGITS.test(value)) return 'format';
  const month = Number(value.slice(2, 4));
  if (month < 1 || month > 12) return 'registration-month';
  if (!BIN_ENTITY_TYPES.includes(value[4])) return 'entity-type';
  if (!BIN_ATTRIBUTES.includes(value[5])) return 'attribute';
  return hasValidCheckDigit(value) ? null : 'checksum';
}

export function isValidBin(value: string): boolean {
  return binProblem(value) === null;
}
