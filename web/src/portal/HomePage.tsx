import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageTitle } from '../ui/PageTitle';

/** What the portal does, in plain words, and the two things a citizen comes for. */
export default function HomePage() {
  const { t } = useTranslation('portal');
  return (
    <>
      <PageTitle>{t('home.title')}</PageTitle>
      <p className="lead">{t('home.lead')}</p>
      <ul className="cards">
        <li className="card">
          <h2>{t('home.appealTitle')}</h2>
          <p>{t('home.appealText')}</p>
          <Link className="button button--primary" to="/appeal">
            {t('home.appealAction')}
          </Link>
        </li>
        <li className="card">
          <h2>{t('home.trackTitle')}</h2>
          <p>{t('home.trackText')}</p>
          <Link className="button button--secondary" to="/track">
            {t('home.trackAction')}
          </Link>
        </li>
      </ul>
      <h2>{t('home.howTitle')}</h2>
      <ol>
        <li>{t('home.how1')}</li>
        <li>{t('home.how2')}</li>
        <li>{t('home.how3')}</li>
        <li>{t('home.how4')}</li>
      </ol>
      <p>{t('home.privacy')}</p>
    </>
  );
}
