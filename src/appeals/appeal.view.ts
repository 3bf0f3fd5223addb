import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CategoryNamesDto } from '../classifier/category.dto';
import { Appeal } from './appeal.entity';
import { APPEAL_TYPES, AppealType, Channel, CHANNELS, DEADLINE_STATES, DeadlineState, Language, LANGUAGES, Outcome, OUTCOMES, Status, STATUSES } from './appeal.enums';

export class ApplicantView {
  @ApiProperty() fullName: string;
  @ApiPropertyOptional() iin?: string;
  @ApiPropertyOptional({ description: 'E.164' }) phone?: string;
  @ApiPropertyOptional() email?: string;
  @ApiPropertyOptional() address?: string;
}

export class CollectiveView {
  @ApiProperty({ minimum: 2, description: 'How many citizens signed' }) signatories: number;
}

/** The contract's `Appeal` (API.md "Intake"). */
export class AppealView {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'ALA-2026-000042' }) number: string;
  @ApiProperty({ enum: CHANNELS }) channel: Channel;
  @ApiProperty({ enum: APPEAL_TYPES }) type: AppealType;
  @ApiProperty({ enum: STATUSES }) status: Status;
  @ApiProperty({ enum: OUTCOMES, nullable: true }) outcome: Outcome | null;
  @ApiProperty() categoryId: string;
  @ApiProperty() branchId: string;
  @ApiProperty({ nullable: true, type: String }) agencyId: string | null;
  @ApiProperty() subject: string;
  @ApiProperty() text: string;
  @ApiProperty({ enum: LANGUAGES }) language: Language;
  @ApiProperty() anonymous: boolean;
  @ApiProperty({ type: CollectiveView, nullable: true }) collective: CollectiveView | null;
  @ApiProperty({ type: ApplicantView, nullable: true }) applicant: ApplicantView | null;
  @ApiProperty({ format: 'date-time' }) receivedAt: string;
  @ApiProperty({ format: 'date-time' }) registeredAt: string;
  @ApiProperty({ format: 'date', example: '2026-12-14' }) dueDate: string;
  @ApiProperty({ enum: DEADLINE_STATES }) deadlineState: DeadlineState;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) answeredAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) closedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) receptionId: string | null;
  @ApiProperty({ nullable: true, type: String }) callId: string | null;
  @ApiProperty({ nullable: true, type: String }) repeatOfId: string | null;
  @ApiProperty() version: number;
}

/**
 * The mark of a serialised Appeal that carries an applicant's identity, its value the appeal id:
 * whatever response holds the view, the personal-data-reads interceptor finds the mark and
 * records the read (personal-data-reads.interceptor.ts). A symbol key: an object spread
 * (`{ ...toAppealView(a), branch }`) keeps it, JSON never shows it.
 */
export const CARRIES_IDENTITY_OF = Symbol('carries the identity of the applicant of appeal');

/** What identifies the applicant (DOMAIN.md "Personal data"); an anonymous appeal has none of it. */
const IDENTITY_FIELDS = ['fullName', 'iin', 'phone', 'email', 'address'] as const;

export function carriesIdentity(applicant: Appeal['applicant']): boolean {
  return !!applicant && IDENTITY_FIELDS.some((f) => !!applicant[f]);
}

/** The one serialisation of an Appeal: every response that shows a case goes through here. */
export function toAppealView(a: Appeal): AppealView {
  const view = plainAppealView(a);
  if (carriesIdentity(a.applicant)) Object.defineProperty(view, CARRIES_IDENTITY_OF, { value: a.id, enumerable: true });
  return view;
}

function plainAppealView(a: Appeal): AppealView {
  return {
    id: a.id,
    number: a.number,
    channel: a.channel,
    type: a.type,
    status: a.status,
    outcome: a.outcome,
    categoryId: a.categoryId,
    branchId: a.branchId,
    agencyId: a.agencyId,
    subject: a.subject,
    text: a.text,
    language: a.language,
    anonymous: a.anonymous,
    collective: a.signatories ? { signatories: a.signatories } : null,
    applicant: a.applicant,
    receivedAt: a.receivedAt.toISOString(),
    registeredAt: a.registeredAt.toISOString(),
    dueDate: a.dueDate,
    deadlineState: a.deadlineState,
    answeredAt: a.answeredAt?.toISOString() ?? null,
    closedAt: a.closedAt?.toISOString() ?? null,
    receptionId: a.receptionId,
    callId: a.callId,
    repeatOfId: a.repeatOfId,
    version: a.version,
  };
}

export class AppealEventView {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'routed' }) type: string;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ nullable: true, type: String }) actorId: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) data: Record<string, unknown>;
}

export class BranchRefView {
  id: string;
  code: string;
  name: string;
}

export class CategoryRefView {
  id: string;
  code: string;
  names: CategoryNamesDto;
}

export class AgencyRefView {
  id: string;
  code: string;
  name: string;
}

/** A case in a list: the `Appeal` with its branch, category and agency named (API.md v1.1 "Finding cases"). */
export class AppealListItemView extends AppealView {
  @ApiProperty({ type: BranchRefView }) branch: BranchRefView;
  @ApiProperty({ type: CategoryRefView }) category: CategoryRefView;
  @ApiProperty({ type: AgencyRefView, nullable: true }) agency: AgencyRefView | null;
}

export class AppealPage {
  @ApiProperty({ type: [AppealListItemView] }) items: AppealListItemView[];
  @ApiProperty({ description: 'Exact up to 10,000 matches; beyond that the planner\'s estimate (see totalIsEstimate)' }) total: number;
  @ApiProperty({ description: 'true when more than 10,000 cases match and total is an estimate' }) totalIsEstimate: boolean;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}
