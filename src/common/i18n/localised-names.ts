/** A name in the three languages of the service (categories, branches, agencies). */
export interface LocalisedNames {
  kk: string;
  ru: string;
  en: string;
}

/** The name for a reader of `language`; Russian when the language has none (e.g. an appeal's unknown language). */
export function nameIn(names: LocalisedNames | null | undefined, language: string | null | undefined): string | null {
  if (!names) return null;
  return (language === 'kk' || language === 'ru' || language === 'en' ? names[language] : null) || names.ru;
}
