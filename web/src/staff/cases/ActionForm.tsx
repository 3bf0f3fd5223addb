import { FormEvent, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/errors';
import { Button } from '../../ui/Button';
import { useLanguage } from '../../ui/dates';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { fieldId, SelectField, TextAreaField, TextField } from '../../ui/fields';
import { Notice } from '../../ui/Notice';
import { useFormErrors } from '../../ui/use-form-errors';
import type { CaseAction } from '../appeal-transitions';
import { suggestAgency } from '../routing-suggestion';
import { nameOf, StaffReference, useOptions } from '../use-reference';
import { act, ActionBody, Appeal, AppealDeadline, listRoutingRules, Outcome, OUTCOMES } from '../work-api';
import { WorkingDayPicker } from './WorkingDayPicker';

const FIELDS = ['agencyId', 'outcome', 'text', 'dueDate', 'reason'] as const;
/** Reasons the law requires: a rejection and leaving without consideration must give legal grounds. */
const GROUNDS_REQUIRED: readonly Outcome[] = ['rejected', 'without_consideration'];
const REASON_REQUIRED: readonly CaseAction[] = ['return', 'pause', 'extend', 'reopen'];

function twoMonthsAfter(date: string): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + 2);
  return d.toISOString().slice(0, 10);
}

/**
 * The form of one lifecycle action. Sends the version the user saw; a VERSION_CONFLICT goes to the
 * page (onConflict), every other error is shown next to its field.
 */
export function ActionForm(props: { action: CaseAction; appeal: Appeal; deadline: AppealDeadline | null; reference: StaffReference; onDone: (a: Appeal) => void; onConflict: () => void; onCancel: () => void }) {
  const { t } = useTranslation(['staff', 'portal']);
  const language = useLanguage();
  const { action, appeal, reference } = props;
  const [agencyId, setAgencyId] = useState('');
  const [suggested, setSuggested] = useState<string | null>(null);
  const [outcome, setOutcome] = useState('');
  const [text, setText] = useState('');
  const [dueDate, setDueDate] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors(FIELDS);
  const agencyItems = useMemo(() => reference.agencies.map((a) => ({ ...a, parentId: null })), [reference]);
  const agencies = useOptions(agencyItems, language);

  useEffect(() => {
    if (action !== 'route') return;
    let live = true;
    listRoutingRules().then(
      (rules) => {
        if (!live) return;
        const s = suggestAgency(appeal, rules, reference.categories, reference.branches);
        setSuggested(s);
        if (s && s !== appeal.agencyId) setAgencyId(s);
      },
      () => undefined, // no suggestion: the controller picks the agency
    );
    return () => {
      live = false;
    };
  }, [action, appeal, reference]);

  useEffect(() => {
    const first = action === 'route' ? 'agencyId' : action === 'answer' ? 'outcome' : action === 'extend' ? 'dueDate' : ['accept', 'resume', 'close'].includes(action) ? null : 'reason';
    requestAnimationFrame(() => (first ? document.getElementById(fieldId(first)) : document.getElementById('action-confirm'))?.focus());
  }, [action]);

  const reasonRequired = REASON_REQUIRED.includes(action) || (action === 'answer' && GROUNDS_REQUIRED.includes(outcome as Outcome));
  const hasReason = action !== 'accept' && action !== 'resume' && action !== 'close';

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const p: Record<string, string> = {};
    if (action === 'route' && !agencyId) p.agencyId = t('portal:check.choose');
    if (action === 'route' && agencyId && agencyId === appeal.agencyId) p.agencyId = t('actions.sameAgency');
    if (action === 'answer' && !outcome) p.outcome = t('portal:check.choose');
    if (action === 'answer' && !text.trim()) p.text = t('portal:check.required');
    if (action === 'extend' && !dueDate) p.dueDate = t('portal:check.required');
    if (reasonRequired && !reason.trim()) p.reason = action === 'answer' ? t('actions.groundsRequired') : t('portal:check.required');
    if (Object.keys(p).length) return errors.show(p);
    const r = reason.trim() || undefined;
    const body = {
      route: { agencyId, ...(r ? { reason: r } : {}) },
      answer: { outcome: outcome as Outcome, text: text.trim(), ...(r ? { reason: r } : {}) },
      extend: { dueDate, reason: r ?? '' },
      return: { reason: r ?? '' },
      pause: { reason: r ?? '' },
      reopen: { reason: r ?? '' },
      withdraw: r ? { reason: r } : {},
      accept: {},
      resume: {},
      close: {},
    }[action] as ActionBody[typeof action];
    setBusy(true);
    try {
      props.onDone(await act(appeal.id, action, body, appeal.version));
    } catch (err) {
      if (err instanceof ApiError && err.code === 'VERSION_CONFLICT') props.onConflict();
      else errors.showApiError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section id="action-panel" aria-labelledby="action-title" className="panel action-panel">
      <h3 id="action-title">{t(`actions.${action}.title`)}</h3>
      <p>{t(`actions.${action}.text`)}</p>
      <ErrorSummary errors={errors.list} />
      {errors.formError ? (
        <Notice kind="error" id="form-error">
          {errors.formError}
        </Notice>
      ) : null}
      <form className="form" noValidate onSubmit={onSubmit}>
        {action === 'route' ? (
          <SelectField
            name="agencyId"
            label={t('actions.agency')}
            hint={suggested ? t('actions.suggested', { agency: nameOf(agencyItems, suggested, language) }) : t('actions.noSuggestion')}
            required
            value={agencyId}
            onChange={setAgencyId}
            options={agencies}
            placeholder={t('portal:form.choose')}
            error={errors.fields.agencyId}
          />
        ) : null}
        {action === 'answer' ? (
          <>
            <SelectField name="outcome" label={t('case.outcome')} required value={outcome} onChange={setOutcome} options={OUTCOMES.map((o) => ({ value: o, label: t(`common:outcome.${o}`) }))} placeholder={t('portal:form.choose')} error={errors.fields.outcome} />
            <TextAreaField name="text" label={t('actions.answerText')} hint={t('actions.answerLanguage', { language: t(`case.language.${appeal.language}`) })} required maxLength={10000} rows={8} value={text} onChange={setText} error={errors.fields.text} />
          </>
        ) : null}
        {action === 'extend' ? (
          <WorkingDayPicker name="dueDate" label={t('actions.newDueDate')} value={dueDate} onChange={setDueDate} from={appeal.dueDate} until={twoMonthsAfter(props.deadline?.receivedOn ?? appeal.receivedAt.slice(0, 10))} error={errors.fields.dueDate} />
        ) : null}
        {hasReason ? (
          action === 'pause' || action === 'answer' || action === 'return' || action === 'reopen' ? (
            <TextAreaField name="reason" label={t(`actions.${action}.reason`)} required={reasonRequired} maxLength={2000} rows={3} value={reason} onChange={setReason} error={errors.fields.reason} />
          ) : (
            <TextField name="reason" label={t(`actions.${action}.reason`)} required={reasonRequired} maxLength={2000} value={reason} onChange={setReason} error={errors.fields.reason} />
          )
        ) : null}
        <div className="actions">
          <Button id="action-confirm" type="submit" busy={busy} busyLabel={t('general.saving')}>
            {t(`actions.${action}.submit`)}
          </Button>
          <Button variant="secondary" onClick={props.onCancel}>
            {t('actions.cancel')}
          </Button>
        </div>
      </form>
    </section>
  );
}
