import { Module } from '@nestjs/common';
import { AppealsModule } from '../appeals/appeals.module';
import { AppealDeadline } from './appeal-deadline';
import { DeadlineLists } from './deadline-lists';
import { DeadlinePolicyModule } from './deadline-policy.module';
import { DeadlinePoliciesController, DeadlinesController } from './deadlines.controller';
import { StaffNotifications } from './staff-notifications';

/** The API side of deadlines: policies, lists, a case's deadline explained, the staff inbox. */
@Module({
  imports: [AppealsModule, DeadlinePolicyModule],
  controllers: [DeadlinesController, DeadlinePoliciesController],
  providers: [DeadlineLists, AppealDeadline, StaffNotifications],
})
export class DeadlinesModule {}
