import type { DataSource } from 'typeorm';
import type { Translated } from './export-language';

/**
 * The names of branches or agencies in every export language, by id: the one place exports read
 * them. Until branches and agencies carry `names {kk, ru, en}` (API.md v1.1 "Localisation") this
 * gives their one `name` (the Russian one) for every language; when they do, only this SELECT changes.
 */
export async function orgNames(ds: DataSource, table: 'branches' | 'agencies', ids: string[]): Promise<Map<string, Translated>> {
  if (!ids.length) return new Map();
  const rows: ({ id: string } & Translated)[] = await ds.query(`SELECT id, name AS kk, name AS ru, name AS en FROM ${table} WHERE id = ANY($1::uuid[])`, [ids]);
  return new Map(rows.map(({ id, kk, ru, en }) => [id, { kk, ru, en }]));
}
