import { Module } from '@nestjs/common';
import { AppealsModule } from '../appeals/appeals.module';
import { DeadlinePolicyModule } from '../deadlines/deadline-policy.module';
import { SubmitClarification } from './portal-clarification.use-case';
import { SubmitFeedback } from './portal-feedback.use-case';
import { PortalIntake } from './portal-intake.service';
import { PortalRateLimit } from './portal-rate-limit';
import { PortalReference } from './portal-reference';
import { PortalStatus } from './portal-status';
import { PortalController } from './portal.controller';
import { RegisterAppeal } from './register-appeal.use-case';
import { RegistrationBatcher } from './registration-batcher';
import { StaffIntakeController } from './staff-intake.controller';

@Module({
  imports: [AppealsModule, DeadlinePolicyModule],
  controllers: [PortalController, StaffIntakeController],
  providers: [RegisterAppeal, RegistrationBatcher, PortalIntake, PortalStatus, PortalReference, SubmitClarification, SubmitFeedback, PortalRateLimit],
  exports: [RegisterAppeal, AppealsModule],
})
export class IntakeModule {}
