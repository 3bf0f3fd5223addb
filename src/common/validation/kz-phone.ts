import { parsePhoneNumberFromString } from 'libphonenumber-js';

/*
 * Kazakhstan and Russia share country code +7, so "is this Kazakh?" is decided by the national prefix.
 *
 * We let libphonenumber-js decide (default "min" metadata) rather than hand-coding the prefix table:
 * it handles the input forms (+7…, domestic trunk 8…, bare 10-digit national, even the old 8~10
 * international prefix), and its `country` is 'KZ' for +7 7xx and 'RU' for +7 3xx–5xx, 8xx, 9xx —
 * checked against libphonenumber-js 1.13 in kz-phone.spec.ts. When numbering plans change, a library
 * update tracks them; a table of our own would silently go stale.
 *
 * Deliberate differences from a plain "+7 6xx or 7xx" rule:
 * - +7 6xx is reserved for Kazakhstan but unassigned; libphonenumber gives no country and we reject it
 *   (no citizen can have such a number today).
 * - "min" metadata accepts every +7 7xx XXX XX XX as Kazakh, including ranges not yet in service.
 *   We do not use the stricter "max" metadata on purpose: rejecting a citizen's real but newly opened
 *   number is worse than accepting an unassigned one.
 *
 * Before parsing we allow only digits, one leading '+', spaces, dashes and parentheses, because
 * libphonenumber is lenient in ways a form field should not be: it pulls a number out of surrounding
 * text ("Tel: +7 701… please"), silently drops extensions ("… ext. 12") and accepts non-ASCII digits.
 */

const SEPARATORS = /[\s\-()]/g;
const DIGITS_WITH_OPTIONAL_PLUS = /^\+?\d{1,20}$/;
const KZ_E164 = /^\+7\d{10}$/;

export type KzPhoneProblem = 'format' | 'not-kazakh';

type Parsed = { e164: string; problem?: undefined } | { e164?: undefined; problem: KzPhoneProblem };

function parseKzPhone(input: unknown): Parsed {
  if (typeof input !== 'string' || input.length > 40) return { problem: 'format' };
  const compact = input.replace(SEPARATORS, '');
  if (!DIGITS_WITH_OPTIONAL_PLUS.test(compact)) return { problem: 'format' };

  const phone = parsePhoneNumberFromString(compact, 'KZ');
  if (!phone) return { problem: 'format' };
  if (phone.country === 'KZ' && phone.isValid() && KZ_E164.test(phone.number)) return { e164: phone.number };
  // A well-formed number that is just not Kazakh (Russian +7, unassigned +7 6xx, or another country)
  // deserves a different message from a typo.
  const wellFormedPlus7 = phone.countryCallingCode === '7' && phone.nationalNumber.length === 10;
  return { problem: phone.isValid() || wellFormedPlus7 ? 'not-kazakh' : 'format' };
}

/** E.164 form '+7XXXXXXXXXX' of a Kazakh phone number, or null for garbage and non-Kazakh numbers. */
export function normalizeKzPhone(input: string): string | null {
  return parseKzPhone(input).e164 ?? null;
}

/** Why `input` is not an acceptable Kazakh phone number, or null if it is. */
export function kzPhoneProblem(input: unknown): KzPhoneProblem | null {
  return parseKzPhone(input).problem ?? null;
}

// DOMAIN.md mobile prefixes (the three digits after +7). Kept as data from DOMAIN rather than
// libphonenumber's "max" metadata so the list matches what the business documented.
const MOBILE_PREFIXES: ReadonlySet<string> = new Set([
  '700', '701', '702', '705', '706', '707', '708', '747',
  '760', '761', '762', '763', '764', '771', '775', '776', '777', '778', '785',
]);

/** True for a Kazakh mobile number. Accepts E.164 and, leniently, any form normalizeKzPhone accepts. */
export function isKzMobile(e164: string): boolean {
  const normalized = normalizeKzPhone(e164);
  return normalized !== null && MOBILE_PREFIXES.has(normalized.slice(2, 5));
}
