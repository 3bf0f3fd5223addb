import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/database/data-source-options';

export const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://appeals:appeals@127.0.0.1:5432/appeals';
export const TEMPLATE_DB = `appeals_test_template_${process.env.JEST_RUN_ID ?? 'run'}`;

export function urlFor(database: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function withAdmin<T>(run: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** Jest globalSetup: a fresh database with every migration applied, cloned by each suite. */
export async function createTemplateDatabase(): Promise<void> {
  await withAdmin(async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${TEMPLATE_DB}`);
  });
  const ds = new DataSource(dataSourceOptions(urlFor(TEMPLATE_DB), { logging: ['error'] }));
  await ds.initialize();
  try {
    await ds.runMigrations({ transaction: 'each' });
  } finally {
    await ds.destroy();
  }
}

export async function dropTemplateDatabase(): Promise<void> {
  await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`));
}
