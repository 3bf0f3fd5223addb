export { DEFAULT_LOCALE, isLocale, Locale, LOCALES, negotiateLocale } from './locale';
export { CATALOGUES, isMessageKey, MessageKey, MessageParams, translate } from './translate';
