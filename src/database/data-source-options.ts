import { join } from 'node:path';
import { types } from 'pg';
import { DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';

// Calendar dates stay 'YYYY-MM-DD' strings: a JS Date would shift them by the process's zone.
types.setTypeParser(types.builtins.DATE, (value) => value);
// COUNT(*) and other bigints fit in a double for every count this service makes.
types.setTypeParser(types.builtins.INT8, (value) => Number(value));

const ROOT = join(__dirname, '..', '..');

/**
 * One definition of the connection, shared by the app and the migration CLI. Migrations are a
 * glob over the compiled output or the TypeScript sources, whichever is running.
 */
export function dataSourceOptions(url: string, overrides: Partial<DataSourceOptions> = {}): DataSourceOptions {
  const ext = __filename.endsWith('.ts') ? 'ts' : 'js';
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: [join(ROOT, 'migrations', `*.${ext}`)],
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    // Never 'query' or 'error': TypeORM would print query parameters, i.e. personal data.
    logging: ['warn', 'migration'],
    extra: { max: 20, connectionTimeoutMillis: 5000, statement_timeout: 30000 },
    ...overrides,
  } as DataSourceOptions;
}
