import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayNotEmpty, IsArray, IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { APPEAL_TYPES, AppealType, Channel, CHANNELS } from '../appeals/appeal.enums';
import { IsCalendarDate } from '../common/validation/calendar-date';
import { CSV_SEPARATORS, CsvSeparator, EXPORT_LANGUAGES, ExportLanguage } from './export-language';

export const RESOLUTION_GROUPINGS = ['branch', 'channel', 'category', 'agency', 'none'] as const;
export type ResolutionGrouping = (typeof RESOLUTION_GROUPINGS)[number];
export const RECEPTION_GROUPINGS = ['hostType', 'branch'] as const;
export type ReceptionGrouping = (typeof RECEPTION_GROUPINGS)[number];
export const INTERVALS = ['none', 'month', 'quarter', 'year'] as const;
export type Interval = (typeof INTERVALS)[number];
export const REPORT_FORMATS = ['json', 'csv', 'xlsx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
export const MAX_COMPARE_YEARS = 5;

/** What both reports share: the window by date received, the branch subtree, comparisons, the format. */
export class ReportWindowQuery {
  @ApiPropertyOptional({ description: 'First date received, inclusive (YYYY-MM-DD in APP_TIMEZONE); default 1 January of `to`' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ description: 'Last date received, inclusive; default today in APP_TIMEZONE' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;

  @ApiPropertyOptional({ description: "Branch whose subtree is reported; default the root (admin) or the caller's own branch" })
  @IsOptional()
  @IsUUID()
  branchId?: string;

  @ApiPropertyOptional({ minimum: 0, maximum: MAX_COMPARE_YEARS, default: 0, description: 'The same window shifted back 1..N years' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_COMPARE_YEARS)
  compareYears: number = 0;

  @ApiPropertyOptional({ enum: REPORT_FORMATS, default: 'json' })
  @IsOptional()
  @IsIn(REPORT_FORMATS)
  format: ReportFormat = 'json';

  @ApiPropertyOptional({ enum: EXPORT_LANGUAGES, description: 'Language of a CSV / XLSX export; default Accept-Language, else ru' })
  @IsOptional()
  @IsIn(EXPORT_LANGUAGES)
  lang?: ExportLanguage;

  @ApiPropertyOptional({ enum: CSV_SEPARATORS, description: 'CSV field separator; default semicolon for kk and ru (decimal comma), comma for en (decimal point)' })
  @IsOptional()
  @IsIn(CSV_SEPARATORS)
  sep?: CsvSeparator;
}

export class ResolutionReportQuery extends ReportWindowQuery {
  @ApiPropertyOptional({ enum: RESOLUTION_GROUPINGS, default: 'branch' })
  @IsOptional()
  @IsIn(RESOLUTION_GROUPINGS)
  groupBy: ResolutionGrouping = 'branch';

  @ApiPropertyOptional({ enum: INTERVALS, default: 'none' })
  @IsOptional()
  @IsIn(INTERVALS)
  interval: Interval = 'none';

  @ApiPropertyOptional({ description: `Comma list of channels (${CHANNELS.join(', ')})`, type: String, example: 'portal,mail' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.split(',').map((c) => c.trim()) : value))
  @IsArray()
  @ArrayNotEmpty()
  @IsIn(CHANNELS, { each: true, message: `must be a comma list of: ${CHANNELS.join(', ')}` })
  channel?: Channel[];

  @ApiPropertyOptional({ description: 'This category and its subtopics' })
  @IsOptional()
  @IsUUID()
  categoryId?: string;

  @ApiPropertyOptional({ enum: APPEAL_TYPES })
  @IsOptional()
  @IsIn(APPEAL_TYPES)
  type?: AppealType;
}

export class ReceptionReportQuery extends ReportWindowQuery {
  @ApiPropertyOptional({ enum: RECEPTION_GROUPINGS, default: 'hostType' })
  @IsOptional()
  @IsIn(RECEPTION_GROUPINGS)
  groupBy: ReceptionGrouping = 'hostType';
}
