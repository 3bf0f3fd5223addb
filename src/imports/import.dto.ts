import { ApiProperty, PickType } from '@nestjs/swagger';

export class ImportLineErrorView {
  /** Line number in the file (1 = the header). */
  line: number;
  /** The column ("line" for a line with the wrong number of fields). */
  field: string;
  message: string;
}

export class AppealImportView {
  id: string;
  @ApiProperty({ enum: ['queued', 'running', 'done', 'failed'] })
  status: string;
  /** Data lines in the file. */
  total: number;
  processed: number;
  imported: number;
  /** Lines whose externalId was imported before (a re-run). */
  skipped: number;
  failed: number;
  @ApiProperty({ type: [ImportLineErrorView] })
  errors: ImportLineErrorView[];
  createdAt: string;
  @ApiProperty({ type: String, nullable: true })
  finishedAt: string | null;
}

/** The 202 answer to an upload: the import to poll. */
export class AcceptedImportView extends PickType(AppealImportView, ['id', 'status'] as const) {}
