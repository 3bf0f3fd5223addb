import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { AppealImportWorker } from './appeal-import.worker';
import { RunAppealImport } from './run-appeal-import';

/** Worker side of the historical import. */
@Module({
  imports: [CalendarModule],
  providers: [RunAppealImport, AppealImportWorker],
})
export class ImportsWorkerModule {}
