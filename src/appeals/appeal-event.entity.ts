import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One change in a case's history; appended in the same transaction as the change. */
@Entity('appeal_events')
export class AppealEvent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'bigint', insert: false, update: false })
  seq: number;

  @Column({ name: 'appeal_id', type: 'uuid' })
  appealId: string;

  @Column({ type: 'varchar', length: 40 })
  type: string;

  @Column({ type: 'timestamptz' })
  at: Date;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ type: 'jsonb' })
  data: Record<string, unknown>;
}
