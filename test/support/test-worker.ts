import { INestApplicationContext } from '@nestjs/common';
import { Test, TestingModuleBuilder } from '@nestjs/testing';
import { WorkerModule } from '../../src/worker.module';
import { urlFor } from './template-database';
import { TestApp } from './test-app';

/**
 * The real worker process's module, on the suite's database and queue prefix. `customise` may
 * swap a provider that reaches outside the system (e.g. the SMS gateway) for one the test watches.
 */
export async function startTestWorker(
  t: TestApp,
  env: Record<string, string> = {},
  customise: (builder: TestingModuleBuilder) => TestingModuleBuilder = (b) => b,
): Promise<INestApplicationContext> {
  const saved = { ...process.env };
  Object.assign(process.env, { DATABASE_URL: urlFor(t.databaseName), QUEUE_PREFIX: t.queuePrefix, ...env });
  const moduleRef = await customise(Test.createTestingModule({ imports: [WorkerModule] })).compile();
  const worker = moduleRef.createNestApplication({ logger: false });
  await worker.init();
  process.env = saved;
  return worker;
}

export async function eventually<T>(probe: () => Promise<T | undefined | null | false>, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}
