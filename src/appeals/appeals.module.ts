import { Module } from '@nestjs/common';
import { AccessScope } from '../access/access-scope.service';
import { AppealRefs } from './appeal-refs';
import { AppealsController } from './appeals.controller';
import { PersonalDataReads } from './personal-data-reads';
import { ScopedAppeals } from './scoped-appeals';

@Module({
  controllers: [AppealsController],
  providers: [ScopedAppeals, PersonalDataReads, AccessScope, AppealRefs],
  exports: [ScopedAppeals, AccessScope, PersonalDataReads],
})
export class AppealsModule {}
