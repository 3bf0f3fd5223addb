import { FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { ApiError } from '../../api/errors';
import { Button } from '../../ui/Button';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { TextField } from '../../ui/fields';
import { Notice } from '../../ui/Notice';
import { PageTitle } from '../../ui/PageTitle';
import { useFormErrors } from '../../ui/use-form-errors';
import { AppealStatus, trackAppeal } from '../portal-api';
import { StatusView } from './StatusView';

const FIELDS = ['number', 'trackingCode'] as const;

/**
 * Number + tracking code → where the appeal is. The pair stays in the page (never in the address),
 * so it does not end up in the browser history or in server logs.
 */
export default function TrackPage() {
  const { t } = useTranslation('portal');
  const location = useLocation();
  const given = location.state as { number?: string; trackingCode?: string } | null;
  const [number, setNumber] = useState(given?.number ?? '');
  const [code, setCode] = useState(given?.trackingCode ?? '');
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<AppealStatus | null>(null);
  const [asked, setAsked] = useState<{ number: string; code: string } | null>(null);
  const errors = useFormErrors(FIELDS, { trackingCode: 'trackingCode' });
  const resultRef = useRef<HTMLElement>(null);

  async function look(n: string, c: string, moveFocus: boolean) {
    setBusy(true);
    try {
      const found = await trackAppeal(n, c);
      setStatus(found);
      setAsked({ number: n, code: c });
      errors.show({});
      if (moveFocus) requestAnimationFrame(() => resultRef.current?.focus());
    } catch (err) {
      setStatus(null);
      if (err instanceof ApiError && err.status === 404) errors.show({}, t('track.notFound'));
      else errors.showApiError(err);
    } finally {
      setBusy(false);
    }
  }

  useEffect(() => {
    if (given?.number && given.trackingCode) void look(given.number, given.trackingCode, true);
    // only for the pair handed over by the receipt page
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    const n = number.trim();
    const c = code.trim();
    const missing: Record<string, string> = {};
    if (!n) missing.number = t('check.required');
    if (!c) missing.trackingCode = t('check.required');
    if (Object.keys(missing).length) return errors.show(missing);
    void look(n, c, true);
  }

  return (
    <>
      <PageTitle>{t('track.title')}</PageTitle>
      <p>{t('track.intro')}</p>
      <ErrorSummary errors={errors.list} />
      {errors.formError ? (
        <Notice kind="error" id="form-error">
          {errors.formError}
        </Notice>
      ) : null}
      <form className="form" noValidate onSubmit={onSubmit}>
        <TextField name="number" label={t('track.number')} hint={t('track.numberHint')} required autoComplete="off" value={number} onChange={setNumber} error={errors.fields.number} />
        <TextField name="trackingCode" label={t('track.code')} hint={t('track.codeHint')} required autoComplete="off" value={code} onChange={setCode} error={errors.fields.trackingCode} />
        <div className="actions">
          <Button type="submit" busy={busy} busyLabel={t('track.looking')}>
            {t('track.submit')}
          </Button>
        </div>
      </form>
      {status && asked ? (
        <section ref={resultRef} tabIndex={-1} aria-labelledby="status-title">
          <StatusView status={status} number={asked.number} trackingCode={asked.code} onChanged={() => look(asked.number, asked.code, false)} />
        </section>
      ) : null}
    </>
  );
}
