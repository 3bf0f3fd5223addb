import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { IsCalendarDate } from '../common/validation/calendar-date';
import { DAY_KINDS, DayKind } from './calendar-day.entity';

export class DateParam {
  @IsCalendarDate()
  date: string;
}

export class SetCalendarDayDto {
  @ApiProperty({ enum: DAY_KINDS })
  @IsIn(DAY_KINDS)
  kind: DayKind;

  @IsOptional()
  @IsString()
  @Length(1, 200)
  name?: string;
}

export class CalendarRangeQuery {
  @IsCalendarDate()
  from: string;

  @IsCalendarDate()
  to: string;
}

export class DueDateQuery {
  @ApiProperty({ format: 'date', description: 'The day to count from; the answer is the `workdays`-th working day after it (for a statutory term, pass its day 0: the day of receipt when it is a working day, else the next working day)' })
  @IsCalendarDate()
  from: string;

  // Only digits convert: Number('') is 0, so `workdays=` would silently mean "the same day".
  @Transform(({ value }) => (typeof value === 'string' && /^-?\d{1,6}$/.test(value) ? Number(value) : value))
  @IsInt()
  @Min(0)
  @Max(3650)
  workdays: number;
}

export class CalendarDayView {
  date: string;
  @ApiProperty({ enum: DAY_KINDS })
  kind: DayKind;
  name: string | null;
}

export class DueDateView {
  dueDate: string;
}

export class CalendarImpactView {
  /** Open cases whose term runs over the day (their due date moves if the day changes). */
  openCases: number;
}
