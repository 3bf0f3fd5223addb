import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const CALL_RESULTS = ['appeal', 'consultation', 'status_inquiry'] as const;
export type CallResult = (typeof CALL_RESULTS)[number];

/** One call logged by a call-centre operator; only a call with result "appeal" creates a case. */
@Entity('calls')
export class Call {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The operator's branch, so calls are scoped like everything else. */
  @Column({ name: 'branch_id', type: 'uuid', nullable: true })
  branchId: string | null;

  @Column({ name: 'operator_id', type: 'uuid', nullable: true })
  operatorId: string | null;

  @Column({ name: 'caller_phone', type: 'varchar', length: 16 })
  callerPhone: string;

  @Column({ name: 'started_at', type: 'timestamptz' })
  startedAt: Date;

  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true })
  endedAt: Date | null;

  @Column({ type: 'varchar', length: 20 })
  result: CallResult;

  @Column({ type: 'text', nullable: true })
  notes: string | null;

  @Column({ name: 'appeal_number', type: 'varchar', length: 48, nullable: true })
  appealNumber: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
