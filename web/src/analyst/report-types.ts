import type { components } from '../api/schema';

type S = components['schemas'];
/** A row or total of the resolution report, with the v1.1 feedback counters when the API sends them. */
export type ResolutionCounters = S['ResolutionCountersView'];
export type ResolutionRow = S['ResolutionRowView'];
export interface ResolutionReport {
  from: string;
  to: string;
  rows: ResolutionRow[];
  totals: ResolutionCounters;
  comparisons?: { from: string; to: string; rows: ResolutionRow[]; totals: ResolutionCounters }[];
}
export type ReceptionReport = S['ReceptionReportView'];
export type ReceptionRow = S['ReceptionRowView'];

/** Identity of a row's key across the current and the comparison years (same group = same key). */
export function keyId(key: Record<string, unknown>): string {
  const id = key.branchId ?? key.channel ?? key.categoryId ?? key.agencyId ?? key.hostType ?? null;
  return `${String(id)}|${key.own ? 'own' : ''}`;
}
