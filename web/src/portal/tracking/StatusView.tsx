import { useTranslation } from 'react-i18next';
import { DateText, InstantText, useLanguage } from '../../ui/dates';
import type { AppealStatus } from '../portal-api';
import { ClarificationForm } from './ClarificationForm';
import { FeedbackForm } from './FeedbackForm';

/** Where the appeal is: status, stages, due date, agency (in the chosen language), the answer. */
export function StatusView({ status, number, trackingCode, onChanged }: { status: AppealStatus; number: string; trackingCode: string; onChanged: () => void }) {
  const { t } = useTranslation('portal');
  const language = useLanguage();
  const agency = status.agencyNames?.[language] || status.agencyName;
  // Servers before v1.1 send no stages: then there is simply no timeline.
  const stages = status.stages ?? [];
  const answered = status.status === 'answered' || status.status === 'closed';
  return (
    <>
      <h2 id="status-title">
        {t('track.resultTitle')} <span className="code">{status.number}</span>
      </h2>
      <dl className="facts">
        <dt>{t('track.status')}</dt>
        <dd>{t(`common:status.${status.status}`)}</dd>
        <dt>{t('track.dueDate')}</dt>
        <dd>
          <DateText date={status.dueDate} />
        </dd>
        <dt>{t('track.agency')}</dt>
        <dd>{agency || t('track.noAgency')}</dd>
        {status.outcome ? (
          <>
            <dt>{t('track.outcome')}</dt>
            <dd>{t(`common:outcome.${status.outcome}`)}</dd>
          </>
        ) : null}
      </dl>
      {stages.length > 0 ? (
        <>
          <h3>{t('track.stages')}</h3>
          <ol className="stages">
            {stages.map((s, i) => (
              <li key={`${s.status}-${s.at}-${i}`}>
                {t(`common:status.${s.status}`)}
                <span className="stages__at">
                  <InstantText at={s.at} />
                </span>
              </li>
            ))}
          </ol>
        </>
      ) : null}
      {status.status === 'paused' ? <ClarificationForm request={status.clarificationRequest ?? null} number={number} trackingCode={trackingCode} onSent={onChanged} /> : null}
      {answered && status.answerText ? (
        <>
          <h3>
            {t('track.answer')}
            {status.answeredAt ? (
              <>
                {' · '}
                <InstantText at={status.answeredAt} />
              </>
            ) : null}
          </h3>
          <p className="answer">{status.answerText}</p>
        </>
      ) : null}
      {answered ? <FeedbackForm number={number} trackingCode={trackingCode} /> : null}
    </>
  );
}
