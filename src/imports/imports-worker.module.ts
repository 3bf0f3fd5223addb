import { Module } from '@nestjs/common';
import { DeadlinePolicyModule } from '../deadlines/deadline-policy.module';
import { AppealImportWorker } from './appeal-import.worker';
import { RunAppealImport } from './run-appeal-import';

/** Worker side of the historical import. */
@Module({
  imports: [DeadlinePolicyModule],
  providers: [RunAppealImport, AppealImportWorker],
})
export class ImportsWorkerModule {}
