import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The web app loads no fallback language (web/src/i18n/i18n.ts), so every area's kk, ru and en
 * catalogues must have the same keys: a key missing in one language would show as the raw key.
 */
const WEB_SRC = join(__dirname, '..', '..', 'web', 'src');

function keys(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value)) return [prefix];
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
  return [prefix];
}

const areas = readdirSync(WEB_SRC, { withFileTypes: true })
  .filter((d) => d.isDirectory() && readdirSync(join(WEB_SRC, d.name)).includes('locales'))
  .map((d) => d.name);

describe('web catalogues', () => {
  it('exist for the portal, staff, analyst and admin areas and the UI kit', () => {
    expect(areas).toEqual(expect.arrayContaining(['portal', 'staff', 'analyst', 'admin', 'ui']));
  });

  it.each(areas)('%s has the same keys in kk, ru and en, none empty', (area) => {
    const load = (lang: string) => JSON.parse(readFileSync(join(WEB_SRC, area, 'locales', `${lang}.json`), 'utf8'));
    const [kk, ru, en] = ['kk', 'ru', 'en'].map(load);
    expect(keys(kk).sort()).toEqual(keys(ru).sort());
    expect(keys(en).sort()).toEqual(keys(ru).sort());
    for (const catalogue of [kk, ru, en]) expect(JSON.stringify(catalogue)).not.toMatch(/:""/);
  });
});
