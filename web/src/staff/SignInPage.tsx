import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { ApiError } from '../api/errors';
import { saveSession } from '../auth/session';
import { useSession } from '../auth/use-session';
import { Button } from '../ui/Button';
import { ErrorSummary } from '../ui/ErrorSummary';
import { TextField } from '../ui/fields';
import { Notice } from '../ui/Notice';
import { PageTitle } from '../ui/PageTitle';
import { describeFailure, useFormErrors } from '../ui/use-form-errors';
import { logIn } from './staff-api';

const FIELDS = ['login', 'password'] as const;

/** Staff sign-in (POST /auth/login); the session lives in this tab only (auth/session.ts). */
export default function SignInPage() {
  const { t } = useTranslation('staff');
  const session = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from ?? '/staff';
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors(FIELDS);

  if (session) return <Navigate to={from.startsWith('/staff') ? from : '/staff'} replace />;

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const missing: Record<string, string> = {};
    if (!login.trim()) missing.login = t('signIn.loginRequired');
    if (!password) missing.password = t('signIn.passwordRequired');
    if (Object.keys(missing).length) return errors.show(missing);
    setBusy(true);
    try {
      const result = await logIn(login.trim(), password);
      saveSession({ accessToken: result.accessToken, user: result.user });
      navigate(from.startsWith('/staff') ? from : '/staff', { replace: true });
    } catch (err) {
      setBusy(false);
      setPassword('');
      if (err instanceof ApiError && err.status === 401) errors.show({}, t('signIn.wrong'));
      else if (err instanceof ApiError && err.status !== 400) errors.show({}, describeFailure(err, [], t));
      else errors.showApiError(err);
    }
  }

  return (
    <>
      <PageTitle>{t('signIn.title')}</PageTitle>
      <p>{t('signIn.intro')}</p>
      <ErrorSummary errors={errors.list} />
      {errors.formError ? (
        <Notice kind="error" id="form-error">
          {errors.formError}
        </Notice>
      ) : null}
      <form className="form" noValidate onSubmit={onSubmit}>
        <TextField name="login" label={t('signIn.login')} autoComplete="username" required value={login} onChange={setLogin} error={errors.fields.login} />
        <TextField name="password" type="password" label={t('signIn.password')} autoComplete="current-password" required value={password} onChange={setPassword} error={errors.fields.password} />
        <div className="actions">
          <Button type="submit" busy={busy} busyLabel={t('signIn.busy')}>
            {t('signIn.submit')}
          </Button>
        </div>
      </form>
    </>
  );
}
