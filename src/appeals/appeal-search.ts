import { AppError } from '../common/errors/app-error';
import { normalizeKzPhone } from '../common/validation/kz-phone';

/** What `?q=` asks for: an exact identifier when it reads as one, else words of the case. */
export type AppealSearch =
  | { kind: 'number'; value: string }
  | { kind: 'iin'; value: string }
  | { kind: 'phone'; value: string }
  | { kind: 'words'; tsquery: string };

const MAX_WORDS = 8;
const NUMBER_LIKE = /^[A-Za-z0-9._]+(-[A-Za-z0-9._]+)+$/;
const PHONE_LIKE = /^[\d\s()+-]+$/;

/**
 * Reads the search box of the case list (API.md v1.1 "Finding cases"):
 * - 12 digits: an IIN (exact; the IIN index);
 * - digits with the usual phone punctuation that make a Kazakh number ("8 707 123 45 67",
 *   "+7 (707) 123-45-67"): the applicant's phone, normalised to E.164 as it is stored (exact);
 * - letters and digits joined by dashes with a digit ("ala-2026-000042"): a registration number,
 *   any letter case (exact);
 * - anything else: words, each matched as a word prefix in the applicant's name, the subject or
 *   the text ('simple' full-text configuration: no stemming, so Kazakh and Russian alike).
 */
export function parseAppealSearch(raw: string): AppealSearch {
  const q = raw.trim();
  if (/^\d{12}$/.test(q)) return { kind: 'iin', value: q };
  if (PHONE_LIKE.test(q) && /\d{7,}/.test(q.replace(/\D/g, ''))) {
    const phone = normalizeKzPhone(q);
    if (phone) return { kind: 'phone', value: phone };
  }
  if (NUMBER_LIKE.test(q) && /\d/.test(q)) return { kind: 'number', value: q.toUpperCase() };
  // Only letters and digits reach to_tsquery: no operator of its syntax can be smuggled in.
  const words = q.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean).slice(0, MAX_WORDS);
  if (!words.length) throw AppError.validation('q', 'must contain a word, a registration number, an IIN or a phone number');
  return { kind: 'words', tsquery: words.map((w) => `${w}:*`).join(' & ') };
}

/**
 * The search as a condition over the appeal row `a`, each kind backed by its own index
 * (migrations/1763700000013-web-interface.ts); words match the stored `search_tsv` vector.
 */
export function appealSearchCondition(search: AppealSearch, a: string): { sql: string; params: Record<string, string> } {
  switch (search.kind) {
    case 'iin':
      return { sql: `${a}.applicant_iin = :searchIin`, params: { searchIin: search.value } };
    case 'phone':
      return { sql: `${a}.applicant->>'phone' = :searchPhone`, params: { searchPhone: search.value } };
    case 'number':
      return { sql: `upper(${a}.number) = :searchNumber`, params: { searchNumber: search.value } };
    case 'words':
      return {
        sql: `${a}.search_tsv @@ to_tsquery('simple', :searchWords)`,
        params: { searchWords: search.tsquery },
      };
  }
}
