import i18next from 'i18next';
import resourcesToBackend from 'i18next-resources-to-backend';
import { initReactI18next } from 'react-i18next';
import { initialLanguage, isLanguage, Language, rememberLanguage } from './languages';

/**
 * Catalogues are JSON files per area and language: web/src/<area>/locales/<lang>.json, where the
 * namespace is the area (`common` lives in ui/). Each file is its own chunk, fetched when a page of
 * that area is first drawn in that language: a citizen never downloads the staff catalogues.
 * A new area adds its folder here and its locales/ files; nothing else.
 */
const NAMESPACE_FOLDERS = { common: 'ui', portal: 'portal', staff: 'staff', analyst: 'analyst', admin: 'admin' } as const;
export type Namespace = keyof typeof NAMESPACE_FOLDERS;

const catalogues = import.meta.glob<{ default: Record<string, unknown> }>('../*/locales/*.json');

function loadCatalogue(language: string, namespace: string) {
  const folder = NAMESPACE_FOLDERS[namespace as Namespace];
  const load = folder && catalogues[`../${folder}/locales/${language}.json`];
  if (!load) return Promise.reject(new Error(`no catalogue ${namespace}/${language}`));
  return load().then((m) => m.default);
}

export const i18n = i18next.createInstance();

export async function startI18n(): Promise<void> {
  const language = initialLanguage();
  await i18n
    .use(resourcesToBackend(loadCatalogue))
    .use(initReactI18next)
    .init({
      lng: language,
      supportedLngs: ['kk', 'ru', 'en'],
      // Catalogues are complete in every language (src/web/web-catalogues.spec.ts checks it), so no
      // fallback language is fetched on a slow line.
      fallbackLng: false,
      // Both catalogues every public page needs, fetched side by side at start.
      ns: ['common', 'portal'],
      defaultNS: 'common',
      interpolation: { escapeValue: false }, // React escapes
      react: { useSuspense: true },
      returnNull: false,
    });
  applyToDocument(language);
  i18n.on('languageChanged', (lng) => {
    if (isLanguage(lng)) {
      rememberLanguage(lng);
      applyToDocument(lng);
    }
  });
}

export function currentLanguage(): Language {
  return isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : isLanguage(i18n.language) ? i18n.language : 'kk';
}

function applyToDocument(language: Language): void {
  document.documentElement.lang = language;
}
