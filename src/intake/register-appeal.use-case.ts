import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { DataSource, EntityManager } from 'typeorm';
import { outsideScope } from '../access/access-scope';
import { Appeal, Applicant } from '../appeals/appeal.entity';
import { AppealType, Channel, Language, OPEN_STATUSES } from '../appeals/appeal.enums';
import { writeEvents } from '../appeals/event-writer';
import { CalendarService } from '../calendar/calendar.service';
import { AppError } from '../common/errors/app-error';
import { Environment } from '../config/environment';
import { DeadlinePolicies } from '../deadlines/deadline-policies.service';
import { OUTBOX_TOPICS } from '../outbox/outbox-topics';
import { writeOutbox } from '../outbox/outbox-writer';
import { RoutingRulesService } from '../routing/routing-rules.service';
import { formatRegistrationNumber, newTrackingCode } from './registration-number';
import { REPEAT_WINDOW_DAYS } from './repeat-policy';

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
 * first events and the outbox messages, all in one transaction.
 */
@Injectable()
export class RegisterAppeal {
  constructor(
    private readonly ds: DataSource,
    private readonly env: Environment,
    private readonly calendar: CalendarService,
    private readonly routing: RoutingRulesService,
    private readonly policies: DeadlinePolicies,
  ) {}

  /** Joins the caller's transaction when given one (a call or a visit is saved with its appeal). */
  async execute(input: NewAppeal, manager?: EntityManager): Promise<Appeal> {
    return manager ? this.register(input, manager) : this.ds.transaction((m) => this.register(input, m));
  }

  private async register(input: NewAppeal, m: EntityManager): Promise<Appeal> {
    const [refs] = await m.query(
      `SELECT b.region_code AS "regionCode",
              ($3::uuid IS NULL OR b.path <@ (SELECT path FROM branches WHERE id = $3)) AS "inScope",
              EXISTS (SELECT 1 FROM categories WHERE id = $2) AS "categoryExists"
         FROM (SELECT 1) AS one LEFT JOIN branches b ON b.id = $1`,
      [input.branchId, input.categoryId, input.scopeBranchId],
    );
    if (!refs.regionCode) throw AppError.validation(input.branchField, 'branch does not exist');
    if (!refs.inScope) throw outsideScope(input.branchField);
    if (!refs.categoryExists) throw AppError.validation('categoryId', 'category does not exist');

    const zone = this.env.APP_TIMEZONE;
    const receivedOn = DateTime.fromJSDate(input.receivedAt, { zone }).toISODate()!;
    const term = (await this.policies.forType(input.type)).decisionWorkdays;
    const dueDate = await this.calendar.addWorkingDays(receivedOn, term);
    const year = DateTime.now().setZone(zone).year;

    const [{ last_value: sequence }] = await m.query(
      `INSERT INTO registration_counters (region_code, year, last_value) VALUES ($1, $2, 1)
       ON CONFLICT (region_code, year) DO UPDATE SET last_value = registration_counters.last_value + 1
       RETURNING last_value`,
      [refs.regionCode, year],
    );
    const agencyId = await this.routing.resolveAgency(input.categoryId, input.branchId, m);
    const repeatOfId = input.applicant?.iin ? await this.findRepeatOf(m, input.applicant.iin, input.categoryId, refs.regionCode) : null;

    const appeal = m.create(Appeal, {
      number: formatRegistrationNumber(refs.regionCode, year, sequence),
      trackingCode: newTrackingCode(),
      channel: input.channel,
      type: input.type,
      status: agencyId ? 'routed' : 'registered',
      outcome: null,
      categoryId: input.categoryId,
      branchId: input.branchId,
      agencyId,
      subject: input.subject,
      text: input.text,
      language: input.language,
      anonymous: input.anonymous,
      signatories: input.signatories,
      applicant: input.applicant,
      applicantIin: input.applicant?.iin ?? null,
      receivedAt: input.receivedAt,
      receivedOn,
      dueDate,
      deadlineState: 'on_track',
      deadlineStart: receivedOn,
      deadlineTermWorkdays: term,
      pausedWorkdays: 0,
      dueDateExtended: false,
      receptionId: input.receptionId ?? null,
      callId: input.callId ?? null,
      repeatOfId,
      createdBy: input.createdBy,
      version: 1,
    });
    const [row] = await m.query(
      `INSERT INTO appeals (number, tracking_code, channel, type, status, category_id, branch_id, agency_id, subject, text,
                            language, anonymous, signatories, applicant, applicant_iin, received_at, received_on, due_date,
                            reception_id, call_id, repeat_of_id, created_by, deadline_start, deadline_term_workdays)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$22,$17,$23)
       RETURNING id, registered_at AS "registeredAt"`,
      [
        appeal.number, appeal.trackingCode, appeal.channel, appeal.type, appeal.status, appeal.categoryId, appeal.branchId,
        appeal.agencyId, appeal.subject, appeal.text, appeal.language, appeal.anonymous, appeal.signatories,
        appeal.applicant && JSON.stringify(appeal.applicant), appeal.applicantIin, appeal.receivedAt, receivedOn, dueDate,
        appeal.receptionId, appeal.callId, repeatOfId, appeal.createdBy, term,
      ],
    );
    Object.assign(appeal, row);

    await writeEvents(m, [
      {
        appealId: appeal.id,
        type: 'registered',
        actorId: input.createdBy,
        data: { to: 'registered', channel: appeal.channel, branchId: appeal.branchId, dueDate, deadlineStart: receivedOn, termWorkdays: term, repeatOfId },
      },
      ...(agencyId
        ? [{ appealId: appeal.id, type: 'routed', actorId: null, data: { from: 'registered', to: 'routed', agencyId, reason: 'routing rule' } }]
        : []),
    ]);
    await writeOutbox(m, [
      { topic: OUTBOX_TOPICS.notification, appealId: appeal.id, payload: { kind: 'receipt' } },
      ...(agencyId ? [{ topic: OUTBOX_TOPICS.notification, appealId: appeal.id, payload: { kind: 'routed', agencyId } }] : []),
      { topic: OUTBOX_TOPICS.deadlines, appealId: appeal.id },
    ]);
    return appeal;
  }

  /**
   * The same person's earlier appeal on the same issue, within the same region: the staff who
   * see this case are scoped to its region at most, and the link must not point them at a case
   * (or reveal one) elsewhere.
   */
  private async findRepeatOf(m: EntityManager, iin: string, categoryId: string, regionCode: string): Promise<string | null> {
    const [earlier] = await m.query(
      `SELECT a.id FROM appeals a JOIN branches b ON b.id = a.branch_id
        WHERE a.applicant_iin = $1 AND a.category_id = $2 AND b.region_code = $5
          AND (a.status = ANY($3) OR a.registered_at > now() - make_interval(days => $4))
        ORDER BY a.received_at DESC LIMIT 1`,
      [iin, categoryId, OPEN_STATUSES, REPEAT_WINDOW_DAYS, regionCode],
    );
    return earlier?.id ?? null;
  }
}
