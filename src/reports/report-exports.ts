import { Injectable, StreamableFile } from '@nestjs/common';
import type { Response } from 'express';
import { RESOLUTION_COUNTER_NAMES, RESOLUTION_SHARE_NAMES } from './report-counters';
import { toCsv, toXlsx } from './report-export';
import { ReportFormat } from './report-query.dto';
import { reportTable, ReportTable } from './report-table';
import { ReceptionReportView } from './receptions-report.dto';
import { ResolutionReportView } from './resolution-report.dto';

/** Answers a report as JSON, or as a CSV / XLSX attachment named after the report and window. */
@Injectable()
export class ReportExports {
  async send<R extends ResolutionReportView | ReceptionReportView>(res: Response, format: ReportFormat, report: R): Promise<R | StreamableFile> {
    if (format === 'json') return report;
    const table = 'interval' in report ? resolutionTable(report) : receptionsTable(report);
    const file = format === 'csv' ? toCsv(table) : await toXlsx(table, table.name.split('-')[0]);
    res.setHeader('Content-Type', file.contentType);
    res.setHeader('Content-Disposition', `attachment; filename="${file.fileName}"`);
    return new StreamableFile(file.body);
  }
}

function resolutionTable(report: ResolutionReportView): ReportTable {
  return reportTable(report, 'resolution', RESOLUTION_COUNTER_NAMES, RESOLUTION_SHARE_NAMES, true);
}

function receptionsTable(report: ReceptionReportView): ReportTable {
  return reportTable(report, 'receptions', ['sessions', 'visitors', 'appeals', 'decided', 'positive'], ['positiveShare'], false);
}
