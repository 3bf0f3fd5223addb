import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { PortalReferenceView } from './portal.dto';

export interface TaggedReference {
  body: PortalReferenceView;
  /** A strong validator of exactly this body. */
  etag: string;
}

/**
 * What a portal form offers the citizen (API.md v1.1 "Portal"): the top-level categories and their
 * subtopics (deeper levels are for staff), and the branches a citizen writes to, the regions and
 * their districts (the central office and primary organisations are not chosen on a form). A
 * region's `parentId` is the central office, which is not in the list.
 */
@Injectable()
export class PortalReference {
  constructor(private readonly ds: DataSource) {}

  async get(): Promise<TaggedReference> {
    const [categories, branches] = await Promise.all([
      this.ds.query(
        `SELECT id, code, name_kk, name_ru, name_en, parent_id FROM categories WHERE nlevel(path) <= 2 ORDER BY nlevel(path), code`,
      ),
      this.ds.query(`SELECT id, code, names, level, parent_id FROM branches WHERE level IN ('regional','district') ORDER BY level DESC, code`),
    ]);
    const body: PortalReferenceView = {
      categories: categories.map((c: Record<string, string | null>) => ({
        id: c.id!,
        code: c.code!,
        names: { kk: c.name_kk!, ru: c.name_ru!, en: c.name_en! },
        parentId: c.parent_id,
      })),
      branches: branches.map((b: Record<string, any>) => ({
        id: b.id!,
        code: b.code!,
        names: b.names,
        level: b.level as 'regional' | 'district',
        parentId: b.parent_id,
      })),
    };
    const etag = `"${createHash('sha256').update(JSON.stringify(body)).digest('base64url').slice(0, 32)}"`;
    return { body, etag };
  }
}

/** Whether an If-None-Match header names this entity tag (weak comparison, RFC 9110 13.1.2). */
export function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  const strip = (t: string) => t.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((t) => strip(t) === strip(etag));
}
