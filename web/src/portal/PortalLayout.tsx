import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet } from 'react-router';
import { LanguageSwitch } from '../ui/LanguageSwitch';
import { Loading } from '../ui/Loading';

/** The frame of the public pages: the portal's name, the language switch, three links, the footer. */
export function PortalLayout() {
  const { t } = useTranslation(['common', 'portal']);
  return (
    <>
      <a className="skip-link" href="#main">
        {t('skip')}
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <Link to="/" className="site-header__brand">
            {t('site.name')}
          </Link>
          <LanguageSwitch />
        </div>
      </header>
      <nav className="site-nav" aria-label={t('nav.label')}>
        <ul>
          <li>
            <NavLink to="/" end>
              {t('portal:nav.home')}
            </NavLink>
          </li>
          <li>
            <NavLink to="/appeal">{t('portal:nav.appeal')}</NavLink>
          </li>
          <li>
            <NavLink to="/track">{t('portal:nav.track')}</NavLink>
          </li>
        </ul>
      </nav>
      <main id="main" className="site-main">
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
      <footer className="site-footer">
        <div className="site-footer__inner">
          <p>{t('footer.about')}</p>
          <p>
            <Link to="/staff">{t('footer.staff')}</Link>
          </p>
        </div>
      </footer>
    </>
  );
}
