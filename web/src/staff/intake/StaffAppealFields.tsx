import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../portal/appeal-form/appeal-draft';
import { APPEAL_TYPES } from '../../portal/portal-api';
import { useLanguage } from '../../ui/dates';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../ui/fields';
import { StaffReference, useOptions } from '../use-reference';
import { AppealField, StaffAppealDraft } from './staff-appeal-draft';

/**
 * The appeal's fields inside a staff form (a call, a visit). Names carry the form's prefix
 * (`appeal.`), as the API's error details do, so a server error lands on its field.
 */
export function StaffAppealFields(props: {
  prefix: string;
  draft: StaffAppealDraft;
  onChange: (next: StaffAppealDraft) => void;
  errors: Record<string, string>;
  reference: StaffReference;
  /** A visit may leave the branch empty: the session's branch is used. */
  branchHint?: string;
}) {
  const { t } = useTranslation(['staff', 'portal', 'common']);
  const language = useLanguage();
  const { prefix, draft, onChange, errors, reference } = props;
  const categories = useOptions(reference.categories, language);
  const branches = useOptions(reference.branches, language);
  const name = (f: AppealField) => prefix + f;
  const err = (f: AppealField) => errors[prefix + f] || undefined;
  const set = <K extends keyof StaffAppealDraft>(key: K) => (value: StaffAppealDraft[K]) => onChange({ ...draft, [key]: value });
  const typeOptions = APPEAL_TYPES.map((value) => ({ value, label: t(`common:type.${value}`) }));
  return (
    <fieldset className="fieldset fieldset--group">
      <legend>{t('intake.appealLegend')}</legend>
      <SelectField name={name('type')} label={t('portal:form.type')} required value={draft.type} onChange={set('type') as (v: string) => void} options={typeOptions} placeholder={t('portal:form.choose')} error={err('type')} />
      <SelectField name={name('categoryId')} label={t('portal:form.category')} required value={draft.categoryId} onChange={set('categoryId')} options={categories} placeholder={t('portal:form.choose')} error={err('categoryId')} />
      <SelectField name={name('branchId')} label={t('intake.branch')} hint={props.branchHint} required={!props.branchHint} value={draft.branchId} onChange={set('branchId')} options={branches} placeholder={t('portal:form.choose')} error={err('branchId')} />
      <CheckboxField name={prefix + 'anonymous'} label={t('intake.anonymous')} hint={t('intake.anonymousHint')} checked={draft.anonymous} onChange={set('anonymous')} />
      {draft.anonymous ? null : (
        <>
          <TextField name={name('applicant.fullName')} label={t('portal:form.fullName')} required maxLength={LIMITS.fullName} autoComplete="off" value={draft.fullName} onChange={set('fullName')} error={err('applicant.fullName')} />
          <TextField name={name('applicant.iin')} label={t('portal:form.iin')} hint={t('intake.iinHint')} inputMode="numeric" autoComplete="off" maxLength={12} value={draft.iin} onChange={set('iin')} error={err('applicant.iin')} />
          <TextField name={name('applicant.phone')} type="tel" label={t('portal:form.phone')} inputMode="tel" autoComplete="off" value={draft.phone} onChange={set('phone')} error={err('applicant.phone')} />
          <TextField name={name('applicant.email')} type="email" label={t('portal:form.email')} autoComplete="off" value={draft.email} onChange={set('email')} error={err('applicant.email')} />
          <TextField name={name('applicant.address')} label={t('portal:form.address')} autoComplete="off" maxLength={LIMITS.address} value={draft.address} onChange={set('address')} error={err('applicant.address')} />
        </>
      )}
      <TextField name={name('subject')} label={t('portal:form.subject')} required maxLength={LIMITS.subject} value={draft.subject} onChange={set('subject')} error={err('subject')} />
      <TextAreaField name={name('text')} label={t('intake.text')} required maxLength={LIMITS.text} rows={5} value={draft.text} onChange={set('text')} error={err('text')} />
      <SelectField
        name={name('language')}
        label={t('portal:form.language')}
        required
        value={draft.language}
        onChange={set('language') as (v: string) => void}
        options={[
          { value: 'kk', label: 'Қазақ тілі' },
          { value: 'ru', label: 'Русский язык' },
        ]}
        placeholder={t('portal:form.choose')}
        error={err('language')}
      />
    </fieldset>
  );
}
