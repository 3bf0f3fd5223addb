import { ModuleMetadata } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AppModule } from '../../src/app.module';
import { configureApp } from '../../src/app-setup';
import { TEMPLATE_DB, urlFor, withAdmin } from './template-database';

export interface TestApp {
  app: NestExpressApplication;
  db: DataSource;
  /** supertest against the running app, paths relative to /api/v1. */
  api: () => request.Agent;
  http: () => ReturnType<typeof request>;
  databaseName: string;
  queuePrefix: string;
  close: () => Promise<void>;
}

/**
 * Starts the real application on its own fresh database (cloned from the migrated template)
 * and its own queue prefix, so suites never see each other's data. `extraImports` adds modules
 * beside the application's (a suite's probe endpoint).
 */
export async function startTestApp(env: Record<string, string> = {}, extraImports: ModuleMetadata['imports'] = []): Promise<TestApp> {
  const suffix = `${process.pid}_${randomBytes(4).toString('hex')}`;
  const databaseName = `appeals_test_${suffix}`;
  const queuePrefix = `test_${suffix}`;
  await withAdmin((c) => c.query(`CREATE DATABASE ${databaseName} TEMPLATE ${TEMPLATE_DB}`));

  const saved = { ...process.env };
  Object.assign(process.env, { DATABASE_URL: urlFor(databaseName), QUEUE_PREFIX: queuePrefix, PORTAL_RATE_LIMIT: '1000', ...env });
  const moduleRef = await Test.createTestingModule({ imports: [AppModule, ...extraImports] }).compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ bodyParser: false, logger: false });
  configureApp(app);
  await app.init();
  process.env = saved;

  const server = app.getHttpServer();
  return {
    app,
    db: app.get(DataSource),
    api: () => request.agent(server),
    http: () => request(server),
    databaseName,
    queuePrefix,
    close: async () => {
      await app.close();
      await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`));
    },
  };
}

/**
 * Listens on a spare port (for suites that drive a real browser) and returns the base URL. The app
 * serves web/dist at `/` only when it was built: `npm run build` (scripts/test.sh runs it).
 */
export async function listenOnSparePort(t: TestApp): Promise<string> {
  await t.app.listen(0, '127.0.0.1');
  const address = t.app.getHttpServer().address();
  if (!address || typeof address === 'string') throw new Error('the app is not listening on a TCP port');
  return `http://127.0.0.1:${address.port}`;
}
