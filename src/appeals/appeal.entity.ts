import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { AppealType, Channel, DeadlineState, Language, Outcome, Status } from './appeal.enums';

export interface Applicant {
  fullName: string;
  iin?: string;
  phone?: string;
  email?: string;
  address?: string;
}

@Entity('appeals')
export class Appeal {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 48 })
  number: string;

  @Column({ name: 'tracking_code', type: 'varchar', length: 16, select: false })
  trackingCode: string;

  @Column({ type: 'varchar', length: 16 })
  channel: Channel;

  @Column({ type: 'varchar', length: 16 })
  type: AppealType;

  @Column({ type: 'varchar', length: 16 })
  status: Status;

  @Column({ type: 'varchar', length: 24, nullable: true })
  outcome: Outcome | null;

  @Column({ name: 'category_id', type: 'uuid' })
  categoryId: string;

  @Column({ name: 'branch_id', type: 'uuid' })
  branchId: string;

  @Column({ name: 'agency_id', type: 'uuid', nullable: true })
  agencyId: string | null;

  @Column({ type: 'varchar', length: 300 })
  subject: string;

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'varchar', length: 2 })
  language: Language;

  @Column({ type: 'boolean' })
  anonymous: boolean;

  @Column({ type: 'integer', nullable: true })
  signatories: number | null;

  @Column({ type: 'jsonb', nullable: true })
  applicant: Applicant | null;

  @Column({ name: 'applicant_iin', type: 'char', length: 12, nullable: true, select: false })
  applicantIin: string | null;

  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt: Date;

  @Column({ name: 'received_on', type: 'date' })
  receivedOn: string;

  @Column({ name: 'registered_at', type: 'timestamptz' })
  registeredAt: Date;

  @Column({ name: 'due_date', type: 'date' })
  dueDate: string;

  @Column({ name: 'deadline_state', type: 'varchar', length: 16 })
  deadlineState: DeadlineState;

  /** Day 0 of the statutory term (the day of receipt, or of a transfer when policy restarts the clock). */
  @Column({ name: 'deadline_start', type: 'date' })
  deadlineStart: string;

  /** The policy's term in working days when the case was registered. */
  @Column({ name: 'deadline_term_workdays', type: 'smallint' })
  deadlineTermWorkdays: number;

  /** Working days the clock was stopped (clarification requests), added to the term. */
  @Column({ name: 'paused_workdays', type: 'integer' })
  pausedWorkdays: number;

  /** The due date was set by a controller's extension rather than computed from the term. */
  @Column({ name: 'due_date_extended', type: 'boolean' })
  dueDateExtended: boolean;

  @Column({ name: 'answered_at', type: 'timestamptz', nullable: true })
  answeredAt: Date | null;

  @Column({ name: 'answer_text', type: 'text', nullable: true })
  answerText: string | null;

  /** Why the case was refused (required for rejected and without_consideration). */
  @Column({ name: 'answer_reason', type: 'text', nullable: true })
  answerReason: string | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  /** When the clock was stopped; set exactly while the case is paused. */
  @Column({ name: 'paused_at', type: 'timestamptz', nullable: true })
  pausedAt: Date | null;

  @Column({ name: 'reception_id', type: 'uuid', nullable: true })
  receptionId: string | null;

  @Column({ name: 'call_id', type: 'uuid', nullable: true })
  callId: string | null;

  @Column({ name: 'repeat_of_id', type: 'uuid', nullable: true })
  repeatOfId: string | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @Column({ type: 'integer' })
  version: number;
}
