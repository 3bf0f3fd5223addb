import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { AppealType } from '../appeals/appeal.enums';
import { CalendarService } from '../calendar/calendar.service';
import { termStartDay } from '../calendar/statutory-term';
import { Environment } from '../config/environment';
import { DeadlinePolicies } from '../deadlines/deadline-policies.service';
import { newTrackingCode } from '../intake/tracking-code';
import { parseCsv } from './csv';
import { CodeMaps, IMPORT_COLUMNS, ImportColumn, ImportedAppeal, ImportRecord, LineError, REQUIRED_COLUMNS, validateLine } from './import-columns';

const BATCH = 500;
/** The APPK (working days) applies to appeals received from 1 July 2021; before, Law No. 221: 15 calendar days. */
const APPK_SINCE = '2021-07-01';
const LEGACY_TERM_DAYS = 15;
const MAX_ERRORS_KEPT = 10_000;

/**
 * Runs one historical import (worker): validates every line, inserts the valid ones in batches,
 * each batch and its progress in one transaction. Imported appeals are finished history: no
 * outbox rows (no notifications, no deadline jobs), deadline state met/missed from the answer
 * date against the due date. A line whose externalId is already in the table is skipped, so a
 * re-run (or a retried job) imports nothing twice.
 */
@Injectable()
export class RunAppealImport {
  constructor(
    private readonly ds: DataSource,
    private readonly env: Environment,
    private readonly calendar: CalendarService,
    private readonly policies: DeadlinePolicies,
  ) {}

  async execute(importId: string): Promise<void> {
    // An UPDATE through TypeORM answers [rows, affected].
    const [[job]] = await this.ds.query(
      `UPDATE appeal_imports SET status = 'running', started_at = now(), processed = 0, imported = 0, skipped = 0, failed = 0, errors = '[]'
        WHERE id = $1 AND status IN ('queued','running') RETURNING csv, created_by AS "createdBy"`,
      [importId],
    );
    if (!job) return; // finished already: a duplicate job does nothing
    const records = parseCsv(job.csv);
    const header = records.shift();
    const headerErrors = this.checkHeader(header?.cells ?? []);
    if (headerErrors.length) {
      await this.ds.query(`UPDATE appeal_imports SET status = 'failed', errors = $2, finished_at = now() WHERE id = $1`, [importId, JSON.stringify(headerErrors)]);
      return;
    }
    const columns = header!.cells.map((c) => c.trim());
    await this.ds.query(`UPDATE appeal_imports SET total = $2 WHERE id = $1`, [importId, records.length]);
    const maps = await this.codeMaps();
    const today = DateTime.now().setZone(this.env.APP_TIMEZONE).toISODate()!;

    for (let start = 0; start < records.length; start += BATCH) {
      const errors: LineError[] = [];
      const valid: ImportedAppeal[] = [];
      const batch = records.slice(start, start + BATCH);
      for (const rec of batch) {
        const record: ImportRecord = Object.fromEntries(columns.map((c, i) => [c, rec.cells[i] ?? '']));
        if (rec.cells.length !== columns.length) errors.push({ line: rec.line, field: 'line', message: `has ${rec.cells.length} fields, the header ${columns.length}` });
        else {
          const result = validateLine(rec.line, record, maps, today);
          if ('errors' in result) errors.push(...result.errors);
          else valid.push(result.appeal);
        }
      }
      await this.ds.transaction(async (m) => {
        const rows = await Promise.all(valid.map((a) => this.toRow(a, job.createdBy)));
        const inserted: { external_id: string }[] = rows.length
          ? await m.query(INSERT_SQL, [JSON.stringify(rows), this.env.APP_TIMEZONE])
          : [];
        const insertedIds = new Set(inserted.map((r) => r.external_id));
        const missing = valid.filter((a) => !insertedIds.has(a.externalId));
        const existing = new Set<string>(
          missing.length
            ? (await m.query(`SELECT external_id FROM appeals WHERE external_id = ANY($1)`, [missing.map((a) => a.externalId)])).map((r: { external_id: string }) => r.external_id)
            : [],
        );
        for (const a of missing) if (!existing.has(a.externalId)) errors.push({ line: a.line, field: 'number', message: 'is already used by another appeal' });
        const failedLines = new Set(errors.map((e) => e.line)).size;
        await m.query(
          `UPDATE appeal_imports SET processed = processed + $2, imported = imported + $3, skipped = skipped + $4, failed = failed + $5,
                  errors = CASE WHEN jsonb_array_length(errors) < $7 THEN errors || $6::jsonb ELSE errors END
            WHERE id = $1`,
          [importId, batch.length, inserted.length, existing.size, failedLines,
            JSON.stringify(errors), MAX_ERRORS_KEPT],
        );
      });
    }
    await this.ds.query(`UPDATE appeal_imports SET status = 'done', finished_at = now() WHERE id = $1`, [importId]);
  }

