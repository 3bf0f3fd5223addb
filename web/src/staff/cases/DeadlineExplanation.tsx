import { useTranslation } from 'react-i18next';
import { DateText, InstantText } from '../../ui/dates';
import type { AppealDeadline } from '../work-api';

/** Why the due date is what it is (GET /appeals/{id}/deadline), as sentences. */
export function DeadlineExplanation({ deadline }: { deadline: AppealDeadline }) {
  const { t } = useTranslation('staff');
  const b = deadline.basis;
  return (
    <section aria-labelledby="deadline-title">
      <h2 id="deadline-title">{t('deadline.title')}</h2>
      <p>
        {t('deadline.due')} <strong><DateText date={deadline.dueDate} /></strong> — {t(`case.deadlineState.${deadline.deadlineState}`)}.{' '}
        {deadline.workdaysLeft === null ? null : deadline.workdaysLeft >= 0 ? t('deadline.left', { count: deadline.workdaysLeft }) : t('deadline.late', { count: -deadline.workdaysLeft })}
      </p>
      <dl className="facts">
        <dt>{t('deadline.received')}</dt>
        <dd>
          <DateText date={deadline.receivedOn} />
        </dd>
        <dt>{t('deadline.start')}</dt>
        <dd>
          <DateText date={b.startDate} />
        </dd>
        <dt>{t('deadline.termLabel')}</dt>
        <dd>
          {t('deadline.term', { count: b.termWorkdays })}
          {b.pausedWorkdays > 0 ? ` ${t('deadline.paused', { count: b.pausedWorkdays })}` : ''}
        </dd>
        <dt>{t('deadline.computed')}</dt>
        <dd>
          <DateText date={b.computedDueDate} />
          {b.extended ? ` — ${t('deadline.extended')}` : ''}
        </dd>
      </dl>
      {b.daysSkipped.length > 0 ? (
        <details>
          <summary>{t('deadline.skipped', { count: b.daysSkipped.length })}</summary>
          <ul>
            {b.daysSkipped.map((s) => (
              <li key={s.date}>
                <DateText date={s.date} /> — {s.reason === 'holiday' ? (s.name ?? t('deadline.holiday')) : t('deadline.weekend')}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {deadline.scheduled.length > 0 ? (
        <details>
          <summary>{t('deadline.scheduledTitle')}</summary>
          <ul>
            {deadline.scheduled.map((m) => (
              <li key={`${m.kind}-${m.step ?? 0}-${m.runAt}`}>
                {t(`deadline.moment.${m.kind}`)} — <InstantText at={m.runAt} />
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
