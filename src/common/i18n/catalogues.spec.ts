import { parse, TYPE } from '@formatjs/icu-messageformat-parser';
import { ValidationError } from 'class-validator';
import { ERROR_STATUS } from '../errors/error-code';
import { BY_CONSTRAINT, constraintDetail } from '../validation/constraint-codes';
import { CATALOGUES, isMessageKey, LOCALES, negotiateLocale, translate } from '.';
import { ru } from './catalogues/ru';

/** The ICU arguments a message uses ({max}, {values}), so every language asks for the same ones. */
function argumentsOf(message: string): string[] {
  const names = new Set<string>();
  const walk = (elements: ReturnType<typeof parse>) => {
    for (const el of elements) {
      if (el.type === TYPE.argument || el.type === TYPE.number || el.type === TYPE.plural || el.type === TYPE.select) names.add(el.value);
      if (el.type === TYPE.plural || el.type === TYPE.select) for (const option of Object.values(el.options)) walk(option.value);
    }
  };
  walk(parse(message));
  return [...names].sort();
}

describe('message catalogues', () => {
  const keys = Object.keys(ru);

  it.each(LOCALES)('%s has every key, no other, each a non-empty valid ICU message with the same arguments as ru', (locale) => {
    const catalogue = CATALOGUES[locale] as Record<string, string>;
    expect(Object.keys(catalogue).sort()).toEqual([...keys].sort());
    for (const key of keys) {
      expect({ key, message: catalogue[key]?.trim() }).toEqual({ key, message: expect.stringMatching(/\S/) });
      expect({ key, args: argumentsOf(catalogue[key]) }).toEqual({ key, args: argumentsOf(ru[key as keyof typeof ru]) });
    }
  });

  it('every contract error code has a generic message in every language', () => {
    for (const code of Object.keys(ERROR_STATUS)) expect(isMessageKey(`error.${code}`)).toBe(true);
  });

  it('every detail code a validator produces has a message in every language', () => {
    const samples: unknown[] = [undefined, '', 'x', 'x'.repeat(400), 5, '921029350852', '940140000385', '921329350851', '+79161234567', '12', '9999-12-31', '2026-02-30', ['x']];
    const codes = new Set<string>();
    for (const constraint of Object.keys(BY_CONSTRAINT)) {
      for (const value of samples) {
        const error = Object.assign(new ValidationError(), { property: 'p', value, constraints: { [constraint]: 'm' } });
        codes.add(constraintDetail(error, constraint).code);
      }
    }
    for (const code of ['iin.format', 'iin.checksum', 'iin.birth_date', 'iin.not_individual', 'phone.invalid', 'phone.not_kazakh', 'date_out_of_range']) {
      expect(codes).toContain(code);
    }
    for (const code of codes) expect({ code, known: isMessageKey(`detail.${code}`) }).toEqual({ code, known: true });
  });

  it('fills limits with the right plural', () => {
    expect(translate('ru', 'detail.too_long', { max: 300 })).toBe('Слишком длинно: не более 300 символов');
    expect(translate('ru', 'detail.too_long', { max: 21 })).toBe('Слишком длинно: не более 21 символа');
    expect(translate('en', 'detail.too_long', { max: 1 })).toBe('Too long: at most 1 character');
    expect(translate('kk', 'detail.too_long', { max: 300 })).toBe('Тым ұзын: 300 таңбадан аспауы керек');
  });
});

describe('negotiateLocale', () => {
  it.each([
    [undefined, 'ru'],
    ['', 'ru'],
    ['kk', 'kk'],
    ['kk-KZ', 'kk'],
    ['en-US,en;q=0.9', 'en'],
    ['ru-RU,ru;q=0.9,en;q=0.8', 'ru'],
    ['kk;q=0.5,en;q=0.8', 'en'],
    ['de-DE,de;q=0.9,en;q=0.5', 'en'],
    ['de', 'ru'],
    ['*', 'ru'],
    ['ru;q=0,en', 'en'],
    ['EN', 'en'],
    ['garbage;;;q=x', 'ru'],
  ])('%p → %s', (header, locale) => {
    expect(negotiateLocale(header)).toBe(locale);
  });
});
