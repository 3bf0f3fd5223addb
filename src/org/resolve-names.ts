import { AppError } from '../common/errors/app-error';
import type { LocalisedNames } from '../common/i18n/localised-names';

/**
 * `name` and `names` of a new branch or agency from what the client sent: API.md v1 clients send only
 * `name` (it then stands in all three languages until an administrator translates it), v1.1 clients
 * `names` (and `name` is names.ru). Both may be sent if they agree.
 */
export function resolveNames(input: { name?: string; names?: LocalisedNames }): { name: string; names: LocalisedNames } {
  const { name, names } = input;
  if (names) {
    if (name !== undefined && name !== names.ru) throw AppError.validation('name', 'must equal names.ru', 'name_mismatch');
    return { name: names.ru, names: { kk: names.kk, ru: names.ru, en: names.en } };
  }
  // The DTO requires `name` when `names` is absent.
  return { name: name!, names: { kk: name!, ru: name!, en: name! } };
}
