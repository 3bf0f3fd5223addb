import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button';
import { TextAreaField } from '../../ui/fields';
import { Notice } from '../../ui/Notice';
import { useFormErrors } from '../../ui/use-form-errors';
import { sendClarification } from '../portal-api';

const FIELDS = ['text'] as const;
const MAX = 10000;

/** While the agency waits for the citizen (status `paused`): what it asked, and the reply. */
export function ClarificationForm({ request, number, trackingCode, onSent }: { request: string | null; number: string; trackingCode: string; onSent: () => void }) {
  const { t } = useTranslation('portal');
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState(false);
  const errors = useFormErrors(FIELDS);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (!text.trim()) return errors.show({ text: t('check.required') });
    setBusy(true);
    try {
      await sendClarification(number, trackingCode, text.trim());
      setSent(true);
      onSent();
    } catch (err) {
      errors.showApiError(err);
    } finally {
      setBusy(false);
    }
  }

  if (sent) return <Notice kind="success">{t('clarification.sent')}</Notice>;
  return (
    <section aria-labelledby="clarification-title">
      <h3 id="clarification-title">{t('clarification.title')}</h3>
      {request ? (
        <>
          <p>{t('clarification.asked')}</p>
          <p className="answer">{request}</p>
        </>
      ) : null}
      {errors.formError ? (
        <Notice kind="error" id="form-error">
          {errors.formError}
        </Notice>
      ) : null}
      <form className="form" noValidate onSubmit={onSubmit}>
        <TextAreaField name="text" label={t('clarification.reply')} required maxLength={MAX} value={text} onChange={setText} error={errors.fields.text} />
        <Button type="submit" busy={busy} busyLabel={t('form.sending')}>
          {t('clarification.send')}
        </Button>
      </form>
    </section>
  );
}
