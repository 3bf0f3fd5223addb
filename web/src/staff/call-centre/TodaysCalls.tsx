import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/errors';
import { Notice } from '../../ui/Notice';
import { describeFailure } from '../../ui/use-form-errors';
import { clock, timeOf, todayInAppZone } from '../app-dates';
import { Call, listCalls } from '../work-api';

/** Today's calls (GET /call-centre/calls?from=today), newest first; reloaded after each saved call. */
export function TodaysCalls({ refresh }: { refresh: number }) {
  const { t } = useTranslation('staff');
  const [calls, setCalls] = useState<Call[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    listCalls(todayInAppZone()).then(
      (page) => live && (setCalls([...page.items].sort((a, b) => b.startedAt.localeCompare(a.startedAt))), setError(null)),
      (err: unknown) => live && setError(err instanceof ApiError ? describeFailure(err, [], t) : t('common:errors.unexpected')),
    );
    return () => {
      live = false;
    };
  }, [refresh, t]);

  return (
    <section aria-labelledby="today-calls-title">
      <h2 id="today-calls-title">{t('calls.todayTitle')}</h2>
      {error ? <Notice kind="error">{error}</Notice> : null}
      {calls && calls.length === 0 ? <p>{t('calls.none')}</p> : null}
      {calls && calls.length > 0 ? (
        <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="today-calls-title">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('calls.time')}</th>
                <th scope="col">{t('calls.callerPhone')}</th>
                <th scope="col">{t('calls.resultLegend')}</th>
                <th scope="col">{t('calls.appeal')}</th>
                <th scope="col">{t('calls.duration')}</th>
              </tr>
            </thead>
            <tbody>
              {calls.map((c) => (
                <tr key={c.id}>
                  <td>{timeOf(c.startedAt)}</td>
                  <td>{c.callerPhone}</td>
                  <td>{t(`calls.result.${c.result}`)}</td>
                  <td>{c.appeal?.number ?? c.appealNumber ?? '—'}</td>
                  <td>{c.endedAt ? clock((new Date(c.endedAt).getTime() - new Date(c.startedAt).getTime()) / 1000) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
