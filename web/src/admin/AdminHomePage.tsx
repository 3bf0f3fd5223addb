import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageTitle } from '../ui/PageTitle';

/** The administrator's start: where each kind of setting lives, and the queue dashboard (served by the API). */
export default function AdminHomePage() {
  const { t } = useTranslation('admin');
  return (
    <div>
      <PageTitle>{t('home.title')}</PageTitle>
      <ul>
        <li>
          <Link to="/staff/admin/users">{t('nav.users')}</Link>
        </li>
        <li>
          <Link to="/staff/admin/reference">{t('nav.reference')}</Link>
        </li>
        <li>
          <Link to="/staff/admin/routing">{t('nav.routing')}</Link>
        </li>
        <li>
          <Link to="/staff/admin/calendar">{t('nav.calendar')}</Link>
        </li>
        <li>
          <Link to="/staff/admin/policies">{t('nav.policies')}</Link>
        </li>
        <li>
          <Link to="/staff/admin/imports">{t('nav.imports')}</Link>
        </li>
        <li>
          {/* Not part of this app: the BullMQ board behind the admin's credentials. */}
          <a href="/admin/queues">{t('home.queues')}</a>
        </li>
      </ul>
    </div>
  );
}
