import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/errors';
import { Button } from '../../ui/Button';
import { InstantText, useLanguage } from '../../ui/dates';
import { Loading } from '../../ui/Loading';
import { Notice } from '../../ui/Notice';
import { PageTitle } from '../../ui/PageTitle';
import { describeFailure } from '../../ui/use-form-errors';
import { nameOf, useReference } from '../use-reference';
import { closeReception, getReception, ReceptionDetails } from '../work-api';
import { VisitForm } from './VisitForm';

/** One reception session: its facts, its visitors so far, the form for the next visitor, and closing it. */
export default function ReceptionPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('staff');
  const language = useLanguage();
  const { reference } = useReference();
  const [details, setDetails] = useState<ReceptionDetails | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [closing, setClosing] = useState(false);
  const [closeError, setCloseError] = useState<string | null>(null);

  const load = useCallback(() => {
    return getReception(id).then(
      (d) => (setDetails(d), setError(null)),
      (err: unknown) => setError(err instanceof ApiError && err.status === 404 ? t('receptions.notFound') : err instanceof ApiError ? describeFailure(err, [], t) : t('common:errors.unexpected')),
    );
  }, [id, t]);

  useEffect(() => {
    void load();
  }, [load]);

  async function close() {
    setClosing(true);
    setCloseError(null);
    try {
      await closeReception(id, new Date().toISOString());
      await load();
    } catch (err) {
      setCloseError(err instanceof ApiError ? describeFailure(err, err.fieldMessages().size ? [...err.fieldMessages().values()] : [], t) : t('common:errors.unexpected'));
    } finally {
      setClosing(false);
    }
  }

  if (error) return <Notice kind="error">{error}</Notice>;
  if (!details || !reference) return <Loading />;
  const closed = details.endsAt !== null && new Date(details.endsAt).getTime() <= Date.now();
  return (
    <>
      <p>
        <Link to="/staff/receptions">{t('receptions.back')}</Link>
      </p>
      <PageTitle>{t('receptions.sessionTitle', { host: details.hostName })}</PageTitle>
      <dl className="facts">
        <dt>{t('receptions.hostTypeLabel')}</dt>
        <dd>{t(`receptions.hostType.${details.hostType}`)}</dd>
        <dt>{t('receptions.branch')}</dt>
        <dd>{nameOf(reference.branches, details.branchId, language)}</dd>
        {details.agencyId ? (
          <>
            <dt>{t('receptions.agency')}</dt>
            <dd>{nameOf(reference.agencies.map((a) => ({ ...a, parentId: null })), details.agencyId, language)}</dd>
          </>
        ) : null}
        <dt>{t('receptions.formatLabel')}</dt>
        <dd>{t(`receptions.format.${details.format}`)}</dd>
        <dt>{t('receptions.start')}</dt>
        <dd>
          <InstantText at={details.startsAt} />
        </dd>
        <dt>{t('receptions.end')}</dt>
        <dd>{details.endsAt ? <InstantText at={details.endsAt} /> : t('receptions.open')}</dd>
      </dl>
      <section aria-labelledby="visitors-title">
        <h2 id="visitors-title">{t('receptions.visitorsTitle', { count: details.visits.length })}</h2>
        {details.visits.length === 0 ? <p>{t('receptions.noVisitors')}</p> : null}
        <ol className="visit-list">
          {details.visits.map((v) => (
            <li key={v.id}>
              <strong>{v.visitor.fullName}</strong>
              {v.topic ? ` — ${v.topic}` : ''} · {t(`receptions.visitResult.${v.result}`)}
              {v.appealId && v.appealNumber ? (
                <>
                  {' '}
                  · <Link to={`/staff/cases/${v.appealId}`}>{v.appealNumber}</Link>
                </>
              ) : null}
            </li>
          ))}
        </ol>
      </section>
      {closed ? (
        <Notice>{t('receptions.closedNote')}</Notice>
      ) : (
        <>
          <VisitForm receptionId={id} reference={reference} onRecorded={load} />
          <section aria-labelledby="close-title" className="panel">
            <h2 id="close-title">{t('receptions.closeTitle')}</h2>
            <p>{t('receptions.closeText')}</p>
            {closeError ? <Notice kind="error">{closeError}</Notice> : null}
            <Button variant="secondary" busy={closing} busyLabel={t('general.saving')} onClick={() => void close()}>
              {t('receptions.close')}
            </Button>
          </section>
        </>
      )}
    </>
  );
}
