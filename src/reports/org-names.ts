import type { DataSource } from 'typeorm';
import type { Translated } from './export-language';

/** The names of branches or agencies in every export language, by id: the one place exports read them. */
export async function orgNames(ds: DataSource, table: 'branches' | 'agencies', ids: string[]): Promise<Map<string, Translated>> {
  if (!ids.length) return new Map();
  const rows: ({ id: string } & Translated)[] = await ds.query(`SELECT id, names->>'kk' AS kk, names->>'ru' AS ru, names->>'en' AS en FROM ${table} WHERE id = ANY($1::uuid[])`, [ids]);
  return new Map(rows.map(({ id, kk, ru, en }) => [id, { kk, ru, en }]));
}
