import type { Request } from 'express';

/** The languages an export is written in (API.md v1.1 "Exports"). */
export const EXPORT_LANGUAGES = ['kk', 'ru', 'en'] as const;
export type ExportLanguage = (typeof EXPORT_LANGUAGES)[number];

/** A text in every export language: a catalogue entry that cannot miss one. */
export type Translated = Record<ExportLanguage, string>;

export const CSV_SEPARATORS = ['semicolon', 'comma'] as const;
export type CsvSeparator = (typeof CSV_SEPARATORS)[number];

/**
 * `lang` if given, else the best of `Accept-Language` (negotiated by express, so `en-US` is
 * `en` and q-values count), else Russian. Russian is listed first so that no header and `*`
 * both give it.
 */
export function exportLanguage(lang: ExportLanguage | undefined, req: Request): ExportLanguage {
  return lang ?? ((req.acceptsLanguages('ru', 'kk', 'en') || 'ru') as ExportLanguage);
}

/**
 * Where Excel's list separator is a semicolon (Russian and Kazakh regional settings) its decimal
 * separator is a comma, and the other way round: a semicolon file gets decimal commas.
 */
export function csvSeparator(sep: CsvSeparator | undefined, lang: ExportLanguage): CsvSeparator {
  return sep ?? (lang === 'en' ? 'comma' : 'semicolon');
}
