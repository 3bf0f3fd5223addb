import { Module } from '@nestjs/common';
import { ReceptionsReportQueryService } from './receptions-report';
import { ReportExports } from './report-exports';
import { ReportScope } from './report-scope';
import { ReportsController } from './reports.controller';
import { ResolutionReportQueryService } from './resolution-report';

@Module({
  controllers: [ReportsController],
  providers: [ResolutionReportQueryService, ReceptionsReportQueryService, ReportScope, ReportExports],
})
export class ReportsModule {}
