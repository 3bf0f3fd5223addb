import { KeyboardEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/errors';
import { Button } from '../../ui/Button';
import { DateText } from '../../ui/dates';
import { fieldId, TextField } from '../../ui/fields';
import { describeFailure } from '../../ui/use-form-errors';
import { findAppeals, ListedAppeal } from '../work-api';

/**
 * A caller asks about their appeal: found by its number, or by the caller's phone or IIN (GET
 * /appeals?q=). Choosing a result names the appeal in the call's record. Results are announced.
 */
export function StatusInquiry({ initialQuery, chosen, onChoose, error }: { initialQuery: string; chosen: string; onChoose: (number: string) => void; error?: string }) {
  const { t } = useTranslation('staff');
  const [q, setQ] = useState(initialQuery);
  const [busy, setBusy] = useState(false);
  const [found, setFound] = useState<ListedAppeal[] | null>(null);
  const [message, setMessage] = useState('');

  // The search box sits inside the call's form: Enter there searches instead of saving the call.
  function onKeyDown(e: KeyboardEvent) {
    if (e.key === 'Enter' && (e.target as HTMLElement).id === fieldId('inquiry')) {
      e.preventDefault();
      void search();
    }
  }

  async function search() {
    if (!q.trim()) return;
    setBusy(true);
    try {
      const page = await findAppeals({ q: q.trim(), pageSize: 10 });
      setFound(page.items);
      setMessage(t('calls.inquiryFound', { count: page.total }));
    } catch (err) {
      setFound(null);
      setMessage(err instanceof ApiError ? describeFailure(err, [], t) : t('common:errors.unexpected'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="inquiry-title" className="panel">
      <h3 id="inquiry-title">{t('calls.inquiryTitle')}</h3>
      <div className="inline-form" onKeyDown={onKeyDown}>
        <TextField name="inquiry" type="search" label={t('calls.inquiryQuery')} hint={t('calls.inquiryHint')} value={q} onChange={setQ} error={error} />
        <Button variant="secondary" busy={busy} busyLabel={t('general.searching')} onClick={() => void search()}>
          {t('general.search')}
        </Button>
      </div>
      <p role="status" className="visually-hidden-when-empty">
        {message}
      </p>
      {found && found.length > 0 ? (
        <ul className="result-list">
          {found.map((a) => (
            <li key={a.id} className={chosen === a.number ? 'result result--chosen' : 'result'}>
              <p>
                <strong>{a.number}</strong> — {t(`case.status.${a.status}`)}. {t('case.dueDate')}: <DateText date={a.dueDate} />
              </p>
              <p>{a.subject}</p>
              <Button variant="secondary" aria-pressed={chosen === a.number} onClick={() => onChoose(a.number)}>
                {chosen === a.number ? t('calls.inquiryChosen', { number: a.number }) : t('calls.inquiryChoose', { number: a.number })}
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
