import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/errors';
import { Button } from '../../ui/Button';
import { RadioGroup, TextAreaField } from '../../ui/fields';
import { Notice } from '../../ui/Notice';
import { useFormErrors } from '../../ui/use-form-errors';
import { sendFeedback } from '../portal-api';

const FIELDS = ['satisfied', 'comment'] as const;

/** After the answer: was the citizen satisfied? Once per appeal (a second time the API says DUPLICATE). */
export function FeedbackForm({ number, trackingCode }: { number: string; trackingCode: string }) {
  const { t } = useTranslation('portal');
  const [satisfied, setSatisfied] = useState('');
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<'sent' | 'already' | null>(null);
  const errors = useFormErrors(FIELDS);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (!satisfied) return errors.show({ satisfied: t('check.choose') });
    setBusy(true);
    try {
      await sendFeedback(number, trackingCode, satisfied === 'yes', comment.trim() || undefined);
      setDone('sent');
    } catch (err) {
      if (err instanceof ApiError && err.code === 'DUPLICATE') setDone('already');
      else errors.showApiError(err);
    } finally {
      setBusy(false);
    }
  }

  if (done) return <Notice kind="success">{t(done === 'sent' ? 'feedback.thanks' : 'feedback.already')}</Notice>;
  return (
    <section aria-labelledby="feedback-title">
      <h3 id="feedback-title">{t('feedback.title')}</h3>
      {errors.formError ? (
        <Notice kind="error" id="form-error">
          {errors.formError}
        </Notice>
      ) : null}
      <form className="form" noValidate onSubmit={onSubmit}>
        <RadioGroup
          name="satisfied"
          legend={t('feedback.question')}
          value={satisfied}
          onChange={setSatisfied}
          options={[
            { value: 'yes', label: t('feedback.yes') },
            { value: 'no', label: t('feedback.no') },
          ]}
          error={errors.fields.satisfied}
        />
        <TextAreaField name="comment" label={t('feedback.comment')} rows={4} value={comment} onChange={setComment} error={errors.fields.comment} />
        <Button type="submit" busy={busy} busyLabel={t('form.sending')}>
          {t('feedback.send')}
        </Button>
      </form>
    </section>
  );
}
