import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { AppealsModule } from './appeals/appeals.module';
import { AuthModule } from './auth/auth.module';
import { CalendarModule } from './calendar/calendar.module';
import { CallCentreModule } from './call-centre/call-centre.module';
import { ClassifierModule } from './classifier/classifier.module';
import { AuthGuard } from './common/auth/auth.guard';
import { SharedThrottlerStorage } from './common/throttling/shared-throttler-storage';
import { AllExceptionsFilter } from './common/errors/all-exceptions.filter';
import { LoggerModule } from './common/logging/logger.module';
import { RequestLogMiddleware } from './common/logging/request-log.middleware';
import { createValidationPipe } from './common/validation/validation-pipe';
import { ConfigModule } from './config/config.module';
import { Environment } from './config/environment';
import { DatabaseModule } from './database/database.module';
import { ReportReadsModule } from './database/report-reads.module';
import { DeadlinesModule } from './deadlines/deadlines.module';
import { HealthModule } from './health/health.module';
import { ImportsModule } from './imports/imports.module';
import { IntakeModule } from './intake/intake.module';
import { LifecycleModule } from './lifecycle/lifecycle.module';
import { OrgModule } from './org/org.module';
import { QueueModule } from './queue/queue-registry';
import { ReceptionsModule } from './receptions/receptions.module';
import { ReportsModule } from './reports/reports.module';
import { REDIS, RedisModule } from './redis/redis.module';
import { RedisClient } from './redis/redis-connection';
import { RoutingModule } from './routing/routing.module';
import { UsersModule } from './users/users.module';

@Module({
  imports: [
    ConfigModule,
    LoggerModule,
    DatabaseModule,
    ReportReadsModule,
    RedisModule,
    QueueModule,
    ThrottlerModule.forRootAsync({
      inject: [Environment, REDIS],
      useFactory: (env: Environment, redis: RedisClient) => ({
        // The one route behind ThrottlerGuard is the login (per client address); the portal has its own limits.
        throttlers: [{ name: 'default', ttl: 60_000, limit: env.LOGIN_RATE_LIMIT }],
        // Counters in Redis: every limit holds across the API replicas.
        storage: new SharedThrottlerStorage(env, redis),
      }),
    }),
    AuthModule,
    UsersModule,
    OrgModule,
    ClassifierModule,
    RoutingModule,
    CalendarModule,
    AppealsModule,
    IntakeModule,
    LifecycleModule,
    DeadlinesModule,
    CallCentreModule,
    ReceptionsModule,
    ReportsModule,
    ImportsModule,
    HealthModule,
  ],
  providers: [
    { provide: APP_PIPE, useFactory: createValidationPipe },
    { provide: APP_FILTER, useClass: AllExceptionsFilter },
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
})
export class AppModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    // Every route, in the path syntax of Express 5 (a bare '*' draws a deprecation warning at start).
    consumer.apply(RequestLogMiddleware).forRoutes('{*path}');
  }
}
