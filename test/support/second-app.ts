import { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { AppModule } from '../../src/app.module';
import { configureApp } from '../../src/app-setup';
import { urlFor } from './template-database';
import { TestApp } from './test-app';

export interface SecondApp {
  app: NestExpressApplication;
  server: ReturnType<NestExpressApplication['getHttpServer']>;
  /** Stops this process only: the database and the Redis keys belong to the first app. */
  close: () => Promise<void>;
}

/**
 * Another API process on the same database and queue prefix as `first`, as a second replica
 * behind a load balancer would be: what one process changes, the other must see.
 */
export async function startSecondApp(first: TestApp, env: Record<string, string> = {}): Promise<SecondApp> {
  const saved = { ...process.env };
  Object.assign(process.env, { DATABASE_URL: urlFor(first.databaseName), QUEUE_PREFIX: first.queuePrefix, PORTAL_RATE_LIMIT: '1000', ...env });
  try {
    const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).compile();
    const app = moduleRef.createNestApplication<NestExpressApplication>({ bodyParser: false, logger: false });
    configureApp(app);
    await app.init();
    return { app, server: app.getHttpServer(), close: () => app.close() };
  } finally {
    process.env = saved;
  }
}
