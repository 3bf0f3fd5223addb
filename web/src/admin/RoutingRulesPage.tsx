import { FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../api/client';
import { ApiError } from '../api/errors';
import type { components } from '../api/schema';
import { Agency, Branch, Category, loadReference, localName } from '../analyst/reference';
import { currentLanguage } from '../i18n/i18n';
import { Button } from '../ui/Button';
import { SelectField, TextField } from '../ui/fields';
import { Loading } from '../ui/Loading';
import { Notice } from '../ui/Notice';
import { PageTitle } from '../ui/PageTitle';
import './admin.css';

type Rule = components['schemas']['RoutingRuleView'];

/** Routing rules: the list, a new rule, and "which agency would get this?" asked of the server's own resolution. */
export default function RoutingRulesPage() {
  const { t } = useTranslation(['admin', 'common']);
  const language = currentLanguage();
  const [ref, setRef] = useState<{ branches: Branch[]; categories: Category[]; agencies: Agency[] } | null>(null);
  const [rules, setRules] = useState<Rule[] | null>(null);
  const reload = () => void call(api.GET('/api/v1/routing-rules', {})).then(setRules, () => setRules([]));
  useEffect(() => {
    loadReference().then(setRef, () => undefined);
    reload();
  }, []);
  if (!ref || !rules) return <Loading />;
  const category = (id: string) => {
    const c = ref.categories.find((x) => x.id === id);
    return c ? `${c.code} — ${c.names[language]}` : id;
  };
  const branch = (id: string | null) => (id ? localName(ref.branches.find((b) => b.id === id), language) : t('routing.everywhere'));
  const agency = (id: string) => localName(ref.agencies.find((a) => a.id === id), language);
  const categoryOptions = ref.categories.map((c) => ({ value: c.id, label: `${c.code} — ${c.names[language]}` }));
  const branchOptions = ref.branches.map((b) => ({ value: b.id, label: `${b.code} — ${localName(b, language)}` }));

  return (
    <div>
      <PageTitle>{t('routing.title')}</PageTitle>
      <Tester categoryOptions={categoryOptions} branchOptions={branchOptions} describe={(r) => t('routing.resolved', { agency: agency(r.agencyId), category: category(r.categoryId), branch: branch(r.branchId), priority: r.priority })} />
      <div className="table-wrap" tabIndex={0}>
        <table className="table">
          <caption className="visually-hidden">{t('routing.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('routing.category')}</th>
              <th scope="col" className="text">{t('routing.branch')}</th>
              <th scope="col" className="text">{t('routing.agency')}</th>
              <th scope="col">{t('routing.priority')}</th>
            </tr>
          </thead>
          <tbody>
            {rules.map((r) => (
              <tr key={r.id}>
                <th scope="row">{category(r.categoryId)}</th>
                <td className="text">{branch(r.branchId)}</td>
                <td className="text">{agency(r.agencyId)}</td>
                <td>{r.priority}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <AddRule categoryOptions={categoryOptions} branchOptions={branchOptions} agencyOptions={ref.agencies.map((a) => ({ value: a.id, label: `${a.code} — ${localName(a, language)}` }))} onAdded={reload} />
    </div>
  );
}

type Options = { value: string; label: string }[];

function Tester({ categoryOptions, branchOptions, describe }: { categoryOptions: Options; branchOptions: Options; describe: (r: Rule) => string }) {
  const { t } = useTranslation(['admin', 'common']);
  const [categoryId, setCategoryId] = useState('');
  const [branchId, setBranchId] = useState('');
  const [answer, setAnswer] = useState<{ rule: Rule | null } | null>(null);
  const [error, setError] = useState<string | null>(null);
  async function ask(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setAnswer(null);
    try {
      setAnswer(await call(api.GET('/api/v1/routing-rules/resolve', { params: { query: { categoryId, branchId } } })));
    } catch (err) {
      setError(err instanceof ApiError ? err.body.message : t('common:errors.unexpected'));
    }
  }
  return (
    <form className="admin-panel form" onSubmit={ask} aria-labelledby="tester">
      <h2 id="tester">{t('routing.tester')}</h2>
      <SelectField name="test-category" label={t('routing.category')} required placeholder={t('routing.choose')} value={categoryId} onChange={setCategoryId} options={categoryOptions} />
      <SelectField name="test-branch" label={t('routing.branchOfAppeal')} required placeholder={t('routing.choose')} value={branchId} onChange={setBranchId} options={branchOptions} />
      <Button type="submit" variant="secondary">
        {t('routing.ask')}
      </Button>
      <div aria-live="polite">
        {error ? <Notice kind="error">{error}</Notice> : null}
        {answer ? <p className="answer">{answer.rule ? describe(answer.rule) : t('routing.noRule')}</p> : null}
      </div>
    </form>
  );
}

function AddRule({ categoryOptions, branchOptions, agencyOptions, onAdded }: { categoryOptions: Options; branchOptions: Options; agencyOptions: Options; onAdded: () => void }) {
  const { t } = useTranslation(['admin', 'common']);
  const [f, setF] = useState({ categoryId: '', branchId: '', agencyId: '', priority: '0' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; fields: Map<string, string> } | null>(null);
  const [done, setDone] = useState(false);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setDone(false);
    try {
      await call(api.POST('/api/v1/routing-rules', { body: { categoryId: f.categoryId, agencyId: f.agencyId, priority: Number(f.priority) || 0, ...(f.branchId ? { branchId: f.branchId } : {}) } }));
      setDone(true);
      onAdded();
    } catch (err) {
      setError(err instanceof ApiError ? { message: err.body.message, fields: err.fieldMessages() } : { message: t('common:errors.unexpected'), fields: new Map() });
    } finally {
      setBusy(false);
    }
  }
  return (
    <form className="admin-panel form" onSubmit={submit} aria-labelledby="add-rule">
      <h2 id="add-rule">{t('routing.add')}</h2>
      {error ? <Notice kind="error">{error.message}</Notice> : null}
      {done ? <Notice kind="success">{t('routing.added')}</Notice> : null}
      <SelectField name="categoryId" label={t('routing.category')} required placeholder={t('routing.choose')} value={f.categoryId} onChange={(categoryId) => setF({ ...f, categoryId })} options={categoryOptions} error={error?.fields.get('categoryId')} />
      <SelectField name="branchId" label={t('routing.branch')} placeholder={t('routing.everywhere')} value={f.branchId} onChange={(branchId) => setF({ ...f, branchId })} options={branchOptions} error={error?.fields.get('branchId')} />
      <SelectField name="agencyId" label={t('routing.agency')} required placeholder={t('routing.choose')} value={f.agencyId} onChange={(agencyId) => setF({ ...f, agencyId })} options={agencyOptions} error={error?.fields.get('agencyId')} />
      <TextField name="priority" type="number" label={t('routing.priority')} hint={t('routing.priorityHint')} value={f.priority} onChange={(priority) => setF({ ...f, priority })} error={error?.fields.get('priority')} />
      <Button type="submit" busy={busy}>
        {t('routing.addButton')}
      </Button>
    </form>
  );
}
