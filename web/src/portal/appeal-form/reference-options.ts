import type { Language } from '../../i18n/languages';
import type { Option } from '../../ui/fields';
import type { PortalReference } from '../portal-api';

type Named = { id: string; names: Record<Language, string>; parentId: string | null };

/** "Parent › Child" labels in the chosen language, sorted as a reader expects. */
function pathLabels<T extends Named>(items: T[], language: Language): Option[] {
  const byId = new Map(items.map((i) => [i.id, i]));
  const label = (item: T): string => {
    const parent = item.parentId ? byId.get(item.parentId) : undefined;
    const own = item.names[language] || item.names.ru;
    return parent ? `${label(parent)} › ${own}` : own;
  };
  return items
    .map((i) => ({ value: i.id, label: label(i) }))
    .sort((a, b) => a.label.localeCompare(b.label, language));
}

export function categoryOptions(reference: PortalReference, language: Language): Option[] {
  return pathLabels(reference.categories, language);
}

/**
 * A citizen picks their region or city, or a district in it: one group per region (the region itself
 * first, then its districts by name). The central office and primary cells are not places.
 */
export function branchOptions(reference: PortalReference, language: Language): Option[] {
  const name = (b: PortalReference['branches'][number]) => b.names[language] || b.names.ru;
  const collator = new Intl.Collator(language);
  const regions = reference.branches.filter((b) => b.level === 'regional').sort((a, b) => collator.compare(name(a), name(b)));
  return regions.flatMap((region) => {
    const districts = reference.branches
      .filter((b) => b.level === 'district' && b.parentId === region.id)
      .sort((a, b) => collator.compare(name(a), name(b)));
    return [region, ...districts].map((b) => ({ value: b.id, label: name(b), group: name(region) }));
  });
}
