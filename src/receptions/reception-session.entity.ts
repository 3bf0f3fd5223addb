import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const HOST_TYPES = ['majilis_deputy', 'senate_deputy', 'maslikhat_deputy', 'agency_head', 'party_official'] as const;
export type HostType = (typeof HOST_TYPES)[number];

export const RECEPTION_FORMATS = ['in_person', 'mobile', 'video'] as const;
export type ReceptionFormat = (typeof RECEPTION_FORMATS)[number];

/** A reception held by a deputy, an agency head or a party official at (or for) a branch. */
@Entity('reception_sessions')
export class ReceptionSession {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'branch_id', type: 'uuid' })
  branchId: string;

  @Column({ name: 'host_name', type: 'varchar', length: 200 })
  hostName: string;

  @Column({ name: 'host_type', type: 'varchar', length: 32 })
  hostType: HostType;

  @Column({ name: 'agency_id', type: 'uuid', nullable: true })
  agencyId: string | null;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt: Date;

  /** The date of `startsAt` in APP_TIMEZONE, as `appeals.received_on`: the month the reports count the session in. */
  @Column({ name: 'starts_on', type: 'date' })
  startsOn: string;

  @Column({ name: 'ends_at', type: 'timestamptz', nullable: true })
  endsAt: Date | null;

  @Column({ type: 'varchar', length: 16 })
  format: ReceptionFormat;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
