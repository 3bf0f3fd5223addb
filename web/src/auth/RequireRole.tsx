import { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { Role } from './session';
import { useSession } from './use-session';

/** Signed-out visitors go to the sign-in page (and come back after); a wrong role sees why not. */
export function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  const { t } = useTranslation('staff');
  if (!session) return <Navigate to="/staff/sign-in" replace state={{ from: location.pathname + location.search }} />;
  if (!roles.includes(session.user.role)) {
    return (
      <section aria-labelledby="forbidden-title">
        <h1 id="forbidden-title">{t('forbidden.title')}</h1>
        <p>{t('forbidden.text')}</p>
      </section>
    );
  }
  return <>{children}</>;
}
