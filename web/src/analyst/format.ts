import type { Language } from '../i18n/languages';

const LOCALES: Record<Language, string> = { kk: 'kk-KZ', ru: 'ru-RU', en: 'en-GB' };

export function formatCount(n: number, language: Language): string {
  return new Intl.NumberFormat(LOCALES[language]).format(n);
}

/** A share 0..1 as a percentage with one decimal; "—" when the API says there is no denominator. */
export function formatShare(share: number | null | undefined, language: Language): string {
  if (share === null || share === undefined) return '—';
  return new Intl.NumberFormat(LOCALES[language], { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(share);
}

/** A change against last year: counts as +N (+x %), shares in percentage points. */
export function formatChange(now: number | null | undefined, before: number | null | undefined, kind: 'count' | 'share', language: Language, pointsUnit = 'pp'): string | null {
  if (now === null || now === undefined || before === null || before === undefined) return null;
  const sign = (d: number) => (d > 0 ? '+' : d < 0 ? '−' : '±');
  const num = (d: number, digits: number) => new Intl.NumberFormat(LOCALES[language], { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(Math.abs(d));
  if (kind === 'share') {
    const d = (now - before) * 100;
    return `${sign(d)}${num(d, 1)} ${pointsUnit}`;
  }
  const d = now - before;
  const relative = before > 0 ? ` (${sign(d)}${num((d / before) * 100, 1)} %)` : '';
  return `${sign(d)}${num(d, 0)}${relative}`;
}
