/** A name in each language of the interface (API.md v1.1 "Localisation"). */
export interface LocalisedNames {
  kk: string;
  ru: string;
  en: string;
}

/**
 * The names of a branch in kk/ru/en. Until branches carry their own `names` column (migration
 * 1763700000011, merged separately) every language shows the one stored name; this is the one
 * place to switch to the column.
 */
export function branchNames(row: { name: string }): LocalisedNames {
  return { kk: row.name, ru: row.name, en: row.name };
}

/** The names of an agency in kk/ru/en; see {@link branchNames}. */
export function agencyNames(row: { name: string }): LocalisedNames {
  return { kk: row.name, ru: row.name, en: row.name };
}
