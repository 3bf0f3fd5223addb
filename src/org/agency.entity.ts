import type { LocalisedNames } from '../common/i18n/localised-names';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A state agency; `branchId` is the territory it serves (a branch subtree), null = national. */
@Entity('agencies')
export class Agency {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 64 })
  code: string;

  @Column({ type: 'varchar', length: 300 })
  name: string;

  /** {kk, ru, en}; `name` is the Russian one. */
  @Column({ type: 'jsonb' })
  names: LocalisedNames;

  @Column({ name: 'branch_id', type: 'uuid', nullable: true })
  branchId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
