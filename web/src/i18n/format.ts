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

/*
 * Browsers' ICU data often lacks Kazakh month names (Chromium prints "2026 M12 29"), so Kazakh dates
 * are put together here from the numeric parts, which every browser computes right for the zone.
 */
const KK_MONTHS = ['қаңтар', 'ақпан', 'наурыз', 'сәуір', 'мамыр', 'маусым', 'шілде', 'тамыз', 'қыркүйек', 'қазан', 'қараша', 'желтоқсан'];

function partsInZone(at: Date): { year: string; month: number; day: string; hour: string; minute: string } {
  const parts = Object.fromEntries(
    formatter('en', { year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return { year: parts.year ?? '', month: Number(parts.month), day: parts.day ?? '', hour: parts.hour ?? '', minute: parts.minute ?? '' };
}

function kazakhDate(at: Date): string {
  const p = partsInZone(at);
  return `${p.year} ж. ${p.day} ${KK_MONTHS[p.month - 1]}`;
}

/** A calendar date `YYYY-MM-DD` (already a date in the app's zone): noon UTC is that same day in Almaty. */
export function formatDate(date: string, language: Language): string {
  const at = new Date(`${date}T12:00:00Z`);
  if (Number.isNaN(at.getTime())) return date;
  return language === 'kk' ? kazakhDate(at) : formatter(language, { day: 'numeric', month: 'long', year: 'numeric' }).format(at);
}

/** An instant (ISO with offset) as date and time in the app's zone. */
export function formatInstant(instant: string, language: Language): string {
  const at = new Date(instant);
  if (Number.isNaN(at.getTime())) return instant;
  if (language === 'kk') {
    const p = partsInZone(at);
    return `${kazakhDate(at)}, ${p.hour}:${p.minute}`;
  }
  return formatter(language, { dateStyle: 'medium', timeStyle: 'short' }).format(at);
}
