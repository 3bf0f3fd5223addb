import fc from 'fast-check';
import { isKzMobile, kzPhoneProblem, normalizeKzPhone } from './kz-phone';

describe('normalizeKzPhone', () => {
  it.each([
    '+7 701 123 45 67',
    '8 (701) 123-45-67',
    '87011234567',
    '+77011234567',
    '7011234567', // 10-digit national
    '77011234567', // international form without '+', common in forms
    '+7 (701) 123-45-67',
    '\t+7 701 123 45 67 ', // stray whitespace around the value
  ])('normalises %p to E.164', (input) => {
    expect(normalizeKzPhone(input)).toBe('+77011234567');
  });

  it.each([
    ['Astana landline', '8 (7172) 12-34-56', '+77172123456'],
    ['Almaty landline', '+7 727 250 00 00', '+77272500000'],
    ['mobile 747', '8 747 000 00 00', '+77470000000'],
    ['mobile 785', '+7 785 999 99 99', '+77859999999'],
  ])('accepts %s', (_label, input, e164) => {
    expect(normalizeKzPhone(input)).toBe(e164);
  });

  it.each([
    ['Moscow landline', '+7 495 123 45 67'],
    ['Russian mobile', '+7 916 123 45 67'],
    ['Russian mobile, domestic form', '8 (916) 123-45-67'],
    ['Russian mobile, national form', '9161234567'],
    ['Yekaterinburg landline', '+7 343 212 34 56'],
    ['Russian toll-free 8xx', '8 800 555 35 35'],
    ['Novosibirsk', '+7 383 123 45 67'],
    ['Baikonur (Russian numbering)', '+7 336 22 1 23 45'],
    ['unassigned +7 6xx', '+7 600 123 45 67'],
    ['another country', '+44 20 7946 0958'],
  ])('rejects %s as not Kazakh', (_label, input) => {
    expect(normalizeKzPhone(input)).toBeNull();
    expect(kzPhoneProblem(input)).toBe('not-kazakh');
  });

  it.each([
    ['empty', ''],
    ['letters', 'abc'],
    ['too short', '+7 701 123 45 6'],
    ['too long', '+7 701 123 45 678'],
    ['surrounding text', 'Tel: +7 701 123 45 67'],
    ['extension', '+7 701 123 45 67 ext. 12'],
    ['dots', '+7.701.123.45.67'],
    ['double plus', '++77011234567'],
    ['plus in the middle', '7+7011234567'],
    ['Arabic-Indic digits', '+٧ ٧٠١ ١٢٣ ٤٥ ٦٧'],
    ['very long input', '7'.repeat(1000)],
  ])('rejects garbage: %s', (_label, input) => {
    expect(normalizeKzPhone(input)).toBeNull();
    expect(kzPhoneProblem(input)).toBe('format');
  });

  it('treats non-strings as format errors', () => {
    expect(kzPhoneProblem(77011234567)).toBe('format');
    expect(kzPhoneProblem(undefined)).toBe('format');
  });

  // Guards the choice of libphonenumber-js: across the whole +7 range its KZ/RU split must match
  // DOMAIN (7xx Kazakh; 3xx–5xx, 8xx, 9xx Russian), in every input form.
  const nsn = (first: fc.Arbitrary<string>) =>
    fc.tuple(first, fc.stringMatching(/^\d{9}$/)).map(([head, tail]) => head + tail);

  it('property: every +7 7xx number is Kazakh in all input forms', () => {
    fc.assert(
      fc.property(nsn(fc.constant('7')), (n) => {
        const e164 = `+7${n}`;
        const spaced = `8 (${n.slice(0, 3)}) ${n.slice(3, 6)}-${n.slice(6, 8)}-${n.slice(8)}`;
        for (const form of [e164, `8${n}`, n, spaced]) expect(normalizeKzPhone(form)).toBe(e164);
      }),
    );
  });

  it('property: +7 3xx-5xx, 8xx and 9xx are never accepted', () => {
    fc.assert(
      fc.property(nsn(fc.constantFrom('3', '4', '5', '8', '9')), (n) => {
        expect(normalizeKzPhone(`+7${n}`)).toBeNull();
        expect(normalizeKzPhone(`8${n}`)).toBeNull();
      }),
    );
  });
});

describe('isKzMobile', () => {
  const mobilePrefixes = ['700', '701', '702', '705', '706', '707', '708', '747', '760', '761', '762', '763', '764', '771', '775', '776', '777', '778', '785'];

  it.each(mobilePrefixes)('is true for +7 %s', (prefix) => {
    expect(isKzMobile(`+7${prefix}1234567`)).toBe(true);
  });

  it.each(['703', '704', '709', '710', '717', '727', '746', '748', '759', '765', '770', '772', '774', '779', '784', '786'])(
    'is false for +7 %s',
    (prefix) => {
      expect(isKzMobile(`+7${prefix}1234567`)).toBe(false);
    },
  );

  it('is false for Russian mobiles and garbage', () => {
    expect(isKzMobile('+79161234567')).toBe(false);
    expect(isKzMobile('not a phone')).toBe(false);
  });

  it('also accepts non-E.164 forms of a Kazakh mobile', () => {
    expect(isKzMobile('8 (701) 123-45-67')).toBe(true);
  });
});
