import { useTranslation } from 'react-i18next';
import { LANGUAGE_NAMES, LANGUAGES } from '../i18n/languages';

/** Three buttons, each in its own language; the choice is remembered (i18n.ts) and sent to the API. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <nav className="language-switch" aria-label={t('language.label')}>
      <ul>
        {LANGUAGES.map((lng) => (
          <li key={lng}>
            <button type="button" lang={lng} className="language-switch__button" aria-pressed={i18n.resolvedLanguage === lng} onClick={() => void i18n.changeLanguage(lng)}>
              {LANGUAGE_NAMES[lng]}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
