import { Module } from '@nestjs/common';
import { AppealsModule } from '../appeals/appeals.module';
import { IntakeModule } from '../intake/intake.module';
import { CallCentreController } from './call-centre.controller';
import { CallsQuery } from './calls.query';
import { LogCall } from './log-call.use-case';

@Module({
  imports: [AppealsModule, IntakeModule],
  controllers: [CallCentreController],
  providers: [LogCall, CallsQuery],
})
export class CallCentreModule {}
