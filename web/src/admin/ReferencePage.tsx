import { FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../api/client';
import { ApiError } from '../api/errors';
import type { components } from '../api/schema';
import { Agency, Branch, Category, forgetReference, loadReference, localName } from '../analyst/reference';
import { currentLanguage } from '../i18n/i18n';
import { Button } from '../ui/Button';
import { SelectField, TextField } from '../ui/fields';
import { Loading } from '../ui/Loading';
import { Notice } from '../ui/Notice';
import { PageTitle } from '../ui/PageTitle';
import './admin.css';

type Level = components['schemas']['BranchView']['level'];
const LEVELS: Level[] = ['central', 'regional', 'district', 'primary'];
type Failure = { message: string; fields: Map<string, string> };
const failure = (e: unknown, fallback: string): Failure => (e instanceof ApiError ? { message: e.body.message, fields: e.fieldMessages() } : { message: fallback, fields: new Map() });

/**
 * Branches, agencies and categories: the lists and a form to add one (the API has no edit for
 * them). Category names are in kk, ru and en; branches and agencies show `names` once the API
 * sends them (v1.1).
 */
export default function ReferencePage() {
  const { t } = useTranslation(['admin', 'common']);
  const language = currentLanguage();
  const [ref, setRef] = useState<{ branches: Branch[]; categories: Category[]; agencies: Agency[] } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const reload = () => {
    forgetReference();
    loadReference().then(setRef, () => undefined);
  };
  useEffect(reload, []);
  const added = (what: string) => {
    setNotice(t('reference.added', { what }));
    reload();
  };
  if (!ref) return <Loading />;
  const branchName = (id: string | null) => (id ? localName(ref.branches.find((b) => b.id === id), language) : '—');

  return (
    <div>
      <PageTitle>{t('reference.title')}</PageTitle>
      {notice ? <Notice kind="success">{notice}</Notice> : null}
      <section aria-labelledby="branches">
        <h2 id="branches">{t('reference.branches')}</h2>
        <div className="table-wrap" tabIndex={0}>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('reference.code')}</th>
                <th scope="col" className="text">{t('reference.names')}</th>
                <th scope="col" className="text">{t('reference.level')}</th>
                <th scope="col" className="text">{t('reference.parent')}</th>
              </tr>
            </thead>
            <tbody>
              {ref.branches.map((b) => (
                <tr key={b.id}>
                  <th scope="row">{b.code}</th>
                  <td className="text">{allNames(b.names)}</td>
                  <td className="text">{t(`reference.levels.${b.level}`)}</td>
                  <td className="text">{branchName(b.parentId)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <AddBranch branches={ref.branches} onAdded={added} />
      </section>
      <section aria-labelledby="agencies">
        <h2 id="agencies">{t('reference.agencies')}</h2>
        <div className="table-wrap" tabIndex={0}>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('reference.code')}</th>
                <th scope="col" className="text">{t('reference.names')}</th>
                <th scope="col" className="text">{t('reference.territory')}</th>
              </tr>
            </thead>
            <tbody>
              {ref.agencies.map((a) => (
                <tr key={a.id}>
                  <th scope="row">{a.code}</th>
                  <td className="text">{allNames(a.names)}</td>
                  <td className="text">{a.branchId ? branchName(a.branchId) : t('reference.national')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <AddAgency branches={ref.branches} onAdded={added} />
      </section>
      <section aria-labelledby="categories">
        <h2 id="categories">{t('reference.categories')}</h2>
        <div className="table-wrap" tabIndex={0}>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('reference.code')}</th>
                <th scope="col" className="text">Қазақша</th>
                <th scope="col" className="text">Русский</th>
                <th scope="col" className="text">English</th>
              </tr>
            </thead>
            <tbody>
              {ref.categories.map((c) => (
                <tr key={c.id}>
                  <th scope="row">{c.code}</th>
                  <td className="text" lang="kk">{c.names.kk}</td>
                  <td className="text" lang="ru">{c.names.ru}</td>
                  <td className="text" lang="en">{c.names.en}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <AddCategory categories={ref.categories} onAdded={added} />
      </section>
    </div>
  );
}

function useSubmit(run: () => Promise<string>, onAdded: (what: string) => void) {
  const { t } = useTranslation('common');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Failure | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onAdded(await run());
    } catch (err) {
      setError(failure(err, t('errors.unexpected')));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, submit };
}

function AddBranch({ branches, onAdded }: { branches: Branch[]; onAdded: (what: string) => void }) {
  const { t } = useTranslation('admin');
  const language = currentLanguage();
  const [f, setF] = useState({ code: '', name: '', level: '', parentId: '' });
  const { busy, error, submit } = useSubmit(async () => {
    await call(api.POST('/api/v1/branches', { body: { code: f.code, name: f.name, level: f.level as Level, ...(f.parentId ? { parentId: f.parentId } : {}) } }));
    return f.code;
  }, onAdded);
  return (
    <form className="admin-panel form" onSubmit={submit} aria-labelledby="add-branch">
      <h3 id="add-branch">{t('reference.addBranch')}</h3>
      {error ? <Notice kind="error">{error.message}</Notice> : null}
      <TextField name="branch-code" label={t('reference.code')} required value={f.code} onChange={(code) => setF({ ...f, code })} error={error?.fields.get('code')} />
      <TextField name="branch-name" label={t('reference.nameRu')} required value={f.name} onChange={(name) => setF({ ...f, name })} error={error?.fields.get('name')} />
      <SelectField name="branch-level" label={t('reference.level')} required placeholder={t('reference.choose')} value={f.level} onChange={(level) => setF({ ...f, level })} options={LEVELS.map((l) => ({ value: l, label: t(`reference.levels.${l}`) }))} error={error?.fields.get('level')} />
      <SelectField name="branch-parent" label={t('reference.parent')} placeholder={t('reference.none')} value={f.parentId} onChange={(parentId) => setF({ ...f, parentId })} options={branches.map((b) => ({ value: b.id, label: `${b.code} — ${localName(b, language)}` }))} error={error?.fields.get('parentId')} />
      <Button type="submit" busy={busy}>
        {t('reference.add')}
      </Button>
    </form>
  );
}

function AddAgency({ branches, onAdded }: { branches: Branch[]; onAdded: (what: string) => void }) {
  const { t } = useTranslation('admin');
  const language = currentLanguage();
  const [f, setF] = useState({ code: '', name: '', branchId: '' });
  const { busy, error, submit } = useSubmit(async () => {
    await call(api.POST('/api/v1/agencies', { body: { code: f.code, name: f.name, ...(f.branchId ? { branchId: f.branchId } : {}) } }));
    return f.code;
  }, onAdded);
  return (
    <form className="admin-panel form" onSubmit={submit} aria-labelledby="add-agency">
      <h3 id="add-agency">{t('reference.addAgency')}</h3>
      {error ? <Notice kind="error">{error.message}</Notice> : null}
      <TextField name="agency-code" label={t('reference.code')} required value={f.code} onChange={(code) => setF({ ...f, code })} error={error?.fields.get('code')} />
      <TextField name="agency-name" label={t('reference.nameRu')} required value={f.name} onChange={(name) => setF({ ...f, name })} error={error?.fields.get('name')} />
      <SelectField name="agency-branch" label={t('reference.territory')} placeholder={t('reference.national')} value={f.branchId} onChange={(branchId) => setF({ ...f, branchId })} options={branches.map((b) => ({ value: b.id, label: `${b.code} — ${localName(b, language)}` }))} error={error?.fields.get('branchId')} />
      <Button type="submit" busy={busy}>
        {t('reference.add')}
      </Button>
    </form>
  );
}

function AddCategory({ categories, onAdded }: { categories: Category[]; onAdded: (what: string) => void }) {
  const { t } = useTranslation('admin');
  const language = currentLanguage();
  const [f, setF] = useState({ code: '', kk: '', ru: '', en: '', parentId: '' });
  const { busy, error, submit } = useSubmit(async () => {
    await call(api.POST('/api/v1/categories', { body: { code: f.code, names: { kk: f.kk, ru: f.ru, en: f.en }, ...(f.parentId ? { parentId: f.parentId } : {}) } }));
    return f.code;
  }, onAdded);
  return (
    <form className="admin-panel form" onSubmit={submit} aria-labelledby="add-category">
      <h3 id="add-category">{t('reference.addCategory')}</h3>
      {error ? <Notice kind="error">{error.message}</Notice> : null}
      <TextField name="category-code" label={t('reference.code')} required value={f.code} onChange={(code) => setF({ ...f, code })} error={error?.fields.get('code')} />
      <TextField name="names.kk" label={t('reference.nameKk')} required value={f.kk} onChange={(kk) => setF({ ...f, kk })} error={error?.fields.get('names.kk')} />
      <TextField name="names.ru" label={t('reference.nameRu')} required value={f.ru} onChange={(ru) => setF({ ...f, ru })} error={error?.fields.get('names.ru')} />
      <TextField name="names.en" label={t('reference.nameEn')} required value={f.en} onChange={(en) => setF({ ...f, en })} error={error?.fields.get('names.en')} />
      <SelectField name="category-parent" label={t('reference.parentCategory')} placeholder={t('reference.none')} value={f.parentId} onChange={(parentId) => setF({ ...f, parentId })} options={categories.map((c) => ({ value: c.id, label: `${c.code} — ${c.names[language]}` }))} error={error?.fields.get('parentId')} />
      <Button type="submit" busy={busy}>
        {t('reference.add')}
      </Button>
    </form>
  );
}

/** The three names side by side, Kazakh first, as an administrator checks them. */
function allNames(names: { kk: string; ru: string; en: string }): string {
  return `${names.kk} / ${names.ru} / ${names.en}`;
}
