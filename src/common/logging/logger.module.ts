import { Global, Module } from '@nestjs/common';
import type { Logger as Pino } from 'pino';
import { Environment } from '../../config/environment';
import { AppLogger } from './app-logger';
import { RequestLogMiddleware } from './request-log.middleware';
import { createRootLogger, ROOT_LOGGER } from './root-logger';

/**
 * The process's logger (AppLogger over pino) for every app (API, worker, CLIs). The API applies
 * RequestLogMiddleware to every route (AppModule).
 */
@Global()
@Module({
  providers: [
    { provide: ROOT_LOGGER, inject: [Environment], useFactory: (env: Environment) => createRootLogger(env.LOG_LEVEL) },
    { provide: AppLogger, inject: [ROOT_LOGGER], useFactory: (root: Pino) => new AppLogger(root) },
    RequestLogMiddleware,
  ],
  exports: [ROOT_LOGGER, AppLogger, RequestLogMiddleware],
})
export class LoggerModule {}
