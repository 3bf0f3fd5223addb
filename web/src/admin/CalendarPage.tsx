import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, call } from '../api/client';
import { ApiError } from '../api/errors';
import type { components } from '../api/schema';
import { currentLanguage } from '../i18n/i18n';
import { formatDate } from '../i18n/format';
import { Button } from '../ui/Button';
import { TextField } from '../ui/fields';
import { Loading } from '../ui/Loading';
import { Notice } from '../ui/Notice';
import { PageTitle } from '../ui/PageTitle';
import './admin.css';

type Day = components['schemas']['CalendarDayView'];
const pad = (n: number) => String(n).padStart(2, '0');

/** A day's kind: the weekday rule (Saturday and Sunday off) unless the calendar says otherwise. */
function dayState(date: string, overrides: Map<string, Day>): 'working' | 'off' | 'holiday' | 'workday' {
  const o = overrides.get(date);
  if (o) return o.kind;
  const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
  return weekday === 0 || weekday === 6 ? 'off' : 'working';
}

/** Open cases whose due date the change would move (GET /calendar/days/{date}/impact); null when unknown. */
async function openCasesOver(date: string): Promise<number | null> {
  try {
    return (await call(api.GET('/api/v1/calendar/days/{date}/impact', { params: { path: { date } } }))).openCases;
  } catch {
    return null;
  }
}

/** The working-day calendar as a year: a day is clicked, the change is confirmed, then saved. */
export default function CalendarPage() {
  const { t } = useTranslation(['admin', 'common']);
  const language = currentLanguage();
  const [params, setParams] = useSearchParams();
  const thisYear = new Date().getFullYear();
  const year = Number(params.get('year')) || thisYear;
  const [overrides, setOverrides] = useState<Map<string, Day> | null>(null);
  const [picked, setPicked] = useState<{ date: string; impact: number | null } | null>(null);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);

  const load = useCallback(() => {
    call(api.GET('/api/v1/calendar', { params: { query: { from: `${year}-01-01`, to: `${year}-12-31` } } })).then(
      (days) => setOverrides(new Map(days.map((d) => [d.date, d]))),
      () => setOverrides(new Map()),
    );
  }, [year]);
  useEffect(load, [load]);

  async function pick(date: string) {
    setName('');
    setMessage(null);
    setPicked({ date, impact: null });
    dialog.current?.showModal();
    const impact = await openCasesOver(date);
    setPicked((p) => (p?.date === date ? { date, impact } : p));
  }
  const close = () => {
    dialog.current?.close();
    setPicked(null);
  };

  async function apply() {
    if (!picked || !overrides) return;
    const state = dayState(picked.date, overrides);
    setBusy(true);
    try {
      if (state === 'holiday' || state === 'workday') {
        await call(api.DELETE('/api/v1/calendar/days/{date}', { params: { path: { date: picked.date } } }));
      } else {
        await call(api.PUT('/api/v1/calendar/days/{date}', { params: { path: { date: picked.date } }, body: { kind: state === 'working' ? 'holiday' : 'workday', ...(name ? { name } : {}) } }));
      }
      setMessage({ kind: 'success', text: t('calendar.saved', { date: formatDate(picked.date, language) }) });
      close();
      load();
    } catch (e) {
      setMessage({ kind: 'error', text: e instanceof ApiError ? e.body.message : t('common:errors.unexpected') });
      close();
    } finally {
      setBusy(false);
    }
  }

  const state = picked && overrides ? dayState(picked.date, overrides) : null;
  const action = state === 'working' ? 'makeHoliday' : state === 'off' ? 'makeWorkday' : 'restore';
  const weekdays = [1, 2, 3, 4, 5, 6, 7].map((i) => t(`calendar.weekday.${i}`));

  return (
    <div>
      <PageTitle>{t('calendar.title', { year })}</PageTitle>
      <p>{t('calendar.intro')}</p>
      <div className="actions">
        <Button variant="secondary" onClick={() => setParams({ year: String(year - 1) })}>
          {t('calendar.previousYear', { year: year - 1 })}
        </Button>
        <Button variant="secondary" onClick={() => setParams({ year: String(year + 1) })}>
          {t('calendar.nextYear', { year: year + 1 })}
        </Button>
      </div>
      <ul className="legend">
        <li>
          <span className="day--holiday" /> {t('calendar.state.holiday')}
        </li>
        <li>
          <span className="day--workday" /> {t('calendar.state.workday')}
        </li>
        <li>
          <span className="day--off" /> {t('calendar.state.off')}
        </li>
      </ul>
      {message ? <Notice kind={message.kind}>{message.text}</Notice> : null}
      {!overrides ? (
        <Loading />
      ) : (
        <div className="year-grid">
          {Array.from({ length: 12 }, (_, m) => {
            const days = new Date(Date.UTC(year, m + 1, 0)).getUTCDate();
            const lead = (new Date(Date.UTC(year, m, 1)).getUTCDay() + 6) % 7; // Monday first
            const cells: (string | null)[] = [...Array<null>(lead).fill(null), ...Array.from({ length: days }, (_, d) => `${year}-${pad(m + 1)}-${pad(d + 1)}`)];
            const weeks = Array.from({ length: Math.ceil(cells.length / 7) }, (_, w) => cells.slice(w * 7, w * 7 + 7));
            return (
              <table key={m} className="month-grid">
                <caption>{t(`calendar.month.${m + 1}`)}</caption>
                <thead>
                  <tr>
                    {weekdays.map((w) => (
                      <th scope="col" key={w}>
                        {w}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {weeks.map((week, w) => (
                    <tr key={w}>
                      {Array.from({ length: 7 }, (_, i) => week[i] ?? null).map((date, i) => {
                        if (!date) return <td key={i} />;
                        const s = dayState(date, overrides);
                        const holidayName = overrides.get(date)?.name;
                        return (
                          <td key={date}>
                            <button type="button" className={`day day--${s}`} onClick={() => pick(date)} aria-label={`${formatDate(date, language)}: ${t(`calendar.state.${s}`)}${holidayName ? ` (${holidayName})` : ''}`} title={holidayName ?? undefined}>
                              {Number(date.slice(8))}
                            </button>
                          </td>
                        );
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            );
          })}
        </div>
      )}
      <dialog ref={dialog} aria-labelledby="day-dialog-title" onClose={() => setPicked(null)}>
        {picked && state ? (
          <form
            method="dialog"
            onSubmit={(e) => {
              e.preventDefault();
              void apply();
            }}
          >
            <h2 id="day-dialog-title">{t(`calendar.confirm.${action}`, { date: formatDate(picked.date, language) })}</h2>
            <p>{t('calendar.now', { state: t(`calendar.state.${state}`) })}</p>
            <p>{picked.impact === null ? t('calendar.impactUnknown') : t('calendar.impact', { n: picked.impact })}</p>
            {action !== 'restore' ? <TextField name="dayName" label={t('calendar.dayName')} value={name} onChange={setName} maxLength={200} /> : null}
            <div className="actions">
              <Button type="submit" busy={busy}>
                {t(`calendar.do.${action}`)}
              </Button>
              <Button variant="secondary" onClick={close}>
                {t('calendar.cancel')}
              </Button>
            </div>
          </form>
        ) : null}
      </dialog>
    </div>
  );
}
