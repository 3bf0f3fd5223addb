import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Appeal } from './appeal.entity';
import { AgencyRefView, AppealListItemView, BranchRefView, CategoryRefView, toAppealView } from './appeal.view';

/**
 * The branch, category and agency of listed cases, named so a list can show them without a
 * request per row: one query for the whole page.
 */
@Injectable()
export class AppealRefs {
  constructor(private readonly ds: DataSource) {}

  async withRefs(appeals: Appeal[]): Promise<AppealListItemView[]> {
    if (!appeals.length) return [];
    const ids = (pick: (a: Appeal) => string | null) => [...new Set(appeals.map(pick).filter((id): id is string => id !== null))];
    const rows: { kind: 'b' | 'c' | 'g'; id: string; code: string; name: string; kk: string | null; en: string | null }[] = await this.ds.query(
      `SELECT 'b' AS kind, id, code, name, NULL AS kk, NULL AS en FROM branches WHERE id = ANY($1::uuid[])
       UNION ALL SELECT 'c', id, code, name_ru, name_kk, name_en FROM categories WHERE id = ANY($2::uuid[])
       UNION ALL SELECT 'g', id, code, name, NULL, NULL FROM agencies WHERE id = ANY($3::uuid[])`,
      [ids((a) => a.branchId), ids((a) => a.categoryId), ids((a) => a.agencyId)],
    );
    const branches = new Map<string, BranchRefView>();
    const categories = new Map<string, CategoryRefView>();
    const agencies = new Map<string, AgencyRefView>();
    for (const r of rows) {
      if (r.kind === 'b') branches.set(r.id, { id: r.id, code: r.code, name: r.name });
      else if (r.kind === 'g') agencies.set(r.id, { id: r.id, code: r.code, name: r.name });
      else categories.set(r.id, { id: r.id, code: r.code, names: { kk: r.kk!, ru: r.name, en: r.en! } });
    }
    return appeals.map((a) => ({
      ...toAppealView(a),
      branch: branches.get(a.branchId)!,
      category: categories.get(a.categoryId)!,
      agency: a.agencyId ? (agencies.get(a.agencyId) ?? null) : null,
    }));
  }
}
