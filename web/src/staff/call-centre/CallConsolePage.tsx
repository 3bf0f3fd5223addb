import { FormEvent, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button } from '../../ui/Button';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { fieldId, RadioGroup, TextAreaField, TextField } from '../../ui/fields';
import { Loading } from '../../ui/Loading';
import { Notice } from '../../ui/Notice';
import { PageTitle } from '../../ui/PageTitle';
import { useFormErrors } from '../../ui/use-form-errors';
import { phoneCheck } from '../../portal/appeal-form/appeal-draft';
import { APPEAL_FIELDS, checkStaffDraft, emptyStaffDraft, StaffAppealDraft, toAppealInput } from '../intake/staff-appeal-draft';
import { StaffAppealFields } from '../intake/StaffAppealFields';
import { useReference } from '../use-reference';
import { Call, CallInput, logCall } from '../work-api';
import { CallTimer } from './CallTimer';
import { StatusInquiry } from './StatusInquiry';
import { TodaysCalls } from './TodaysCalls';

type Result = CallInput['result'];
const FIELDS = ['callerPhone', 'result', 'inquiry', 'appealNumber', ...APPEAL_FIELDS.map((f) => `appeal.${f}`), 'notes'] as const;
const ALIASES = { appeal: 'appeal.subject', 'appeal.applicant': 'appeal.applicant.fullName' };

interface OpenCall {
  startedAt: string;
  callerPhone: string;
  result: Result | '';
  appealNumber: string;
  notes: string;
  appeal: StaffAppealDraft;
}

/**
 * The call-centre operator's console: a call is opened (the timer starts), the caller's phone taken,
 * and the call ends in one of three results — a new appeal (the form, with the caller's phone carried
 * over), a consultation, or a status inquiry (found by number, phone or IIN). Saving records the call
 * with its start and end (POST /call-centre/calls); today's calls are listed below.
 */
export default function CallConsolePage() {
  const { t } = useTranslation(['staff', 'portal']);
  const { reference, failed } = useReference();
  const [open, setOpen] = useState<OpenCall | null>(null);
  const [saved, setSaved] = useState<Call | null>(null);
  const [busy, setBusy] = useState(false);
  const [refresh, setRefresh] = useState(0);
  const errors = useFormErrors(FIELDS, ALIASES);

  const startCall = useCallback(() => {
    setSaved(null);
    errors.show({});
    setOpen({ startedAt: new Date().toISOString(), callerPhone: '', result: '', appealNumber: '', notes: '', appeal: emptyStaffDraft({ branchId: '' }) });
    requestAnimationFrame(() => document.getElementById(fieldId('callerPhone'))?.focus());
  }, [errors]);

  useEffect(() => {
    if (saved) requestAnimationFrame(() => document.getElementById('call-saved')?.focus());
  }, [saved]);

  if (failed) return <Notice kind="error">{t('general.referenceFailed')}</Notice>;
  if (!reference) return <Loading />;

  const update = (patch: Partial<OpenCall>) => setOpen((c) => (c ? { ...c, ...patch } : c));
  const chooseResult = (result: string) => {
    if (!open) return;
    // The caller's phone is carried into the appeal unless the operator typed another one there.
    const appeal = result === 'appeal' && !open.appeal.phone ? { ...open.appeal, phone: open.callerPhone } : open.appeal;
    update({ result: result as Result, appeal });
    errors.clearField('result');
  };

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (!open || busy) return;
    const problems: Record<string, string> = {};
    const phoneProblem = open.callerPhone.trim() ? phoneCheck(open.callerPhone) : 'check.required';
    if (phoneProblem) problems.callerPhone = t(`portal:${phoneProblem}`);
    if (!open.result) problems.result = t('calls.resultRequired');
    if (open.result === 'status_inquiry' && !open.appealNumber) problems.inquiry = t('calls.inquiryRequired');
    if (open.result === 'appeal') for (const [f, key] of Object.entries(checkStaffDraft(open.appeal))) problems[`appeal.${f}`] = t(`portal:${key}`);
    if (Object.keys(problems).length) return errors.show(problems);
    const body: CallInput = {
      callerPhone: open.callerPhone.trim(),
      startedAt: open.startedAt,
      endedAt: new Date().toISOString(),
      result: open.result as Result,
      ...(open.notes.trim() ? { notes: open.notes.trim() } : {}),
      ...(open.result === 'appeal' ? { appeal: toAppealInput(open.appeal) } : {}),
      ...(open.result === 'status_inquiry' ? { appealNumber: open.appealNumber } : {}),
    };
    setBusy(true);
    try {
      const call = await logCall(body);
      setSaved(call);
      setOpen(null);
      setRefresh((n) => n + 1);
    } catch (err) {
      errors.showApiError(err);
    } finally {
      setBusy(false);
    }
  }

  const results = (['appeal', 'consultation', 'status_inquiry'] as const).map((value) => ({ value, label: t(`calls.result.${value}`) }));
  return (
    <>
      <PageTitle>{t('calls.title')}</PageTitle>
      {saved ? (
        <Notice kind="success" id="call-saved" title={t('calls.saved')}>
          {saved.appeal ? (
            <p>
              {t('calls.savedAppeal')} <Link to={`/staff/cases/${saved.appeal.id}`}>{saved.appeal.number}</Link>
            </p>
          ) : null}
        </Notice>
      ) : null}
      {!open ? (
        <div className="actions">
          <Button onClick={startCall}>
            {t('calls.start')}
          </Button>
        </div>
      ) : (
        <section aria-labelledby="open-call-title" className="panel">
          <h2 id="open-call-title">{t('calls.openTitle')}</h2>
          <CallTimer startedAt={open.startedAt} />
          <ErrorSummary errors={errors.list} />
          {errors.formError ? (
            <Notice kind="error" id="form-error">
              {errors.formError}
            </Notice>
          ) : null}
          <form className="form" noValidate onSubmit={onSubmit}>
            <TextField name="callerPhone" type="tel" label={t('calls.callerPhone')} inputMode="tel" autoComplete="off" required value={open.callerPhone} onChange={(v) => update({ callerPhone: v })} error={errors.fields.callerPhone} />
            <RadioGroup name="result" legend={t('calls.resultLegend')} value={open.result} options={results} onChange={chooseResult} error={errors.fields.result} />
            {open.result === 'status_inquiry' ? (
              <StatusInquiry initialQuery={open.callerPhone} chosen={open.appealNumber} onChoose={(n) => update({ appealNumber: n })} error={errors.fields.inquiry || errors.fields.appealNumber} />
            ) : null}
            {open.result === 'appeal' ? <StaffAppealFields prefix="appeal." draft={open.appeal} onChange={(appeal) => update({ appeal })} errors={errors.fields} reference={reference} /> : null}
            <TextAreaField name="notes" label={t('calls.notes')} maxLength={2000} rows={3} value={open.notes} onChange={(v) => update({ notes: v })} error={errors.fields.notes} />
            <div className="actions">
              <Button type="submit" busy={busy} busyLabel={t('general.saving')}>
                {t('calls.save')}
              </Button>
              <Button variant="secondary" onClick={() => setOpen(null)}>
                {t('calls.cancel')}
              </Button>
            </div>
          </form>
        </section>
      )}
      <TodaysCalls refresh={refresh} />
    </>
  );
}
