import { DataSource } from 'typeorm';
import { loadEnvironment } from '../config/environment';
import { dataSourceOptions } from './data-source-options';

/** `npm run migration:run` (and `--revert`): applies the migrations to DATABASE_URL. */
async function main(): Promise<void> {
  const env = loadEnvironment();
  const ds = new DataSource(dataSourceOptions(env.DATABASE_URL, { entities: [] }));
  await ds.initialize();
  try {
    if (process.argv.includes('--revert')) {
      await ds.undoLastMigration({ transaction: 'each' });
    } else {
      const applied = await ds.runMigrations({ transaction: 'each' });
      console.log(`migrations: ${applied.length} applied${applied.length ? ` (${applied.map((m) => m.name).join(', ')})` : ''}`);
    }
  } finally {
    await ds.destroy();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
