import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import type { Server } from 'node:http';
import { AppModule } from './app.module';
import { configureApp } from './app-setup';
import { Environment } from './config/environment';

/** How long requests in flight get to finish after SIGTERM before their connections are cut. */
const DRAIN_TIMEOUT_MS = 10_000;

async function bootstrap(): Promise<void> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule, { bodyParser: false, bufferLogs: true });
  configureApp(app);
  await app.listen(app.get(Environment).PORT);
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => void shutdown(app, signal));
}

/**
 * Graceful stop: first the HTTP server stops accepting and drains the requests in flight, then
 * the app closes (database pool, Redis). Nest's own shutdown hooks close the database first, so
 * requests in flight at SIGTERM answered 500.
 */
async function shutdown(app: NestExpressApplication, signal: string): Promise<void> {
  const logger = new Logger('Shutdown');
  logger.log(`${signal}: draining requests in flight`);
  const server = app.getHttpServer() as Server;
  const force = setTimeout(() => server.closeAllConnections(), DRAIN_TIMEOUT_MS);
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
  });
  clearTimeout(force);
  await app.close();
  process.exit(0);
}

void bootstrap();
