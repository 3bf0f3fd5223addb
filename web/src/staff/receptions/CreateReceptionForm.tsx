import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Button } from '../../ui/Button';
import { useLanguage } from '../../ui/dates';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { SelectField, TextField } from '../../ui/fields';
import { Notice } from '../../ui/Notice';
import { useFormErrors } from '../../ui/use-form-errors';
import { localToInstant, todayInAppZone } from '../app-dates';
import { StaffReference, useOptions } from '../use-reference';
import { createReception, Reception, ReceptionInput } from '../work-api';

const HOST_TYPES: ReceptionInput['hostType'][] = ['majilis_deputy', 'senate_deputy', 'maslikhat_deputy', 'agency_head', 'party_official'];
const FORMATS: ReceptionInput['format'][] = ['in_person', 'mobile', 'video'];
const FIELDS = ['branchId', 'hostName', 'hostType', 'agencyId', 'date', 'startsAt', 'endsAt', 'format'] as const;

/** A new reception session (POST /receptions); the date and times are Almaty's. Opens the session after. */
export function CreateReceptionForm({ reference, defaultBranchId, onCreated }: { reference: StaffReference; defaultBranchId: string; onCreated: (r: Reception) => void }) {
  const { t } = useTranslation(['staff', 'portal']);
  const language = useLanguage();
  const navigate = useNavigate();
  const branches = useOptions(reference.branches, language);
  const agencies = useOptions(reference.agencies.map((a) => ({ ...a, parentId: null })), language);
  const [f, setF] = useState({ branchId: defaultBranchId, hostName: '', hostType: '', agencyId: '', date: todayInAppZone(), start: '10:00', end: '', format: 'in_person' });
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors(FIELDS, { starts: 'startsAt' });
  const set = (k: keyof typeof f) => (v: string) => setF((p) => ({ ...p, [k]: v }));

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const p: Record<string, string> = {};
    if (!f.branchId) p.branchId = t('portal:check.choose');
    if (!f.hostName.trim()) p.hostName = t('portal:check.required');
    if (!f.hostType) p.hostType = t('portal:check.choose');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(f.date)) p.date = t('portal:check.required');
    if (!/^\d{2}:\d{2}$/.test(f.start)) p.startsAt = t('portal:check.required');
    if (f.end && (!/^\d{2}:\d{2}$/.test(f.end) || f.end <= f.start)) p.endsAt = t('receptions.endAfterStart');
    if (Object.keys(p).length) return errors.show(p);
    setBusy(true);
    try {
      const created = await createReception({
        branchId: f.branchId,
        hostName: f.hostName.trim(),
        hostType: f.hostType as ReceptionInput['hostType'],
        format: f.format as ReceptionInput['format'],
        startsAt: localToInstant(f.date, f.start),
        ...(f.end ? { endsAt: localToInstant(f.date, f.end) } : {}),
        ...(f.agencyId ? { agencyId: f.agencyId } : {}),
      });
      onCreated(created);
      navigate(`/staff/receptions/${created.id}`);
    } catch (err) {
      errors.showApiError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="new-reception-title" className="panel">
      <h2 id="new-reception-title">{t('receptions.newTitle')}</h2>
      <ErrorSummary errors={errors.list} />
      {errors.formError ? (
        <Notice kind="error" id="form-error">
          {errors.formError}
        </Notice>
      ) : null}
      <form className="form" noValidate onSubmit={onSubmit}>
        <SelectField name="branchId" label={t('receptions.branch')} required value={f.branchId} onChange={set('branchId')} options={branches} placeholder={t('portal:form.choose')} error={errors.fields.branchId} />
        <TextField name="hostName" label={t('receptions.hostName')} required maxLength={200} value={f.hostName} onChange={set('hostName')} error={errors.fields.hostName} />
        <SelectField name="hostType" label={t('receptions.hostTypeLabel')} required value={f.hostType} onChange={set('hostType')} options={HOST_TYPES.map((v) => ({ value: v, label: t(`receptions.hostType.${v}`) }))} placeholder={t('portal:form.choose')} error={errors.fields.hostType} />
        <SelectField name="agencyId" label={t('receptions.agency')} value={f.agencyId} onChange={set('agencyId')} options={agencies} placeholder={t('receptions.noAgency')} error={errors.fields.agencyId} />
        <TextField name="date" type="date" label={t('receptions.date')} required value={f.date} onChange={set('date')} error={errors.fields.date} />
        <TextField name="startsAt" type="text" inputMode="numeric" label={t('receptions.start')} hint={t('receptions.timeHint')} required value={f.start} onChange={set('start')} error={errors.fields.startsAt} />
        <TextField name="endsAt" type="text" inputMode="numeric" label={t('receptions.end')} hint={t('receptions.timeHint')} value={f.end} onChange={set('end')} error={errors.fields.endsAt} />
        <SelectField name="format" label={t('receptions.formatLabel')} required value={f.format} onChange={set('format')} options={FORMATS.map((v) => ({ value: v, label: t(`receptions.format.${v}`) }))} placeholder={t('portal:form.choose')} error={errors.fields.format} />
        <div className="actions">
          <Button type="submit" busy={busy} busyLabel={t('general.saving')}>
            {t('receptions.create')}
          </Button>
        </div>
      </form>
    </section>
  );
}