  private checkHeader(cells: string[]): LineError[] {
    const names = cells.map((c) => c.trim());
    const errors: LineError[] = [];
    for (const c of names) if (!(IMPORT_COLUMNS as readonly string[]).includes(c)) errors.push({ line: 1, field: c || 'header', message: 'is not a known column' });
    for (const c of REQUIRED_COLUMNS) if (!names.includes(c)) errors.push({ line: 1, field: c, message: 'column is missing' });
    return errors;
  }

  private async codeMaps(): Promise<CodeMaps> {
    const map = async (table: string) => new Map<string, string>((await this.ds.query(`SELECT code, id FROM ${table}`)).map((r: { code: string; id: string }) => [r.code, r.id]));
    return { branches: await map('branches'), categories: await map('categories'), agencies: await map('agencies') };
  }

  private async toRow(a: ImportedAppeal, createdBy: string | null) {
    const termWorkdays = (await this.policies.forType(a.type as AppealType)).decisionWorkdays;
    const calendar = await this.calendar.calendar();
    const deadlineStart = termStartDay(calendar, a.receivedOn);
    const computedDueDate = calendar.addWorkingDays(deadlineStart, termWorkdays);
    const dueDate = a.dueDate ?? (a.receivedOn < APPK_SINCE ? legacyDueDate(a.receivedOn) : computedDueDate);
    return {
      ...a,
      dueDate,
      deadlineStart,
      termWorkdays,
      // A due date from the file or the old law was not computed from the working-day term.
      dueDateExtended: dueDate !== computedDueDate,
      trackingCode: newTrackingCode(),
      deadlineState: a.answeredOn ? (a.answeredOn <= dueDate ? 'met' : 'missed') : 'on_track',
      answerText: a.outcome ? (a.answerText ?? 'Ответ из архива (исторический импорт)') : null,
      answerReason: a.outcome === 'rejected' || a.outcome === 'without_consideration' ? 'Исторический импорт: основание в архиве' : null,
      createdBy,
    };
  }
}

/** Law No. 221 (until 30 June 2021): 15 calendar days. */
function legacyDueDate(receivedOn: string): string {
  return DateTime.fromISO(receivedOn, { zone: 'utc' }).plus({ days: LEGACY_TERM_DAYS }).toISODate()!;
}

/** Set-based insert of a batch; a line whose externalId (or number) exists already inserts nothing. */
const INSERT_SQL = `
  WITH input AS (
    SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(
      "externalId" text, number text, "trackingCode" text, "receivedOn" date, "dueDate" date, "branchId" uuid, "categoryId" uuid,
      "agencyId" uuid, channel text, type text, language text, status text, outcome text, "answeredOn" date, subject text, text text,
      "answerText" text, "answerReason" text, applicant jsonb, "deadlineState" text, "createdBy" uuid,
      "deadlineStart" date, "termWorkdays" smallint, "dueDateExtended" boolean)),
  ins AS (
    INSERT INTO appeals (external_id, number, tracking_code, channel, type, status, outcome, category_id, branch_id, agency_id, subject,
                         text, language, anonymous, applicant, applicant_iin, received_at, received_on, registered_at, due_date,
                         deadline_state, answered_at, answer_text, answer_reason, closed_at, created_by,
                         deadline_start, deadline_term_workdays, due_date_extended)
    SELECT "externalId", number, "trackingCode", channel, type, status, outcome, "categoryId", "branchId", "agencyId", subject,
           text, language, applicant IS NULL, applicant, applicant->>'iin', "receivedOn"::timestamp AT TIME ZONE $2, "receivedOn",
           "receivedOn"::timestamp AT TIME ZONE $2, "dueDate", "deadlineState",
           ("answeredOn" + time '12:00') AT TIME ZONE $2, "answerText", "answerReason",
           CASE WHEN status = 'closed' THEN ("answeredOn" + time '12:00') AT TIME ZONE $2 END, "createdBy",
           "deadlineStart", "termWorkdays", "dueDateExtended"
      FROM input
    ON CONFLICT DO NOTHING
    RETURNING id, external_id),
  ev AS (
    INSERT INTO appeal_events (appeal_id, type, actor_id, data)
    SELECT ins.id, 'imported', input."createdBy", jsonb_build_object('externalId', ins.external_id)
      FROM ins JOIN input ON input."externalId" = ins.external_id)
  SELECT external_id FROM ins`;
