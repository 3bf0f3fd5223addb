import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ApiError } from '../../api/errors';
import { useSession } from '../../auth/use-session';
import { Button } from '../../ui/Button';
import { DateText, useLanguage } from '../../ui/dates';
import { SelectField } from '../../ui/fields';
import { Loading } from '../../ui/Loading';
import { Notice } from '../../ui/Notice';
import { PageTitle } from '../../ui/PageTitle';
import { describeFailure } from '../../ui/use-form-errors';
import { dateOf, timeOf, todayInAppZone } from '../app-dates';
import { nameOf, useOptions, useReference } from '../use-reference';
import { listReceptions, Reception } from '../work-api';
import { CreateReceptionForm } from './CreateReceptionForm';
import { lastDayOf, monthGrid, shiftMonth } from './month';

/**
 * Reception sessions of a branch in a month: a calendar (month grid, each session a link) and the
 * same sessions as a list, with the form for a new session. The month and branch live in the address,
 * so a reload or a shared link shows the same view.
 */
export default function ReceptionsPage() {
  const { t } = useTranslation('staff');
  const language = useLanguage();
  const session = useSession();
  const { reference, failed } = useReference();
  const [params, setParams] = useSearchParams();
  const month = /^\d{4}-\d{2}$/.test(params.get('month') ?? '') ? (params.get('month') as string) : todayInAppZone().slice(0, 7);
  const branchId = params.get('branchId') ?? session?.user.branchId ?? '';
  const [sessions, setSessions] = useState<Reception[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [reload, setReload] = useState(0);
  const [creating, setCreating] = useState(false);
  const branches = useOptions(reference?.branches, language);

  useEffect(() => {
    let live = true;
    setSessions(null);
    listReceptions({ ...(branchId ? { branchId } : {}), from: `${month}-01`, to: lastDayOf(month) }).then(
      (list) => live && (setSessions([...list].sort((a, b) => a.startsAt.localeCompare(b.startsAt))), setError(null)),
      (err: unknown) => live && setError(err instanceof ApiError ? describeFailure(err, [], t) : t('common:errors.unexpected')),
    );
    return () => {
      live = false;
    };
  }, [branchId, month, reload, t]);

  const byDay = useMemo(() => {
    const map = new Map<string, Reception[]>();
    for (const s of sessions ?? []) map.set(dateOf(s.startsAt), [...(map.get(dateOf(s.startsAt)) ?? []), s]);
    return map;
  }, [sessions]);

  const go = (patch: Record<string, string>) => setParams((p) => ({ ...Object.fromEntries(p), ...patch }));
  const monthName = new Intl.DateTimeFormat(language === 'kk' ? 'kk-KZ' : language === 'ru' ? 'ru-RU' : 'en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-15T00:00:00Z`));
  const weekdays = Array.from({ length: 7 }, (_, i) =>
    new Intl.DateTimeFormat(language === 'kk' ? 'kk-KZ' : language === 'ru' ? 'ru-RU' : 'en-GB', { weekday: 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, 1 + i))),
  );
  const today = todayInAppZone();

  if (failed) return <Notice kind="error">{t('general.referenceFailed')}</Notice>;
  return (
    <>
      <PageTitle>{t('receptions.title')}</PageTitle>
      <div className="toolbar">
        <SelectField name="branchFilter" label={t('receptions.branch')} value={branchId} onChange={(v) => go({ branchId: v })} options={branches} placeholder={t('receptions.allBranches')} />
        <div className="actions">
          <Button variant="secondary" onClick={() => setCreating((c) => !c)} aria-expanded={creating}>
            {t('receptions.new')}
          </Button>
        </div>
      </div>
      {creating && reference ? (
        <CreateReceptionForm
          reference={reference}
          defaultBranchId={branchId}
          onCreated={(created) => {
            setCreating(false);
            go({ month: dateOf(created.startsAt).slice(0, 7) });
            setReload((n) => n + 1);
          }}
        />
      ) : null}
      <section aria-labelledby="month-title">
        <div className="month-nav">
          <Button variant="secondary" onClick={() => go({ month: shiftMonth(month, -1) })}>
            <span aria-hidden="true">{'‹\u00a0'}</span>
            {t('receptions.previousMonth')}
          </Button>
          <h2 id="month-title" aria-live="polite">
            {monthName}
          </h2>
          <Button variant="secondary" onClick={() => go({ month: shiftMonth(month, 1) })}>
            {t('receptions.nextMonth')}
            <span aria-hidden="true">{'\u00a0›'}</span>
          </Button>
        </div>
        {error ? <Notice kind="error">{error}</Notice> : null}
        {!sessions && !error ? <Loading /> : null}
        <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="month-title">
          <table className="month-grid">
            <caption className="visually-hidden">{t('receptions.calendarCaption', { month: monthName })}</caption>
            <thead>
              <tr>
                {weekdays.map((d) => (
                  <th scope="col" key={d}>
                    {d}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {monthGrid(month).map((week, i) => (
                <tr key={i}>
                  {week.map((day, j) => (
                    <td key={j} className={day === today ? 'month-grid__day month-grid__day--today' : 'month-grid__day'} aria-current={day === today ? 'date' : undefined}>
                      {day ? (
                        <>
                          <span className="month-grid__number">{Number(day.slice(8))}</span>
                          <ul>
                            {(byDay.get(day) ?? []).map((s) => (
                              <li key={s.id}>
                                <Link to={`/staff/receptions/${s.id}`}>
                                  {timeOf(s.startsAt)} <span className="month-grid__host">{s.hostName}</span>
                                </Link>
                              </li>
                            ))}
                          </ul>
                        </>
                      ) : null}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section aria-labelledby="list-title">
        <h2 id="list-title">{t('receptions.listTitle')}</h2>
        {sessions && sessions.length === 0 ? <p>{t('receptions.none')}</p> : null}
        <ul className="cards">
          {(sessions ?? []).map((s) => (
            <li key={s.id} className="card">
              <h3>
                <Link to={`/staff/receptions/${s.id}`}>{s.hostName}</Link>
              </h3>
              <p>
                {t(`receptions.hostType.${s.hostType}`)} · {t(`receptions.format.${s.format}`)}
              </p>
              <p>
                <DateText date={dateOf(s.startsAt)} />, {timeOf(s.startsAt)}
                {s.endsAt ? `–${timeOf(s.endsAt)}` : ''} · {nameOf(reference?.branches, s.branchId, language)}
              </p>
              <p>{s.endsAt ? t('receptions.closed') : t('receptions.open')}</p>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
