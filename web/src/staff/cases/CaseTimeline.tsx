import { useTranslation } from 'react-i18next';
import { DateText, InstantText, useLanguage } from '../../ui/dates';
import { nameOf, StaffReference } from '../use-reference';
import type { AppealEvent } from '../work-api';

const str = (v: unknown) => (typeof v === 'string' && v ? v : null);

/** The case's whole history, oldest first, each event said in words with what it changed. */
export function CaseTimeline({ events, reference }: { events: AppealEvent[]; reference: StaffReference }) {
  const { t } = useTranslation('staff');
  const language = useLanguage();
  const agencies = reference.agencies.map((a) => ({ ...a, parentId: null }));
  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title">{t('case.historyTitle')}</h2>
      <ol className="timeline">
        {events.map((e) => {
          const d = e.data as Record<string, unknown>;
          const agency = nameOf(agencies, str(d.agencyId), language);
          const headline = t(`events.${e.type}`, { defaultValue: t('events.other', { type: e.type }), agency: agency || t('case.noAgency'), status: str(d.to) ? t(`case.status.${d.to as string}`) : '' });
          return (
            <li key={e.id} className="timeline__item">
              <p className="timeline__when">
                <InstantText at={e.at} />
              </p>
              <p className="timeline__what">{headline}</p>
              <ul className="timeline__details">
                {str(d.outcome) ? <li>{t('case.outcome')}: {t(`common:outcome.${d.outcome as string}`)}</li> : null}
                {str(d.reason) ? (
                  <li>
                    {t('case.reason')}: {d.reason as string}
                  </li>
                ) : null}
                {str(d.text) ? (
                  <li>
                    {t('case.answerText')}: {d.text as string}
                  </li>
                ) : null}
                {str(d.dueDate) && str(d.previousDueDate) ? (
                  <li>
                    {t('case.dueMoved')} <DateText date={d.previousDueDate as string} /> → <DateText date={d.dueDate as string} />
                  </li>
                ) : null}
                {typeof d.workdaysPaused === 'number' ? <li>{t('case.workdaysPaused', { count: d.workdaysPaused })}</li> : null}
              </ul>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
