import type { Language } from './languages';

/** Something named in the three languages (branches, agencies, categories), or by its Russian `name` only. */
export interface Named {
  name?: string;
  names?: { kk: string; ru: string; en: string };
}

/** Its name in the reader's language: `names`, else the Russian `name`. */
export function localName(item: Named | undefined, language: Language): string {
  if (!item) return '';
  return item.names?.[language] || item.name || item.names?.ru || '';
}
