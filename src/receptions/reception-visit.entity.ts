import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const VISIT_RESULTS = ['appeal', 'consultation'] as const;
export type VisitResult = (typeof VISIT_RESULTS)[number];

export interface Visitor {
  fullName: string;
  iin?: string;
  phone?: string;
}

@Entity('reception_visits')
export class ReceptionVisit {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'reception_id', type: 'uuid' })
  receptionId: string;

  @Column({ type: 'jsonb' })
  visitor: Visitor;

  @Column({ type: 'varchar', length: 300, nullable: true })
  topic: string | null;

  @Column({ type: 'varchar', length: 20 })
  result: VisitResult;

  @Column({ name: 'appeal_id', type: 'uuid', nullable: true })
  appealId: string | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
