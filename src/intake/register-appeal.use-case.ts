import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import type { PoolClient } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import { outsideScope } from '../access/access-scope';
import { Appeal, Applicant } from '../appeals/appeal.entity';
import { AppealType, Channel, Language } from '../appeals/appeal.enums';
import { CalendarService } from '../calendar/calendar.service';
import { AppError } from '../common/errors/app-error';
import { Environment } from '../config/environment';
import { DeadlinePolicies } from '../deadlines/deadline-policies.service';
import { REGISTER_APPEAL_SQL } from './register-appeal.sql';
import { newTrackingCode } from './tracking-code';

export interface NewAppeal {
  channel: Channel;
  type: AppealType;
  categoryId: string;
  branchId: string;
  subject: string;
  text: string;
  language: Language;
  anonymous: boolean;
  signatories: number | null;
  applicant: Applicant | null;
  receivedAt: Date;
  createdBy: string | null;
  receptionId?: string;
  callId?: string;
  /** The subtree staff may register in (null: anywhere), checked in the same query as the references. */
  scopeBranchId: string | null;
  /** Where the branch sits in the request body, for error details ("branchId", "appeal.branchId"). */
  branchField: string;
}

/**
 * Registers an appeal from any channel: number, due date, routing by rule, repeat link, the
 * first events and the outbox messages, in one statement (register-appeal.sql.ts): one round
 * trip to Postgres per appeal. The due date is computed here from the cached calendar and
 * deadline policy, which need no database.
 */
@Injectable()
export class RegisterAppeal {
  constructor(
    private readonly ds: DataSource,
    private readonly env: Environment,
    private readonly calendar: CalendarService,
    private readonly policies: DeadlinePolicies,
  ) {}

  /** Joins the caller's transaction when given one (a call or a visit is saved with its appeal). */
  async execute(input: NewAppeal, manager: EntityManager = this.ds.manager): Promise<Appeal> {
    const zone = this.env.APP_TIMEZONE;
    const receivedOn = DateTime.fromJSDate(input.receivedAt, { zone }).toISODate()!;
    const term = (await this.policies.forType(input.type)).decisionWorkdays;
    const dueDate = await this.calendar.addWorkingDays(receivedOn, term);
    const year = DateTime.now().setZone(zone).year;
    const trackingCode = newTrackingCode();
    const iin = input.applicant?.iin ?? null;

    const row = await this.runRegistration(manager, [
      input.branchId, input.categoryId, input.scopeBranchId, year, trackingCode, input.channel, input.type, input.subject, input.text,
      input.language, input.anonymous, input.signatories, input.applicant && JSON.stringify(input.applicant), iin, input.receivedAt,
      receivedOn, dueDate, input.receptionId ?? null, input.callId ?? null, input.createdBy, term,
    ]);
    if (!row.branchExists) throw AppError.validation(input.branchField, 'branch does not exist');
    if (!row.inScope) throw outsideScope(input.branchField);
    if (!row.categoryExists) throw AppError.validation('categoryId', 'category does not exist');

    return Object.assign(new Appeal(), {
      id: row.id,
      number: row.number,
      trackingCode,
      channel: input.channel,
      type: input.type,
      status: row.status,
      outcome: null,
      categoryId: input.categoryId,
      branchId: input.branchId,
      agencyId: row.agencyId,
      subject: input.subject,
      text: input.text,
      language: input.language,
      anonymous: input.anonymous,
      signatories: input.signatories,
      applicant: input.applicant,
      applicantIin: iin,
      receivedAt: input.receivedAt,
      receivedOn,
      registeredAt: row.registeredAt,
      dueDate,
      deadlineState: 'on_track',
      deadlineStart: receivedOn,
      deadlineTermWorkdays: term,
      pausedWorkdays: 0,
      dueDateExtended: false,
      answeredAt: null,
      answerText: null,
      answerReason: null,
      closedAt: null,
      pausedAt: null,
      receptionId: input.receptionId ?? null,
      callId: input.callId ?? null,
      repeatOfId: row.repeatOfId,
      createdBy: input.createdBy,
      version: 1,
    } satisfies Appeal);
  }

  /**
   * Runs the statement as a named prepared statement on the connection (the caller's, inside its
   * transaction, or one from the pool): Postgres parses and plans it once per connection, and each
   * registration sends only its parameters. TypeORM's query() cannot name a statement, hence the
   * driver's client.
   */
  private async runRegistration(manager: EntityManager, values: unknown[]): Promise<RegistrationRow> {
    const runner = manager.queryRunner ?? this.ds.createQueryRunner();
    try {
      const client = (await runner.connect()) as PoolClient;
      const { rows } = await client.query<RegistrationRow>({ name: 'register-appeal', text: REGISTER_APPEAL_SQL, values });
      return rows[0];
    } finally {
      if (!manager.queryRunner) await runner.release();
    }
  }
}

interface RegistrationRow {
  branchExists: boolean;
  inScope: boolean;
  categoryExists: boolean;
  id: string;
  number: string;
  status: Appeal['status'];
  agencyId: string | null;
  repeatOfId: string | null;
  registeredAt: Date;
}
