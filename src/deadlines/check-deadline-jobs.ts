import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { LoggerModule } from '../common/logging/logger.module';
import { ConfigModule } from '../config/config.module';
import { DatabaseModule } from '../database/database.module';
import { QueueModule } from '../queue/queue-registry';
import { DeadlinePolicyModule } from './deadline-policy.module';
import { DeadlineReconciler } from './deadline-reconciler';

@Module({
  imports: [ConfigModule, LoggerModule, DatabaseModule, QueueModule, DeadlinePolicyModule],
  providers: [DeadlineReconciler],
})
class CheckDeadlineJobsModule {}

/**
 * `npm run deadlines:check [-- --repair]`: compares every open case in Postgres with the
 * deadline jobs in Redis and prints the counts as JSON; exits 1 when jobs are missing (without
 * --repair), so load tests and operators can use it as a check.
 */
async function main(): Promise<void> {
  const repair = process.argv.includes('--repair');
  const app = await NestFactory.createApplicationContext(CheckDeadlineJobsModule, { logger: ['error'] });
  try {
    const report = await app.get(DeadlineReconciler).reconcile({ repair });
    console.log(JSON.stringify(report));
    process.exitCode = !repair && report.jobsMissing > 0 ? 1 : 0;
  } finally {
    await app.close();
  }
}

void main();
