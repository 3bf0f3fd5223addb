import { Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import { EntityManager } from 'typeorm';
import { outsideScope } from '../access/access-scope';
import { Appeal, Applicant } from '../appeals/appeal.entity';
import { AppealType, Channel, Language } from '../appeals/appeal.enums';
import { CalendarService } from '../calendar/calendar.service';
import { termStartDay } from '../calendar/statutory-term';
import { AppError } from '../common/errors/app-error';
import { dateInZone } from '../common/time/date-in-zone';
import { Environment } from '../config/environment';
import { DeadlinePolicies } from '../deadlines/deadline-policies.service';
import { RegistrationParams } from './register-appeal.sql';
import { RegistrationBatcher } from './registration-batcher';
import { runRegistrations } from './run-registrations';
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
 * first events and the outbox messages, in one statement (register-appeal.sql.ts): at most one
 * round trip to Postgres per appeal, fewer when registrations share a statement
 * (registration-batcher.ts). The due date is computed here from the cached calendar and deadline
 * policy, which need no database.
 */
@Injectable()
export class RegisterAppeal {
  constructor(
    private readonly batcher: RegistrationBatcher,
    private readonly env: Environment,
    private readonly calendar: CalendarService,
    private readonly policies: DeadlinePolicies,
  ) {}

  /**
   * Joins the caller's transaction when given one (a call or a visit is saved with its appeal);
   * alone, it shares a statement with the registrations arriving at the same time.
   */
  async execute(input: NewAppeal, manager?: EntityManager): Promise<Appeal> {
    const zone = this.env.APP_TIMEZONE;
    const receivedOn = dateInZone(input.receivedAt, zone);
    const term = (await this.policies.forType(input.type)).decisionWorkdays;
    const calendar = await this.calendar.calendar();
    const deadlineStart = termStartDay(calendar, receivedOn);
    const dueDate = calendar.addWorkingDays(deadlineStart, term);
    const year = Number(dateInZone(new Date(), zone).slice(0, 4));
    const trackingCode = newTrackingCode();
    const iin = input.applicant?.iin ?? null;

    const params: RegistrationParams = {
      branch_id: input.branchId,
      category_id: input.categoryId,
      scope_id: input.scopeBranchId,
      year,
      tracking_code: trackingCode,
      channel: input.channel,
      type: input.type,
      subject: input.subject,
      text: input.text,
      language: input.language,
      anonymous: input.anonymous,
      signatories: input.signatories,
      applicant: input.applicant,
      applicant_iin: iin,
      received_at: input.receivedAt.toISOString(),
      received_on: receivedOn,
      deadline_start: deadlineStart,
      due_date: dueDate,
      reception_id: input.receptionId ?? null,
      call_id: input.callId ?? null,
      created_by: input.createdBy,
      term,
    };
    const row = manager?.queryRunner
      ? (await runRegistrations((await manager.queryRunner.connect()) as PoolClient, [params]))[0]
      : await this.batcher.register(params);
    if (!row.branchExists) throw AppError.validation(input.branchField, 'branch does not exist', 'not_exists');
    if (!row.inScope) throw outsideScope(input.branchField);
    if (!row.categoryExists) throw AppError.validation('categoryId', 'category does not exist', 'not_exists');

    return Object.assign(new Appeal(), {
      id: row.id!,
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
      deadlineStart,
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
}
