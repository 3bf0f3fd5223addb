import { IntlMessageFormat } from 'intl-messageformat';
import { en } from './catalogues/en';
import { kk } from './catalogues/kk';
import { Catalogue, MessageKey, ru } from './catalogues/ru';
import { Locale } from './locale';

export type { MessageKey } from './catalogues/ru';
export type MessageParams = Readonly<Record<string, string | number>>;

export const CATALOGUES: Readonly<Record<Locale, Catalogue>> = { kk, ru, en };

export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(ru, key);
}

// Parsed once per locale and key; the catalogues are fixed at build time, so the cache is bounded.
const formats = new Map<string, IntlMessageFormat>();

/**
 * The message `key` in `locale`, its ICU arguments ({max}, plurals) filled from `params`. A missing
 * parameter is left visible as "{name}" rather than failing the whole error answer.
 */
export function translate(locale: Locale, key: MessageKey, params: MessageParams = {}): string {
  const id = `${locale}\u0000${key}`;
  let format = formats.get(id);
  if (!format) {
    format = new IntlMessageFormat(CATALOGUES[locale][key], locale);
    formats.set(id, format);
  }
  try {
    return String(format.format(params));
  } catch {
    return CATALOGUES[locale][key];
  }
}
