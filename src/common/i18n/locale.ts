import Negotiator from 'negotiator';

/** The languages of the service (API.md v1.1 "Localisation"): Kazakh, Russian, English. */
export const LOCALES = ['kk', 'ru', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** Without an Accept-Language the service answers in Russian, the language most staff and citizens read. */
export const DEFAULT_LOCALE: Locale = 'ru';

// Order matters: with no header, or with "*", Negotiator returns the first one offered.
const OFFERED: Locale[] = [DEFAULT_LOCALE, ...LOCALES.filter((l) => l !== DEFAULT_LOCALE)];

/**
 * The best of kk/ru/en for an Accept-Language header, by its q-values (RFC 9110 §12.5.4):
 * "en-US,en;q=0.9" → en, "kk-KZ" → kk, "de, en;q=0.5" → en, "de" → ru (nothing acceptable),
 * "ru;q=0, en" → en. Negotiator (the library Express itself uses) does the parsing.
 */
export function negotiateLocale(acceptLanguage: string | string[] | undefined): Locale {
  const header = Array.isArray(acceptLanguage) ? acceptLanguage.join(',') : acceptLanguage;
  if (!header || !header.trim()) return DEFAULT_LOCALE;
  const [best] = new Negotiator({ headers: { 'accept-language': header } }).languages(OFFERED);
  return (best as Locale | undefined) ?? DEFAULT_LOCALE;
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}
