import type { LocalisedNames } from '../common/i18n/localised-names';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const BRANCH_LEVELS = ['central', 'regional', 'district', 'primary'] as const;
export type BranchLevel = (typeof BRANCH_LEVELS)[number];

/** A node of the party's branch tree; `path` and `regionCode` are kept by a database trigger. */
@Entity('branches')
export class Branch {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 32 })
  code: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  /** {kk, ru, en}; `name` is the Russian one. */
  @Column({ type: 'jsonb' })
  names: LocalisedNames;

  @Column({ type: 'varchar', length: 16 })
  level: BranchLevel;

  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId: string | null;

  @Column({ type: 'ltree', insert: false, update: false, select: false })
  path: string;

  @Column({ name: 'region_code', type: 'varchar', length: 32, insert: false, update: false })
  regionCode: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
