import { Language } from './languages';

/**
 * The service counts dates and deadlines in Kazakhstan's zone (APP_TIMEZONE, default Asia/Almaty);
 * the page shows them there too, whatever zone the reader's device is in.
 */
export const APP_TIME_ZONE = 'Asia/Almaty';

const LOCALES: Record<Language, string> = { kk: 'kk-KZ', ru: 'ru-RU', en: 'en-GB' };

const cache = new Map<string, Intl.DateTimeFormat>();
function formatter(language: Language, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = language + JSON.stringify(options);
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(LOCALES[language], { ...options, timeZone: APP_TIME_ZONE });
    cache.set(key, f);
  }
  return f;
}

/** A calendar date `YYYY-MM-DD` (already a date in the app's zone): noon UTC is that same day in Almaty. */
export function formatDate(date: string, language: Language): string {
  const at = new Date(`${date}T12:00:00Z`);
  return Number.isNaN(at.getTime()) ? date : formatter(language, { day: 'numeric', month: 'long', year: 'numeric' }).format(at);
}

/** An instant (ISO with offset) as date and time in the app's zone. */
export function formatInstant(instant: string, language: Language): string {
  const at = new Date(instant);
  return Number.isNaN(at.getTime()) ? instant : formatter(language, { dateStyle: 'medium', timeStyle: 'short' }).format(at);
}
