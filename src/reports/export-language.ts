import type { Request } from 'express';
import { Locale, LOCALES, negotiateLocale } from '../common/i18n';

/** The languages an export is written in (API.md v1.1 "Exports"): the service's own. */
export const EXPORT_LANGUAGES = LOCALES;
export type ExportLanguage = Locale;

/** A text in every export language: a catalogue entry that cannot miss one. */
export type Translated = Record<ExportLanguage, string>;

export const CSV_SEPARATORS = ['semicolon', 'comma'] as const;
export type CsvSeparator = (typeof CSV_SEPARATORS)[number];

/** `lang` if given, else the language the caller's errors come in (Accept-Language, else Russian). */
export function exportLanguage(lang: ExportLanguage | undefined, req: Request): ExportLanguage {
  return lang ?? negotiateLocale(req.headers['accept-language']);
}

/**
 * Where Excel's list separator is a semicolon (Russian and Kazakh regional settings) its decimal
 * separator is a comma, and the other way round: a semicolon file gets decimal commas.
 */
export function csvSeparator(sep: CsvSeparator | undefined, lang: ExportLanguage): CsvSeparator {
  return sep ?? (lang === 'en' ? 'comma' : 'semicolon');
}
