import { FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../api/client';
import { ApiError } from '../api/errors';
import type { components } from '../api/schema';
import { Button } from '../ui/Button';
import { CheckboxField, TextField } from '../ui/fields';
import { Loading } from '../ui/Loading';
import { Notice } from '../ui/Notice';
import { PageTitle } from '../ui/PageTitle';
import './admin.css';

type Policy = components['schemas']['DeadlinePolicyView'];

/** Deadline policies per appeal type: terms in working days, reminders, escalation steps. */
export default function PoliciesPage() {
  const { t } = useTranslation('admin');
  const [policies, setPolicies] = useState<Policy[] | null>(null);
  const reload = () => void call(api.GET('/api/v1/deadline-policies', {})).then(setPolicies, () => setPolicies([]));
  useEffect(reload, []);
  if (!policies) return <Loading />;
  return (
    <div>
      <PageTitle>{t('policies.title')}</PageTitle>
      <p>{t('policies.intro')}</p>
      {policies.map((p) => (
        <PolicyForm key={`${p.appealType}-${p.updatedAt}`} policy={p} onSaved={reload} />
      ))}
    </div>
  );
}

function PolicyForm({ policy, onSaved }: { policy: Policy; onSaved: () => void }) {
  const { t } = useTranslation(['admin', 'common']);
  const [f, setF] = useState({
    decisionWorkdays: String(policy.decisionWorkdays),
    forwardingWorkdays: String(policy.forwardingWorkdays),
    reminderLeadWorkdays: String(policy.reminderLeadWorkdays),
    escalationWorkdays: policy.escalationWorkdays.join(', '),
    restartOnTransfer: policy.restartOnTransfer,
  });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; fields: Map<string, string> } | null>(null);
  const [saved, setSaved] = useState(false);
  const id = `policy-${policy.appealType}`;
  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      await call(
        api.PUT('/api/v1/deadline-policies/{type}', {
          params: { path: { type: policy.appealType } },
          body: {
            decisionWorkdays: Number(f.decisionWorkdays),
            forwardingWorkdays: Number(f.forwardingWorkdays),
            reminderLeadWorkdays: Number(f.reminderLeadWorkdays),
            escalationWorkdays: f.escalationWorkdays.split(/[,\s]+/).filter(Boolean).map(Number),
            restartOnTransfer: f.restartOnTransfer,
          },
        } as never),
      );
      setSaved(true);
      onSaved();
    } catch (err) {
      setError(err instanceof ApiError ? { message: err.body.message, fields: err.fieldMessages() } : { message: t('common:errors.unexpected'), fields: new Map() });
    } finally {
      setBusy(false);
    }
  }
  const field = (name: keyof typeof f) => ({ name: `${id}-${name}`, value: String(f[name]), onChange: (v: string) => setF({ ...f, [name]: v }), error: error?.fields.get(name) });
  return (
    <form className="admin-panel form" onSubmit={submit} aria-labelledby={id}>
      <h2 id={id}>{t(`common:type.${policy.appealType}`)}</h2>
      {error ? <Notice kind="error">{error.message}</Notice> : null}
      {saved ? <Notice kind="success">{t('policies.saved')}</Notice> : null}
      <TextField {...field('decisionWorkdays')} type="number" label={t('policies.decision')} />
      <TextField {...field('forwardingWorkdays')} type="number" label={t('policies.forwarding')} />
      <TextField {...field('reminderLeadWorkdays')} type="number" label={t('policies.reminder')} hint={t('policies.reminderHint')} />
      <TextField {...field('escalationWorkdays')} label={t('policies.escalation')} hint={t('policies.escalationHint')} />
      <CheckboxField name={`${id}-restart`} label={t('policies.restart')} checked={f.restartOnTransfer} onChange={(restartOnTransfer) => setF({ ...f, restartOnTransfer })} />
      <Button type="submit" busy={busy}>
        {t('policies.save')}
      </Button>
    </form>
  );
}
