import { registerDecorator, ValidationOptions } from 'class-validator';
import { DateTime } from 'luxon';

/**
 * The dates the service deals in: appeals (the APPK since 2021, legacy data since 2007), the working-day
 * calendar, reports and their year-on-year comparisons. Dates outside are typos (9999-12-31), and they
 * overflowed the report arithmetic into a 500 before.
 */
export const DATE_RANGE = { min: '2000-01-01', max: '2100-12-31' } as const;

export type CalendarDateProblem = 'format' | 'range';

/** What is wrong with a YYYY-MM-DD date (2026-02-30 is not a date; 9999-12-31 is out of range), or null. */
export function calendarDateProblem(value: unknown): CalendarDateProblem | null {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value) || !DateTime.fromISO(value, { zone: 'utc' }).isValid) return 'format';
  return value < DATE_RANGE.min || value > DATE_RANGE.max ? 'range' : null;
}

/** A real calendar date written YYYY-MM-DD, within DATE_RANGE. */
export function isCalendarDate(value: unknown): value is string {
  return calendarDateProblem(value) === null;
}

export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isCalendarDate',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: `must be a date written YYYY-MM-DD, from ${DATE_RANGE.min} to ${DATE_RANGE.max}`, ...options },
      validator: { validate: isCalendarDate },
    });
}

/**
 * An ISO-8601 instant with an explicit offset or Z (a bare local time is ambiguous). Luxon takes
 * any two-digit offset (+25:00), which `new Date` cannot read, so both must accept it.
 */
export function isInstant(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/.test(value) &&
    DateTime.fromISO(value, { setZone: true }).isValid &&
    !Number.isNaN(Date.parse(value))
  );
}

export function IsInstant(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isInstant',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: 'must be an ISO-8601 instant with an offset, e.g. 2026-03-01T09:30:00+05:00', ...options },
      validator: { validate: isInstant },
    });
}
