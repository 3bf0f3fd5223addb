import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A topic of the bilingual classifier; `path` is kept by a database trigger. */
@Entity('categories')
export class Category {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 64 })
  code: string;

  @Column({ name: 'name_kk', type: 'varchar', length: 300 })
  nameKk: string;

  @Column({ name: 'name_ru', type: 'varchar', length: 300 })
  nameRu: string;

  @Column({ name: 'name_en', type: 'varchar', length: 300 })
  nameEn: string;

  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
