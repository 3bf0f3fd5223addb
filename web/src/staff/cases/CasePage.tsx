import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/errors';
import { useSession } from '../../auth/use-session';
import { Button } from '../../ui/Button';
import { DateText, InstantText, useLanguage } from '../../ui/dates';
import { Loading } from '../../ui/Loading';
import { Notice } from '../../ui/Notice';
import { PageTitle } from '../../ui/PageTitle';
import { describeFailure } from '../../ui/use-form-errors';
import { allowedActions, CaseAction } from '../appeal-transitions';
import { nameOf, useReference } from '../use-reference';
import { Appeal, AppealDeadline, AppealEvent, getAppeal, getDeadline, getEvents } from '../work-api';
import { ActionForm } from './ActionForm';
import { CaseTimeline } from './CaseTimeline';
import { DeadlineExplanation } from './DeadlineExplanation';

interface Loaded {
  appeal: Appeal;
  events: AppealEvent[];
  deadline: AppealDeadline | null;
}

/**
 * One case: its facts, the deadline explained, the whole history, and the actions the state machine
 * allows this user in this status. An action that meets a newer version says so and offers a reload.
 */
export default function CasePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('staff');
  const language = useLanguage();
  const session = useSession();
  const { reference } = useReference();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState<CaseAction | null>(null);
  const [conflict, setConflict] = useState(false);
  const [done, setDone] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const [appeal, events, deadline] = await Promise.all([getAppeal(id), getEvents(id), getDeadline(id).catch(() => null)]);
      setLoaded({ appeal, events, deadline });
      setError(null);
    } catch (err) {
      setError(err instanceof ApiError && err.status === 404 ? t('case.notFound') : err instanceof ApiError ? describeFailure(err, [], t) : t('common:errors.unexpected'));
    }
  }, [id, t]);

  useEffect(() => {
    void load();
  }, [load]);

  useEffect(() => {
    if (conflict) requestAnimationFrame(() => document.getElementById('conflict')?.focus());
  }, [conflict]);

  async function reload() {
    setConflict(false);
    setOpen(null);
    setDone(null);
    await load();
    requestAnimationFrame(() => document.querySelector<HTMLElement>('h1')?.focus());
  }

  async function onDone(action: CaseAction, appeal: Appeal) {
    const from = open;
    setOpen(null);
    setDone(t('actions.done', { action: t(`actions.${from ?? action}.title`), status: t(`case.status.${appeal.status}`) }));
    await load();
    requestAnimationFrame(() => document.getElementById('action-done')?.focus());
  }

  if (error) return <Notice kind="error">{error}</Notice>;
  if (!loaded || !reference || !session) return <Loading />;
  const { appeal, events, deadline } = loaded;
  const actions = allowedActions(session.user.role, appeal.status);
  const agencies = reference.agencies.map((a) => ({ ...a, parentId: null }));
  const back = session.user.role === 'agency_officer' ? t('cases.inboxTitle') : t('cases.title');

  return (
    <>
      <p>
        <Link to="/staff/cases">{t('case.back', { list: back })}</Link>
      </p>
      <PageTitle>{t('case.title', { number: appeal.number })}</PageTitle>
      <p className="lead">
        {appeal.subject} — <strong>{t(`case.status.${appeal.status}`)}</strong>
      </p>
      {conflict ? (
        <div id="conflict" tabIndex={-1} className="notice notice--error" role="alert">
          <p className="notice__title">{t('case.conflictTitle')}</p>
          <p>{t('case.conflictText')}</p>
          <Button onClick={() => void reload()}>{t('case.reload')}</Button>
        </div>
      ) : null}
      {done ? (
        <Notice kind="success" id="action-done">
          {done}
        </Notice>
      ) : null}
      <section aria-labelledby="actions-title" className="panel">
        <h2 id="actions-title">{t('actions.title')}</h2>
        {actions.length === 0 ? <p>{t('actions.none')}</p> : null}
        <ul className="action-buttons">
          {actions.map((a) => (
            <li key={a}>
              <Button variant={open === a ? 'primary' : 'secondary'} aria-expanded={open === a} aria-controls={open === a ? 'action-panel' : undefined} onClick={() => (setOpen(open === a ? null : a), setDone(null))}>
                {t(`actions.${a}.title`)}
              </Button>
            </li>
          ))}
        </ul>
        {open ? (
          <ActionForm
            key={open}
            action={open}
            appeal={appeal}
            deadline={deadline}
            reference={reference}
            onDone={(a) => void onDone(open, a)}
            onConflict={() => setConflict(true)}
            onCancel={() => setOpen(null)}
          />
        ) : null}
      </section>
      <section aria-labelledby="facts-title">
        <h2 id="facts-title">{t('case.factsTitle')}</h2>
        <dl className="facts">
          <dt>{t('case.typeLabel')}</dt>
          <dd>{t(`common:type.${appeal.type}`)}</dd>
          <dt>{t('case.channelLabel')}</dt>
          <dd>{t(`case.channel.${appeal.channel}`)}</dd>
          <dt>{t('case.category')}</dt>
          <dd>{nameOf(reference.categories, appeal.categoryId, language)}</dd>
          <dt>{t('case.branch')}</dt>
          <dd>{nameOf(reference.branches, appeal.branchId, language)}</dd>
          <dt>{t('case.agency')}</dt>
          <dd>{nameOf(agencies, appeal.agencyId, language) || t('case.noAgency')}</dd>
          <dt>{t('case.received')}</dt>
          <dd>
            <InstantText at={appeal.receivedAt} />
          </dd>
          <dt>{t('case.dueDate')}</dt>
          <dd>
            <DateText date={appeal.dueDate} /> ({t(`case.deadlineState.${appeal.deadlineState}`)})
          </dd>
          <dt>{t('case.languageLabel')}</dt>
          <dd>{t(`case.language.${appeal.language}`)}</dd>
          <dt>{t('case.applicant')}</dt>
          <dd>
            {appeal.anonymous || !appeal.applicant
              ? t('case.anonymous')
              : [(appeal.applicant as { fullName?: string }).fullName /* in the view, missing from the generated schema */, appeal.applicant.iin && `${t('case.iin')} ${appeal.applicant.iin}`, appeal.applicant.phone, appeal.applicant.email].filter(Boolean).join(' · ')}
          </dd>
          {appeal.outcome ? (
            <>
              <dt>{t('case.outcome')}</dt>
              <dd>{t(`common:outcome.${appeal.outcome}`)}</dd>
            </>
          ) : null}
        </dl>
        <h3>{t('case.text')}</h3>
        <p className="answer">{appeal.text}</p>
      </section>
      {deadline ? <DeadlineExplanation deadline={deadline} /> : null}
      <CaseTimeline events={events} reference={reference} />
    </>
  );
}
