import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { AccessScope } from '../access/access-scope.service';
import { AppealRefs } from './appeal-refs';
import { AppealsController } from './appeals.controller';
import { PersonalDataReads } from './personal-data-reads';
import { PersonalDataReadsInterceptor } from './personal-data-reads.interceptor';
import { ScopedAppeals } from './scoped-appeals';

@Module({
  controllers: [AppealsController],
  // The interceptor is global: every response of the API is checked for applicant identities.
  providers: [ScopedAppeals, PersonalDataReads, AccessScope, AppealRefs, { provide: APP_INTERCEPTOR, useClass: PersonalDataReadsInterceptor }],
  exports: [ScopedAppeals, AccessScope, PersonalDataReads],
})
export class AppealsModule {}
