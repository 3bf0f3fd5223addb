import { Module } from '@nestjs/common';
import { AppealsModule } from '../appeals/appeals.module';
import { DeadlinePolicyModule } from '../deadlines/deadline-policy.module';
import { PortalIntake } from './portal-intake.service';
import { PortalController } from './portal.controller';
import { RegisterAppeal } from './register-appeal.use-case';
import { RegistrationBatcher } from './registration-batcher';
import { StaffIntakeController } from './staff-intake.controller';

@Module({
  imports: [AppealsModule, DeadlinePolicyModule],
  controllers: [PortalController, StaffIntakeController],
  providers: [RegisterAppeal, RegistrationBatcher, PortalIntake],
  exports: [RegisterAppeal, AppealsModule],
})
export class IntakeModule {}
