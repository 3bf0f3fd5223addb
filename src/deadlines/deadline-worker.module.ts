import { Module } from '@nestjs/common';
import { DeadlineEffects } from './deadline-effects';
import { DeadlinePolicyModule } from './deadline-policy.module';
import { DeadlineReconciler } from './deadline-reconciler';
import { DeadlineScheduler } from './deadline-scheduler';
import { DeadlineWorker } from './deadline.worker';
import { DueDateRecompute } from './due-date-recompute';

/** The deadline jobs' side of the worker process. */
@Module({
  imports: [DeadlinePolicyModule],
  providers: [DeadlineScheduler, DeadlineEffects, DeadlineReconciler, DueDateRecompute, DeadlineWorker],
  exports: [DeadlineReconciler, DeadlineScheduler],
})
export class DeadlineWorkerModule {}
