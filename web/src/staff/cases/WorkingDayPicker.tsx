import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button';
import { DateText } from '../../ui/dates';
import { TextField } from '../../ui/fields';
import { addDays } from '../app-dates';
import { dueDateAfter, listCalendar } from '../work-api';

type Day = { date: string; kind: 'holiday' | 'workday'; name: string | null };

/** Whether a date is a working day: the weekday rule, overridden by the calendar's exceptions. */
export function isWorkingDay(date: string, exceptions: Day[]): boolean {
  const own = exceptions.find((d) => d.date === date);
  if (own) return own.kind === 'workday';
  const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/**
 * A date field that only accepts working days (GET /calendar for the exceptions of the period), with
 * shortcuts "N working days after the current due date" counted by the service (GET /calendar/due-date).
 */
export function WorkingDayPicker(props: { name: string; label: string; value: string; onChange: (v: string) => void; from: string; until: string; error?: string }) {
  const { t } = useTranslation('staff');
  const { name, label, value, onChange, from, until } = props;
  const [exceptions, setExceptions] = useState<Day[]>([]);
  useEffect(() => {
    let live = true;
    listCalendar(from, addDays(until, 7)).then((days) => live && setExceptions(days as Day[]), () => undefined);
    return () => {
      live = false;
    };
  }, [from, until]);
  const own = value && /^\d{4}-\d{2}-\d{2}$/.test(value) && !isWorkingDay(value, exceptions) ? t('extend.notWorkingDay', { name: exceptions.find((d) => d.date === value)?.name ?? '' }) : undefined;
  const holidays = exceptions.filter((d) => d.kind === 'holiday' && d.date >= from && d.date <= until);
  return (
    <>
      <TextField
        name={name}
        type="date"
        label={label}
        hint={
          <>
            {t('extend.hint')} <DateText date={until} />.
            {holidays.length ? ` ${t('extend.holidays')} ${holidays.map((h) => `${h.date}${h.name ? ` (${h.name})` : ''}`).join(', ')}.` : ''}
          </>
        }
        required
        value={value}
        onChange={onChange}
        error={props.error || own}
      />
      <div className="actions actions--small">
        {[5, 10, 15].map((n) => (
          <Button key={n} variant="secondary" onClick={() => void dueDateAfter(from, n).then((r) => onChange(r.dueDate))}>
            {t('extend.plus', { count: n })}
          </Button>
        ))}
      </div>
    </>
  );
}
