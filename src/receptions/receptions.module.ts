import { Module } from '@nestjs/common';
import { AppealsModule } from '../appeals/appeals.module';
import { IntakeModule } from '../intake/intake.module';
import { ReceptionsController } from './receptions.controller';
import { ReceptionsService } from './receptions.service';

@Module({
  imports: [IntakeModule, AppealsModule],
  controllers: [ReceptionsController],
  providers: [ReceptionsService],
})
export class ReceptionsModule {}
