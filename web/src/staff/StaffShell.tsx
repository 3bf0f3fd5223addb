import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useNavigate } from 'react-router';
import { saveSession } from '../auth/session';
import { useSession } from '../auth/use-session';
import { STAFF_ROUTES } from '../routes';
import { Button } from '../ui/Button';
import { LanguageSwitch } from '../ui/LanguageSwitch';
import { Loading } from '../ui/Loading';
import { NoticeBell } from './notices/NoticeBell';

/**
 * The frame of every staff page: who is signed in and in what role, the language, sign-out, and the
 * menu built from the route table (routes.tsx) for this role. Pages load lazily inside it.
 */
export default function StaffShell() {
  const session = useSession();
  const navigate = useNavigate();
  const { t } = useTranslation(['staff', 'common', 'analyst', 'admin']);
  if (!session) return null; // RequireRole redirects
  const { user } = session;
  const menu = STAFF_ROUTES.filter((r) => r.nav && r.roles.includes(user.role));

  function signOut() {
    saveSession(null);
    navigate('/staff/sign-in', { replace: true });
  }

  return (
    <>
      <a className="skip-link" href="#main">
        {t('common:skip')}
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <Link to="/staff" className="site-header__brand">
            {t('shell.title')}
          </Link>
          <div className="staff-user">
            <span>
              <span className="visually-hidden">{t('shell.signedInAs')} </span>
              <strong>{user.fullName}</strong> · {t(`common:role.${user.role}`)}
            </span>
            <NoticeBell />
            <LanguageSwitch />
            <Button variant="secondary" onClick={signOut}>
              {t('shell.signOut')}
            </Button>
          </div>
        </div>
      </header>
      <nav className="site-nav" aria-label={t('shell.menu')}>
        <ul>
          {menu.map((r) => (
            <li key={r.path}>
              <NavLink to={r.path === '' ? '/staff' : `/staff/${r.path}`} end={r.path === ''}>
                {t(`${r.nav?.ns}:${r.nav?.key}`)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" className="site-main">
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
    </>
  );
}
