import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AppModule } from '../app.module';
import { seedDemoAppeals } from './demo-appeals';
import { seedDemoHistory } from './demo-history';
import { seedDemoUsers } from './demo-users';
import { seedReferenceData } from './seed-reference-data';

/**
 * `npm run seed`: the reference data (branch tree, classifier, agencies, routing rules).
 * `npm run seed:demo`: also demo staff accounts and a year of appeals. Both are safe to re-run.
 */
async function main(): Promise<void> {
  const demo = process.argv.includes('--demo');
  const app = await NestFactory.createApplicationContext(AppModule, { logger: ['error', 'warn'] });
  try {
    const counts = await seedReferenceData(app.get(DataSource));
    console.log(`reference data: ${JSON.stringify(counts)}`);
    if (demo) {
      const users = await seedDemoUsers(app.get(DataSource));
      console.log(`demo users (password from DEMO_PASSWORD): ${users.join(', ')}`);
      const added = await seedDemoAppeals(app, Number(process.env.DEMO_APPEALS ?? 1500), 12);
      console.log(`demo appeals added: ${added}`);
      const history = await seedDemoHistory(app.get(DataSource), Number(process.env.DEMO_HISTORY_APPEALS ?? 60000));
      console.log(`demo history added: ${history.appeals} finished appeals 2022 on, ${history.sessions} reception sessions`);
    }
  } finally {
    await app.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exit(1);
});
