import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';
import { APPEAL_TYPES, AppealType, DEADLINE_STATES, DeadlineState, STATUSES, Status } from '../appeals/appeal.enums';
import { PageQuery } from '../common/pagination/page';
import { DEADLINE_JOB_KINDS, DeadlineJobKind } from './deadline-plan';
import { DeadlinePolicyView } from './deadline-policy.dto';

export class UpcomingQuery extends PageQuery {
  /** Cases due within this many working days from today (0: due today). */
  @ApiPropertyOptional({ minimum: 0, maximum: 60, default: 3 })
  @IsOptional()
  // Only digits convert: Number('') is 0, so `workdays=` would silently mean "today".
  @Transform(({ value }) => (typeof value === 'string' && /^-?\d{1,6}$/.test(value) ? Number(value) : value))
  @IsInt()
  @Min(0)
  @Max(60)
  workdays: number = 3;
}

export class StaffNotificationQuery extends PageQuery {
  /** Only the notifications the caller has not marked read. */
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  unread?: boolean;
}

/** A case on a deadline list: what a controller needs to act, no personal data. */
export class DeadlineCaseView {
  @ApiProperty() id: string;
  @ApiProperty() number: string;
  @ApiProperty({ enum: STATUSES }) status: Status;
  @ApiProperty({ enum: APPEAL_TYPES }) type: AppealType;
  @ApiProperty() categoryId: string;
  @ApiProperty() branchId: string;
  @ApiProperty({ nullable: true, type: String }) agencyId: string | null;
  @ApiProperty({ format: 'date-time' }) receivedAt: string;
  @ApiProperty({ format: 'date' }) dueDate: string;
  @ApiProperty({ enum: DEADLINE_STATES }) deadlineState: DeadlineState;
  /** Working days from today to the due date: negative when overdue. */
  @ApiProperty() workdaysLeft: number;
}

export class DeadlineCasePage {
  @ApiProperty({ type: [DeadlineCaseView] }) items: DeadlineCaseView[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class SkippedDayView {
  @ApiProperty({ format: 'date' }) date: string;
  @ApiProperty({ enum: ['weekend', 'holiday'] }) reason: 'weekend' | 'holiday';
  @ApiProperty({ nullable: true, type: String }) name: string | null;
}

/** How the due date was reached. */
export class DeadlineBasisView {
  /** Day 0 of the term: the day of receipt (or of a transfer, when the policy restarts the clock). */
  @ApiProperty({ format: 'date' }) startDate: string;
  @ApiProperty() termWorkdays: number;
  /** Working days the clock was stopped while the agency waited for the citizen. */
  @ApiProperty() pausedWorkdays: number;
  /** The due date was set by a controller's extension. */
  @ApiProperty() extended: boolean;
  /** startDate + termWorkdays + pausedWorkdays working days under today's calendar. */
  @ApiProperty({ format: 'date' }) computedDueDate: string;
  /** Days between the start and the computed due date that did not count. */
  @ApiProperty({ type: [SkippedDayView] }) daysSkipped: SkippedDayView[];
}

export class DeadlineHistoryView {
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ example: 'extended' }) type: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) data: Record<string, unknown>;
}

export class ScheduledMomentView {
  @ApiProperty({ enum: DEADLINE_JOB_KINDS }) kind: DeadlineJobKind;
  @ApiPropertyOptional() step?: number;
  @ApiProperty({ format: 'date-time' }) runAt: string;
}

export class AppealDeadlineView {
  @ApiProperty() appealId: string;
  @ApiProperty() number: string;
  @ApiProperty({ enum: STATUSES }) status: Status;
  @ApiProperty({ format: 'date' }) receivedOn: string;
  @ApiProperty({ format: 'date' }) dueDate: string;
  @ApiProperty({ enum: DEADLINE_STATES }) deadlineState: DeadlineState;
  /** Working days from today to the due date (negative when late); null once decided or withdrawn. */
  @ApiProperty({ nullable: true, type: Number }) workdaysLeft: number | null;
  @ApiProperty({ type: DeadlinePolicyView }) policy: DeadlinePolicyView;
  @ApiProperty({ type: DeadlineBasisView }) basis: DeadlineBasisView;
  /** Changes of the deadline, oldest first: registration, transfers, pauses, extensions, reminders, overdue, escalations. */
  @ApiProperty({ type: [DeadlineHistoryView] }) history: DeadlineHistoryView[];
  /** The moments still ahead for this case (its deadline jobs). */
  @ApiProperty({ type: [ScheduledMomentView] }) scheduled: ScheduledMomentView[];
}

export class DeadlineStatsView {
  /** Open cases whose clock runs, by deadline state, in the caller's scope. */
  @ApiProperty() onTrack: number;
  @ApiProperty() dueSoon: number;
  @ApiProperty() overdue: number;
  /** Cases waiting for the citizen (clock stopped). */
  @ApiProperty() paused: number;
}

export class StaffNotificationView {
  @ApiProperty() id: number;
  @ApiProperty({ enum: ['reminder', 'overdue', 'escalation', 'forwarding_overdue', 'routed', 'clarification_received'] }) kind: string;
  @ApiProperty() appealId: string;
  @ApiProperty() number: string;
  @ApiProperty({ nullable: true, type: String }) branchId: string | null;
  @ApiProperty({ nullable: true, type: String }) agencyId: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) data: Record<string, unknown>;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'When the caller marked it read (each user reads for themselves)' })
  readAt: string | null;
}

export class StaffNotificationPage {
  @ApiProperty({ type: [StaffNotificationView] }) items: StaffNotificationView[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class StaffNotificationIdParam {
  @Transform(({ value }) => (typeof value === 'string' && /^\d{1,15}$/.test(value) ? Number(value) : value))
  @IsInt()
  @Min(1)
  id: number;
}
