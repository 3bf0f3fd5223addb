import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppLogger } from './common/logging/app-logger';
import { WorkerModule } from './worker.module';

async function bootstrap(): Promise<void> {
  const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true });
  app.useLogger(app.get(AppLogger));
  // SIGTERM/SIGINT close the relay and the BullMQ workers: jobs in hand finish, none are lost.
  app.enableShutdownHooks();
  await app.init();
}

void bootstrap();
