import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { DeadlinePlanner } from './deadline-planner';
import { DeadlinePolicies } from './deadline-policies.service';

/** The deadline terms and the job plan built on them, shared by the API and the worker. */
@Module({
  imports: [CalendarModule],
  providers: [DeadlinePolicies, DeadlinePlanner],
  exports: [DeadlinePolicies, DeadlinePlanner, CalendarModule],
})
export class DeadlinePolicyModule {}
