import { useTranslation } from 'react-i18next';
import { formatDate, formatInstant } from '../i18n/format';
import { isLanguage } from '../i18n/languages';

function useLanguage() {
  const { i18n } = useTranslation();
  return isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'kk';
}

/** A calendar date (YYYY-MM-DD), in words of the chosen language. */
export function DateText({ date }: { date: string }) {
  return <time dateTime={date}>{formatDate(date, useLanguage())}</time>;
}

/** An instant, shown as date and time in Asia/Almaty. */
export function InstantText({ at }: { at: string }) {
  return <time dateTime={at}>{formatInstant(at, useLanguage())}</time>;
}

export { useLanguage };
