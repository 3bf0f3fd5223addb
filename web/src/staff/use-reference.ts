import { useEffect, useMemo, useState } from 'react';
import type { Language } from '../i18n/languages';
import { localName, type Named as NamedItem } from '../i18n/names';
import type { Option } from '../ui/fields';
import { Agency, Branch, Category, listAgencies, listBranches, listCategories } from './work-api';

export interface StaffReference {
  branches: Branch[];
  categories: Category[];
  agencies: Agency[];
}

let cached: Promise<StaffReference> | null = null;

/** Branches, topics and agencies, fetched once per page load (they change rarely) and shared by every page. */
export function loadReference(): Promise<StaffReference> {
  cached ??= Promise.all([listBranches(), listCategories(), listAgencies()]).then(([branches, categories, agencies]) => ({ branches, categories, agencies }));
  cached.catch(() => (cached = null));
  return cached;
}

export function useReference(): { reference: StaffReference | null; failed: boolean } {
  const [reference, setReference] = useState<StaffReference | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    loadReference().then(
      (r) => live && setReference(r),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, []);
  return { reference, failed };
}

type Named = NamedItem & { id: string; parentId: string | null };

/** The name of one item in the chosen language (v1.1 `names`, else the Russian `name`). */
export function nameOf(items: Named[] | undefined, id: string | null | undefined, language: Language): string {
  const item = id ? items?.find((i) => i.id === id) : undefined;
  return item ? localName(item, language) : '';
}

/** "Parent › Child" options, sorted as a reader expects. */
export function useOptions(items: Named[] | undefined, language: Language): Option[] {
  return useMemo(() => {
    if (!items) return [];
    const byId = new Map(items.map((i) => [i.id, i]));
    const label = (i: Named, seen = 0): string => {
      const parent = i.parentId ? byId.get(i.parentId) : undefined;
      return parent && seen < 8 ? `${label(parent, seen + 1)} › ${localName(i, language)}` : localName(i, language);
    };
    return items.map((i) => ({ value: i.id, label: label(i) })).sort((a, b) => a.label.localeCompare(b.label, language));
  }, [items, language]);
}
