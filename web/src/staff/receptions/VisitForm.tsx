import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { phoneCheck, iinCheck } from '../../portal/appeal-form/appeal-draft';
import { Button } from '../../ui/Button';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { fieldId, RadioGroup, TextField } from '../../ui/fields';
import { Notice } from '../../ui/Notice';
import { useFormErrors } from '../../ui/use-form-errors';
import { APPEAL_FIELDS, checkStaffDraft, emptyStaffDraft, StaffAppealDraft, toAppealInput } from '../intake/staff-appeal-draft';
import { StaffAppealFields } from '../intake/StaffAppealFields';
import type { StaffReference } from '../use-reference';
import { recordVisit, VisitInput } from '../work-api';

const FIELDS = ['visitor.fullName', 'visitor.iin', 'visitor.phone', 'topic', 'result', ...APPEAL_FIELDS.map((f) => `appeal.${f}`)] as const;
const ALIASES = { visitor: 'visitor.fullName', appeal: 'appeal.subject', 'appeal.applicant': 'appeal.applicant.fullName' };

/**
 * The next visitor, in a few keystrokes: name (IIN and phone if given), topic, and the result. An
 * appeal takes the visitor's details into its applicant; its branch defaults to the session's. After
 * saving, the form is empty again with the focus on the name, ready for the next visitor.
 */
export function VisitForm({ receptionId, reference, onRecorded }: { receptionId: string; reference: StaffReference; onRecorded: () => Promise<unknown> | void }) {
  const { t } = useTranslation(['staff', 'portal']);
  const [visitor, setVisitor] = useState({ fullName: '', iin: '', phone: '' });
  const [topic, setTopic] = useState('');
  const [result, setResult] = useState<VisitInput['result']>('consultation');
  const [appeal, setAppeal] = useState<StaffAppealDraft>(() => emptyStaffDraft());
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const errors = useFormErrors(FIELDS, ALIASES);
  const carried = (): StaffAppealDraft => ({
    ...appeal,
    fullName: appeal.fullName || visitor.fullName,
    iin: appeal.iin || visitor.iin,
    phone: appeal.phone || visitor.phone,
    subject: appeal.subject || topic,
  });

  function chooseResult(v: string) {
    setResult(v as VisitInput['result']);
    if (v === 'appeal') setAppeal(carried());
  }

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const p: Record<string, string> = {};
    if (!visitor.fullName.trim()) p['visitor.fullName'] = t('portal:check.required');
    const iinProblem = visitor.iin.trim() ? iinCheck(visitor.iin) : undefined;
    if (iinProblem) p['visitor.iin'] = t(`portal:${iinProblem}`);
    const phoneProblem = visitor.phone.trim() ? phoneCheck(visitor.phone) : undefined;
    if (phoneProblem) p['visitor.phone'] = t(`portal:${phoneProblem}`);
    const draft = carried();
    if (result === 'appeal') for (const [f, key] of Object.entries(checkStaffDraft(draft, false))) p[`appeal.${f}`] = t(`portal:${key}`);
    if (Object.keys(p).length) return errors.show(p);
    const input = toAppealInput(draft);
    const body: VisitInput = {
      visitor: { fullName: visitor.fullName.trim(), ...(visitor.iin.trim() ? { iin: visitor.iin.trim() } : {}), ...(visitor.phone.trim() ? { phone: visitor.phone.trim() } : {}) },
      result,
      ...(topic.trim() ? { topic: topic.trim() } : {}),
      ...(result === 'appeal' ? { appeal: { ...input, branchId: input.branchId || undefined } } : {}),
    };
    setBusy(true);
    try {
      const visit = await recordVisit(receptionId, body);
      setDone(visit.appeal ? t('receptions.visitSavedAppeal', { name: body.visitor.fullName, number: visit.appeal.number }) : t('receptions.visitSaved', { name: body.visitor.fullName }));
      setVisitor({ fullName: '', iin: '', phone: '' });
      setTopic('');
      setResult('consultation');
      setAppeal(emptyStaffDraft());
      errors.show({});
      await onRecorded();
      requestAnimationFrame(() => document.getElementById(fieldId('visitor.fullName'))?.focus());
    } catch (err) {
      errors.showApiError(err);
    } finally {
      setBusy(false);
    }
  }

  const setV = (k: keyof typeof visitor) => (v: string) => setVisitor((p) => ({ ...p, [k]: v }));
  return (
    <section aria-labelledby="visit-title" className="panel">
      <h2 id="visit-title">{t('receptions.visitTitle')}</h2>
      <div role="status">{done ? <p className="notice notice--success">{done}</p> : null}</div>
      <ErrorSummary errors={errors.list} />
      {errors.formError ? (
        <Notice kind="error" id="form-error">
          {errors.formError}
        </Notice>
      ) : null}
      <form className="form" noValidate onSubmit={onSubmit}>
        <TextField name="visitor.fullName" label={t('receptions.visitorName')} required autoComplete="off" maxLength={200} value={visitor.fullName} onChange={setV('fullName')} error={errors.fields['visitor.fullName']} />
        <TextField name="visitor.iin" label={t('portal:form.iin')} inputMode="numeric" autoComplete="off" maxLength={12} value={visitor.iin} onChange={setV('iin')} error={errors.fields['visitor.iin']} />
        <TextField name="visitor.phone" type="tel" label={t('portal:form.phone')} inputMode="tel" autoComplete="off" value={visitor.phone} onChange={setV('phone')} error={errors.fields['visitor.phone']} />
        <TextField name="topic" label={t('receptions.topic')} maxLength={300} value={topic} onChange={setTopic} error={errors.fields.topic} />
        <RadioGroup
          name="result"
          legend={t('receptions.visitResultLegend')}
          value={result}
          options={(['consultation', 'appeal'] as const).map((v) => ({ value: v, label: t(`receptions.visitResult.${v}`) }))}
          onChange={chooseResult}
          error={errors.fields.result}
        />
        {result === 'appeal' ? <StaffAppealFields prefix="appeal." draft={appeal} onChange={setAppeal} errors={errors.fields} reference={reference} branchHint={t('receptions.branchDefault')} /> : null}
        <div className="actions">
          <Button type="submit" busy={busy} busyLabel={t('general.saving')}>
            {t('receptions.recordVisit')}
          </Button>
        </div>
      </form>
    </section>
  );
}
