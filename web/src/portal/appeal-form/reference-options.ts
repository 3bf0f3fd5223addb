import type { Language } from '../../i18n/languages';
import type { Option } from '../../ui/fields';
import type { PortalReference } from '../portal-api';

type Named = { id: string; names: Record<Language, string>; parentId: string | null };

/** "Parent › Child" labels in the chosen language, sorted as a reader expects. */
function pathLabels<T extends Named>(items: T[], language: Language, include: (item: T) => boolean): Option[] {
  const byId = new Map(items.map((i) => [i.id, i]));
  const label = (item: T): string => {
    const parent = item.parentId ? byId.get(item.parentId) : undefined;
    const own = item.names[language] || item.names.ru;
    return parent && include(parent) ? `${label(parent)} › ${own}` : own;
  };
  return items
    .filter(include)
    .map((i) => ({ value: i.id, label: label(i) }))
    .sort((a, b) => a.label.localeCompare(b.label, language));
}

export function categoryOptions(reference: PortalReference, language: Language): Option[] {
  return pathLabels(reference.categories, language, () => true);
}

/** A citizen picks their region or city and district; the central office and primary cells are not places. */
export function branchOptions(reference: PortalReference, language: Language): Option[] {
  return pathLabels(reference.branches, language, (b) => b.level === 'regional' || b.level === 'district');
}
