import { FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { newIdempotencyKey } from '../../shared/idempotency-key';
import { normalizeKzPhone } from '../../shared/kz-checks';
import { Button } from '../../ui/Button';
import { useLanguage } from '../../ui/dates';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../ui/fields';
import { Loading } from '../../ui/Loading';
import { Notice } from '../../ui/Notice';
import { PageTitle } from '../../ui/PageTitle';
import { describeFailure, useFormErrors } from '../../ui/use-form-errors';
import { ApiError } from '../../api/errors';
import { APPEAL_TYPES, fetchReference, PortalReference, submitAppeal } from '../portal-api';
import { rememberReceipt } from '../receipt/receipt-store';
import { AppealDraft, checkDraft, emptyDraft, FIELD_ALIASES, FIELD_ORDER, FieldName, iinCheck, LIMITS, phoneCheck, toInput } from './appeal-draft';
import { branchOptions, categoryOptions } from './reference-options';

/**
 * The appeal form. Checks what it can as the citizen types (IIN checksum, Kazakh phone), shows the
 * API's own errors next to their fields, and sends each distinct body under one Idempotency-Key, so
 * a double click or a retry after a lost answer registers one appeal.
 */
export default function AppealFormPage() {
  const { t } = useTranslation('portal');
  const language = useLanguage();
  const navigate = useNavigate();
  const [reference, setReference] = useState<PortalReference | null>(null);
  const [referenceError, setReferenceError] = useState<string | null>(null);
  const [draft, setDraft] = useState<AppealDraft>(() => emptyDraft(language));
  const [touched, setTouched] = useState<Partial<Record<FieldName, boolean>>>({});
  const [sending, setSending] = useState(false);
  const errors = useFormErrors(FIELD_ORDER, FIELD_ALIASES);
  const attempt = useRef<{ body: string; key: string } | null>(null);

  useEffect(() => {
    let live = true;
    fetchReference()
      .then((r) => live && setReference(r))
      .catch((err: unknown) => live && setReferenceError(err instanceof ApiError ? describeFailure(err, [], t) : t('form.referenceFailed')));
    return () => {
      live = false;
    };
  }, [t]);

  const categories = useMemo(() => (reference ? categoryOptions(reference, language) : []), [reference, language]);
  const branches = useMemo(() => (reference ? branchOptions(reference, language) : []), [reference, language]);

  const set = <K extends keyof AppealDraft>(key: K, field?: FieldName) => (value: AppealDraft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    if (field) errors.clearField(field);
  };
  const touch = (field: FieldName) => () => setTouched((p) => ({ ...p, [field]: true }));

  // Live checks: the IIN once all 12 digits are there (or the field was left), the phone once left.
  const liveIin = draft.iin.trim() && (draft.iin.trim().length >= 12 || touched['applicant.iin']) ? iinCheck(draft.iin) : undefined;
  const livePhone = draft.phone.trim() && touched['applicant.phone'] ? phoneCheck(draft.phone) : undefined;
  // The number as it will be stored (+7XXXXXXXXXX), shown as soon as it is a valid Kazakh number.
  const normalisedPhone = draft.phone.trim() ? normalizeKzPhone(draft.phone.trim()) : null;
  const fieldError = (field: FieldName, live?: string) => errors.fields[field] || (live ? t(live) : undefined);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (sending) return;
    const problems = checkDraft(draft);
    if (Object.keys(problems).length > 0) {
      errors.show(Object.fromEntries(Object.entries(problems).map(([f, key]) => [f, t(key as string)])));
      return;
    }
    const input = toInput(draft);
    const body = JSON.stringify(input);
    // The same body keeps its key (a retry is recognised); a corrected body is a new request.
    if (attempt.current?.body !== body) attempt.current = { body, key: newIdempotencyKey() };
    setSending(true);
    try {
      const receipt = await submitAppeal(input, attempt.current.key);
      rememberReceipt(receipt);
      navigate('/appeal/receipt', { state: receipt });
    } catch (err) {
      setSending(false);
      errors.showApiError(err);
    }
  }

  if (referenceError) return <Notice kind="error" title={t('form.referenceFailed')}>{referenceError}</Notice>;
  if (!reference) return <Loading />;

  const typeOptions = APPEAL_TYPES.map((value) => ({ value, label: t(`common:type.${value}`) }));
  return (
    <>
      <PageTitle>{t('form.title')}</PageTitle>
      <p>{t('form.intro')}</p>
      <ErrorSummary errors={errors.list} />
      {errors.formError ? (
        <Notice kind="error" id="form-error">
          {errors.formError}
        </Notice>
      ) : null}
      <form className="form" noValidate onSubmit={onSubmit}>
        <SelectField name="type" label={t('form.type')} hint={t('form.typeHint')} required value={draft.type} onChange={set('type', 'type') as (v: string) => void} options={typeOptions} placeholder={t('form.choose')} error={fieldError('type')} />
        <SelectField name="categoryId" label={t('form.category')} required value={draft.categoryId} onChange={set('categoryId', 'categoryId')} options={categories} placeholder={t('form.choose')} error={fieldError('categoryId')} />
        <SelectField name="branchId" label={t('form.branch')} hint={t('form.branchHint')} required value={draft.branchId} onChange={set('branchId', 'branchId')} options={branches} placeholder={t('form.choose')} error={fieldError('branchId')} />

        <h2 className="form-section">{t('form.aboutYou')}</h2>
        <Notice>{t('form.anonymousNote')}</Notice>
        <TextField name="applicant.fullName" label={t('form.fullName')} autoComplete="name" required maxLength={LIMITS.fullName} value={draft.fullName} onChange={set('fullName', 'applicant.fullName')} error={fieldError('applicant.fullName')} />
        <TextField
          name="applicant.iin"
          label={t('form.iin')}
          hint={t('form.iinHint')}
          inputMode="numeric"
          autoComplete="off"
          required
          maxLength={12}
          value={draft.iin}
          onChange={set('iin', 'applicant.iin')}
          onBlur={touch('applicant.iin')}
          error={fieldError('applicant.iin', liveIin)}
        />
        <TextField
          name="applicant.phone"
          type="tel"
          label={t('form.phone')}
          hint={t('form.phoneHint')}
          inputMode="tel"
          autoComplete="tel"
          value={draft.phone}
          onChange={set('phone', 'applicant.phone')}
          onBlur={touch('applicant.phone')}
          error={fieldError('applicant.phone', livePhone)}
          aside={normalisedPhone && !fieldError('applicant.phone', livePhone) ? t('form.phoneNormalised', { phone: normalisedPhone }) : undefined}
        />
        <TextField name="applicant.email" type="email" label={t('form.email')} inputMode="email" autoComplete="email" value={draft.email} onChange={set('email', 'applicant.email')} error={fieldError('applicant.email')} />
        <TextField name="applicant.address" label={t('form.address')} autoComplete="street-address" maxLength={LIMITS.address} value={draft.address} onChange={set('address', 'applicant.address')} error={fieldError('applicant.address')} />
        <CheckboxField name="collective" label={t('form.collective')} hint={t('form.collectiveHint')} checked={draft.collective} onChange={set('collective')} />
        {draft.collective ? (
          <TextField name="collective.signatories" label={t('form.signatories')} hint={t('form.signatoriesHint')} inputMode="numeric" required value={draft.signatories} onChange={set('signatories', 'collective.signatories')} error={fieldError('collective.signatories')} />
        ) : null}

        <h2 className="form-section">{t('form.yourAppeal')}</h2>
        <TextField name="subject" label={t('form.subject')} required value={draft.subject} onChange={set('subject', 'subject')} error={fieldError('subject')} aside={t('common:form.characters', { used: [...draft.subject].length, max: LIMITS.subject })} />
        <TextAreaField name="text" label={t('form.text')} hint={t('form.textHint')} required maxLength={LIMITS.text} rows={8} value={draft.text} onChange={set('text', 'text')} error={fieldError('text')} />
        <SelectField
          name="language"
          label={t('form.language')}
          hint={t('form.languageHint')}
          required
          value={draft.language}
          onChange={set('language', 'language') as (v: string) => void}
          options={[
            { value: 'kk', label: 'Қазақ тілі' },
            { value: 'ru', label: 'Русский язык' },
          ]}
          placeholder={t('form.choose')}
          error={fieldError('language')}
        />
        <div className="actions">
          <Button type="submit" busy={sending} busyLabel={t('form.sending')}>
            {t('form.submit')}
          </Button>
        </div>
      </form>
    </>
  );
}
