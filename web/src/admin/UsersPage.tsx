import { FormEvent, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, call } from '../api/client';
import { ApiError } from '../api/errors';
import type { AccountView, UserPage } from './admin-api';
import { Role, ROLES } from '../auth/session';
import { localName, useReference } from '../analyst/reference';
import { currentLanguage } from '../i18n/i18n';
import { Button } from '../ui/Button';
import { CheckboxField, SelectField, TextField } from '../ui/fields';
import { Loading } from '../ui/Loading';
import { Notice } from '../ui/Notice';
import { PageTitle } from '../ui/PageTitle';
import './admin.css';
import { listUsers } from './admin-api';

/** Agency officers are scoped to an agency, the branch roles to a branch, the admin to nothing. */
const scopeOf = (role: string) => (role === 'agency_officer' ? 'agency' : role === 'admin' || role === '' ? null : 'branch');

function messageOf(e: unknown, fallback: string): { message: string; fields: Map<string, string> } {
  return e instanceof ApiError ? { message: e.body.message, fields: e.fieldMessages() } : { message: fallback, fields: new Map() };
}

export default function UsersPage() {
  const { t } = useTranslation(['admin', 'common']);
  const [params, setParams] = useSearchParams();
  const [page, setPage] = useState<UserPage | null>(null);
  const [editing, setEditing] = useState<AccountView | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const filters = { role: (params.get('role') as Role) || undefined, q: params.get('q') || undefined, active: params.get('active') ? params.get('active') === 'true' : undefined };
  const [q, setQ] = useState(filters.q ?? '');

  const reload = useCallback(() => {
    listUsers({ ...filters, page: Number(params.get('page')) || 1, pageSize: 50 }).then(setPage, () => setPage({ items: [], total: 0, page: 1, pageSize: 50 }));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [params]);
  useEffect(reload, [reload]);

  const setFilter = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    next.delete('page');
    setParams(next);
  };

  return (
    <div>
      <PageTitle>{t('users.title')}</PageTitle>
      {notice ? <Notice kind="success">{notice}</Notice> : null}
      <form
        className="admin-filters"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setFilter('q', q);
        }}
      >
        <TextField name="filter-q" type="search" label={t('users.search')} value={q} onChange={setQ} />
        <SelectField name="filter-role" label={t('users.role')} placeholder={t('users.anyRole')} value={filters.role ?? ''} onChange={(v) => setFilter('role', v)} options={ROLES.map((r) => ({ value: r, label: t(`common:role.${r}`) }))} />
        <SelectField
          name="filter-active"
          label={t('users.state')}
          placeholder={t('users.anyState')}
          value={params.get('active') ?? ''}
          onChange={(v) => setFilter('active', v)}
          options={[
            { value: 'true', label: t('users.active') },
            { value: 'false', label: t('users.inactive') },
          ]}
        />
        <Button type="submit" variant="secondary">
          {t('users.find')}
        </Button>
      </form>
      {!page ? (
        <Loading />
      ) : (
        <div className="table-wrap" tabIndex={0}>
          <table className="table">
            <caption className="visually-hidden">{t('users.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('users.login')}</th>
                <th scope="col" className="text">
                  {t('users.fullName')}
                </th>
                <th scope="col" className="text">
                  {t('users.role')}
                </th>
                <th scope="col" className="text">
                  {t('users.state')}
                </th>
                <th scope="col" className="text">
                  {t('users.actions')}
                </th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((u) => (
                <tr key={u.id}>
                  <th scope="row">{u.login}</th>
                  <td className="text">{u.fullName}</td>
                  <td className="text">{t(`common:role.${u.role}`)}</td>
                  <td className="text">{u.active ? t('users.active') : t('users.inactive')}</td>
                  <td className="text">
                    <Button variant="link" onClick={() => setEditing(u)} aria-label={t('users.editWho', { login: u.login })}>
                      {t('users.edit')}
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>{t('users.total', { n: page.total })}</p>
        </div>
      )}
      {editing ? (
        <EditUser
          key={editing.id}
          user={editing}
          onDone={(message) => {
            setEditing(null);
            setNotice(message);
            reload();
          }}
          onCancel={() => setEditing(null)}
        />
      ) : null}
      <CreateUser
        onCreated={(login) => {
          setNotice(t('users.created', { login }));
          reload();
        }}
      />
    </div>
  );
}

function ScopeField({ prefix = '', role, branchId, agencyId, onBranch, onAgency, error }: { prefix?: string; role: string; branchId: string; agencyId: string; onBranch: (v: string) => void; onAgency: (v: string) => void; error?: string }) {
  const { t } = useTranslation('admin');
  const reference = useReference();
  const language = currentLanguage();
  const scope = scopeOf(role);
  if (!scope || !reference) return null;
  return scope === 'agency' ? (
    <SelectField name={`${prefix}agencyId`} label={t('users.agency')} placeholder={t('users.choose')} required value={agencyId} onChange={onAgency} error={error} options={reference.agencies.map((a) => ({ value: a.id, label: localName(a, language) }))} />
  ) : (
    <SelectField name={`${prefix}branchId`} label={t('users.branch')} placeholder={t('users.choose')} required value={branchId} onChange={onBranch} error={error} options={reference.branches.map((b) => ({ value: b.id, label: `${b.code} — ${localName(b, language)}` }))} />
  );
}

function CreateUser({ onCreated }: { onCreated: (login: string) => void }) {
  const { t } = useTranslation(['admin', 'common']);
  const [form, setForm] = useState({ login: '', fullName: '', role: '', branchId: '', agencyId: '', password: '' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; fields: Map<string, string> } | null>(null);
  const set = (k: keyof typeof form) => (v: string) => setForm((f) => ({ ...f, [k]: v }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const scope = scopeOf(form.role);
      await call(
        api.POST('/api/v1/users', {
          body: {
            login: form.login,
            fullName: form.fullName,
            password: form.password,
            role: form.role as Role,
            ...(scope === 'branch' && form.branchId ? { branchId: form.branchId } : {}),
            ...(scope === 'agency' && form.agencyId ? { agencyId: form.agencyId } : {}),
          },
        }),
      );
      onCreated(form.login);
      setForm({ login: '', fullName: '', role: '', branchId: '', agencyId: '', password: '' });
    } catch (err) {
      setError(messageOf(err, t('common:errors.unexpected')));
    } finally {
      setBusy(false);
    }
  }
  const f = error?.fields;
  return (
    <form className="admin-panel form" onSubmit={submit} aria-labelledby="create-user">
      <h2 id="create-user">{t('users.create')}</h2>
      {error ? <Notice kind="error">{error.message}</Notice> : null}
      <TextField name="login" label={t('users.login')} required value={form.login} onChange={set('login')} error={f?.get('login')} autoComplete="off" />
      <TextField name="fullName" label={t('users.fullName')} required value={form.fullName} onChange={set('fullName')} error={f?.get('fullName')} />
      <SelectField name="role" label={t('users.role')} required placeholder={t('users.choose')} value={form.role} onChange={set('role')} error={f?.get('role')} options={ROLES.map((r) => ({ value: r, label: t(`common:role.${r}`) }))} />
      <ScopeField role={form.role} branchId={form.branchId} agencyId={form.agencyId} onBranch={set('branchId')} onAgency={set('agencyId')} error={f?.get('branchId') ?? f?.get('agencyId')} />
      <TextField name="password" type="password" label={t('users.password')} hint={t('users.passwordHint')} required value={form.password} onChange={set('password')} error={f?.get('password')} autoComplete="new-password" />
      <Button type="submit" busy={busy}>
        {t('users.createButton')}
      </Button>
    </form>
  );
}

function EditUser({ user, onDone, onCancel }: { user: AccountView; onDone: (message: string) => void; onCancel: () => void }) {
  const { t } = useTranslation(['admin', 'common']);
  const [role, setRole] = useState<string>(user.role);
  const [branchId, setBranchId] = useState(user.branchId ?? '');
  const [agencyId, setAgencyId] = useState(user.agencyId ?? '');
  const [active, setActive] = useState(user.active);
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; fields: Map<string, string> } | null>(null);

  async function run(action: () => Promise<unknown>, message: string) {
    setBusy(true);
    setError(null);
    try {
      await action();
      onDone(message);
    } catch (err) {
      setError(messageOf(err, t('common:errors.unexpected')));
    } finally {
      setBusy(false);
    }
  }
  const save = (e: FormEvent) => {
    e.preventDefault();
    const scope = scopeOf(role);
    void run(
      () =>
        call(
          api.PATCH('/api/v1/users/{id}', {
            params: { path: { id: user.id } },
            body: { role: role as Role, active, branchId: scope === 'branch' ? branchId || null : null, agencyId: scope === 'agency' ? agencyId || null : null },
          }),
        ),
      t('users.saved', { login: user.login }),
    );
  };
  const resetPassword = () => void run(() => call(api.POST('/api/v1/users/{id}/password', { params: { path: { id: user.id } }, body: { password } })), t('users.passwordSet', { login: user.login }));
  const f = error?.fields;
  return (
    <section className="admin-panel" aria-labelledby="edit-user">
      <h2 id="edit-user">{t('users.editing', { login: user.login })}</h2>
      {error ? <Notice kind="error">{error.message}</Notice> : null}
      <form className="form" onSubmit={save}>
        <SelectField name="edit-role" label={t('users.role')} placeholder={t('users.choose')} value={role} onChange={setRole} error={f?.get('role')} options={ROLES.map((r) => ({ value: r, label: t(`common:role.${r}`) }))} />
        <ScopeField prefix="edit-" role={role} branchId={branchId} agencyId={agencyId} onBranch={setBranchId} onAgency={setAgencyId} error={f?.get('branchId') ?? f?.get('agencyId')} />
        <CheckboxField name="edit-active" label={t('users.canSignIn')} hint={t('users.deactivateHint')} checked={active} onChange={setActive} />
        <div className="actions">
          <Button type="submit" busy={busy}>
            {t('users.save')}
          </Button>
          <Button variant="secondary" onClick={onCancel}>
            {t('users.cancel')}
          </Button>
        </div>
      </form>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          resetPassword();
        }}
      >
        <TextField name="newPassword" type="password" label={t('users.newPassword')} hint={t('users.passwordHint')} value={password} onChange={setPassword} error={f?.get('password')} autoComplete="new-password" />
        <Button type="submit" variant="secondary" busy={busy} disabled={!password}>
          {t('users.setPassword')}
        </Button>
      </form>
    </section>
  );
}
