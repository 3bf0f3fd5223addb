import { LocalisedNames, nameIn } from '../common/i18n/localised-names';
import type { ExportLanguage } from './export-language';

/** Something with a name: a branch, an agency or a category as a report key or a title carries it. */
export interface Named {
  name?: unknown;
  names?: unknown;
}

/**
 * The name of a branch, agency or category in an export's language: its `names` entry (categories
 * carry them; the exports put them on branch and agency keys from org-names.ts), else `name`,
 * the Russian one. Every name an export prints goes through here.
 */
export function localizedName(named: Named, lang: ExportLanguage): string | null {
  const name = nameIn(named.names as LocalisedNames | null | undefined, lang) || named.name;
  return typeof name === 'string' ? name : null;
}
