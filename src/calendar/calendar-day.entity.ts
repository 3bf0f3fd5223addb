import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export const DAY_KINDS = ['holiday', 'workday'] as const;
export type DayKind = (typeof DAY_KINDS)[number];

/** A day that differs from the weekday rule: a holiday on a weekday, or a working Saturday/Sunday. */
@Entity('calendar_days')
export class CalendarDay {
  @PrimaryColumn({ type: 'date' })
  day: string;

  @Column({ type: 'varchar', length: 16 })
  kind: DayKind;

  @Column({ type: 'varchar', length: 200, nullable: true })
  name: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
