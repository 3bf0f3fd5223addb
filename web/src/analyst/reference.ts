import { useEffect, useState } from 'react';
import { api, call } from '../api/client';
import type { components } from '../api/schema';

export type Branch = components['schemas']['BranchView'];
export type Category = components['schemas']['CategoryView'];
export type Agency = components['schemas']['AgencyView'];

/** Reference lists change rarely: one fetch per page load, shared by every page that needs them. */
let cached: Promise<{ branches: Branch[]; categories: Category[]; agencies: Agency[] }> | null = null;

export function loadReference() {
  if (!cached) {
    cached = Promise.all([
      call(api.GET('/api/v1/branches', {})) as Promise<Branch[]>,
      call(api.GET('/api/v1/categories', {})) as Promise<Category[]>,
      call(api.GET('/api/v1/agencies', {})) as Promise<Agency[]>,
    ]).then(([branches, categories, agencies]) => ({ branches, categories, agencies }));
    cached.catch(() => (cached = null));
  }
  return cached;
}

/** After an administrator changes reference data, the next page reads it afresh. */
export function forgetReference(): void {
  cached = null;
}

export function useReference() {
  const [ref, setRef] = useState<{ branches: Branch[]; categories: Category[]; agencies: Agency[] } | null>(null);
  useEffect(() => {
    let live = true;
    loadReference().then(
      (r) => live && setRef(r),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  return ref;
}

export { localName } from '../i18n/names';

/** The chain from the top of the reader's scope down to `branchId` (for breadcrumbs). */
export function branchPath(branches: Branch[], branchId: string | null, scopeRootId: string | null): Branch[] {
  const byId = new Map(branches.map((b) => [b.id, b]));
  const path: Branch[] = [];
  let current = branchId ? byId.get(branchId) : undefined;
  while (current) {
    path.unshift(current);
    if (current.id === scopeRootId) break;
    current = current.parentId ? byId.get(current.parentId) : undefined;
  }
  return path;
}
