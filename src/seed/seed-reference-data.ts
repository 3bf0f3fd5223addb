import { DataSource, EntityManager } from 'typeorm';
import { AGENCIES } from './data/agencies';
import { BRANCHES } from './data/branches';
import { CATEGORIES } from './data/categories';
import { ROUTING_RULES } from './data/routing-rules';

export interface ReferenceDataCounts {
  branches: number;
  agencies: number;
  categories: number;
  routingRules: number;
}

/**
 * Inserts the reference data (branch tree, classifier, agencies, routing rules) in one transaction.
 * Idempotent: rows whose code (or rule key) already exists are left as they are, so running it again,
 * or on a database an administrator has since edited, changes nothing that is there. The one exception:
 * branch and agency names still holding the migration's placeholder (the Russian name in all three
 * languages, 1763700000011) get their Kazakh and English names.
 *
 * Each level of a tree is one multi-row INSERT … SELECT FROM unnest($arrays): parents are resolved by
 * code in SQL, and a level only runs after its parents' level, because the path triggers and the join
 * see the rows of earlier statements only. `path` and `region_code` are left to the triggers.
 *
 * Returns the number of rows now present in each table.
 */
/** The existing row's names are still the migration's fill from `name`, which the seed may replace. */
const PLACEHOLDER_NAMES = (table: string) => `${table}.names = jsonb_build_object('kk', ${table}.name, 'ru', ${table}.name, 'en', ${table}.name)`;

export async function seedReferenceData(ds: DataSource): Promise<ReferenceDataCounts> {
  assertReferencesResolve();
  return ds.transaction(async (m) => {
    for (const level of byDepth(BRANCHES)) {
      await m.query(
        `INSERT INTO branches (code, name, level, parent_id, names)
         SELECT v.code, v.name, v.level, p.id, v.names::jsonb
           FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) WITH ORDINALITY
                AS v(code, name, level, parent_code, names, ord)
           LEFT JOIN branches p ON p.code = v.parent_code
          ORDER BY v.ord
         ON CONFLICT (code) DO UPDATE SET names = EXCLUDED.names
          WHERE ${PLACEHOLDER_NAMES('branches')}`,
        [
          level.map((b) => b.code),
          level.map((b) => b.name),
          level.map((b) => b.level),
          level.map((b) => b.parentCode ?? null),
          level.map((b) => JSON.stringify(b.names)),
        ],
      );
    }

    for (const level of byDepth(CATEGORIES)) {
      await m.query(
        `INSERT INTO categories (code, name_kk, name_ru, name_en, parent_id)
         SELECT v.code, v.kk, v.ru, v.en, p.id
           FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) WITH ORDINALITY
                AS v(code, kk, ru, en, parent_code, ord)
           LEFT JOIN categories p ON p.code = v.parent_code
          ORDER BY v.ord
         ON CONFLICT (code) DO NOTHING`,
        [
          level.map((c) => c.code),
          level.map((c) => c.names.kk),
          level.map((c) => c.names.ru),
          level.map((c) => c.names.en),
          level.map((c) => c.parentCode ?? null),
        ],
      );
    }

    await m.query(
      `INSERT INTO agencies (code, name, branch_id, names)
       SELECT v.code, v.name, b.id, v.names::jsonb
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) WITH ORDINALITY AS v(code, name, branch_code, names, ord)
         LEFT JOIN branches b ON b.code = v.branch_code
        ORDER BY v.ord
       ON CONFLICT (code) DO UPDATE SET names = EXCLUDED.names
        WHERE ${PLACEHOLDER_NAMES('agencies')}`,
      [
        AGENCIES.map((a) => a.code),
        AGENCIES.map((a) => a.name),
        AGENCIES.map((a) => a.branchCode ?? null),
        AGENCIES.map((a) => JSON.stringify(a.names)),
      ],
    );

    await m.query(
      `INSERT INTO routing_rules (category_id, agency_id, branch_id, priority)
       SELECT c.id, a.id, b.id, v.priority
         FROM unnest($1::text[], $2::text[], $3::text[], $4::int[]) WITH ORDINALITY
              AS v(category_code, agency_code, branch_code, priority, ord)
         JOIN categories c ON c.code = v.category_code
         JOIN agencies a ON a.code = v.agency_code
         LEFT JOIN branches b ON b.code = v.branch_code
        ORDER BY v.ord
       ON CONFLICT ON CONSTRAINT routing_rules_uq DO NOTHING`,
      [
        ROUTING_RULES.map((r) => r.categoryCode),
        ROUTING_RULES.map((r) => r.agencyCode),
        ROUTING_RULES.map((r) => r.branchCode ?? null),
        ROUTING_RULES.map((r) => r.priority ?? 0),
      ],
    );

    return countRows(m);
  });
}

async function countRows(m: EntityManager): Promise<ReferenceDataCounts> {
  const [row] = (await m.query(
    `SELECT (SELECT count(*) FROM branches)::int      AS branches,
            (SELECT count(*) FROM agencies)::int      AS agencies,
            (SELECT count(*) FROM categories)::int    AS categories,
            (SELECT count(*) FROM routing_rules)::int AS "routingRules"`,
  )) as ReferenceDataCounts[];
  return {
    branches: row.branches,
    agencies: row.agencies,
    categories: row.categories,
    routingRules: row.routingRules,
  };
}

/** Splits a parent-before-child list into levels: roots, their children, and so on. */
function byDepth<T extends { code: string; parentCode?: string }>(items: ReadonlyArray<T>): T[][] {
  const depth = new Map<string, number>();
  const levels: T[][] = [];
  for (const item of items) {
    const d = item.parentCode === undefined ? 0 : (depth.get(item.parentCode) ?? -1) + 1;
    if (d === 0 && item.parentCode !== undefined) {
      throw new Error(`reference data: ${item.code} is declared before its parent ${item.parentCode}`);
    }
    depth.set(item.code, d);
    (levels[d] ??= []).push(item);
  }
  return levels;
}

/**
 * The SQL resolves codes with joins, which would silently turn a mistyped parent or branch into
 * "none" (a root, a national agency) or drop a rule; fail before touching the database instead.
 */
function assertReferencesResolve(): void {
  const branches = new Set(BRANCHES.map((b) => b.code));
  const categories = new Set(CATEGORIES.map((c) => c.code));
  const agencies = new Set(AGENCIES.map((a) => a.code));
  const missing = [
    ...BRANCHES.filter((b) => b.parentCode !== undefined && !branches.has(b.parentCode)).map(
      (b) => `branch ${b.code}: parent ${b.parentCode}`,
    ),
    ...CATEGORIES.filter((c) => c.parentCode !== undefined && !categories.has(c.parentCode)).map(
      (c) => `category ${c.code}: parent ${c.parentCode}`,
    ),
    ...AGENCIES.filter((a) => a.branchCode !== undefined && !branches.has(a.branchCode)).map(
      (a) => `agency ${a.code}: branch ${a.branchCode}`,
    ),
    ...ROUTING_RULES.filter(
      (r) =>
        !categories.has(r.categoryCode) ||
        !agencies.has(r.agencyCode) ||
        (r.branchCode !== undefined && !branches.has(r.branchCode)),
    ).map((r) => `routing rule ${r.categoryCode} → ${r.agencyCode} @ ${r.branchCode ?? 'national'}`),
  ];
  if (missing.length > 0) {
    throw new Error(`reference data has unresolved codes: ${missing.join('; ')}`);
  }
}
