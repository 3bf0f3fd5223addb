import { useTranslation } from 'react-i18next';
import { ROLES } from '../auth/session';
import { useSession } from '../auth/use-session';
import { PageTitle } from '../ui/PageTitle';

/** What the signed-in role can do here, then what the other roles do (who to ask for what). */
export default function StaffHomePage() {
  const { t } = useTranslation('staff');
  const session = useSession();
  if (!session) return null;
  const role = session.user.role;
  const duties = (r: string) => t(`roles.${r}`, { returnObjects: true }) as unknown as string[];
  return (
    <>
      <PageTitle>{t('home.title', { name: session.user.fullName })}</PageTitle>
      <p className="lead">{t('home.yourRole', { role: t(`common:role.${role}`) })}</p>
      <ul className="role-list">
        {duties(role).map((d) => (
          <li key={d}>{d}</li>
        ))}
      </ul>
      <h2>{t('home.otherRoles')}</h2>
      <ul className="cards">
        {ROLES.filter((r) => r !== role).map((r) => (
          <li key={r} className="card">
            <h3>{t(`common:role.${r}`)}</h3>
            <ul className="role-list">
              {duties(r).map((d) => (
                <li key={d}>{d}</li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </>
  );
}
