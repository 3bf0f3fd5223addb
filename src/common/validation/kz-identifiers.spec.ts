import fc from 'fast-check';
import { binProblem, iinProblem, isValidBin, isValidIin, kzCheckDigit } from './kz-identifiers';

/** Appends the check digit; fails loudly if the prefix is a never-issued one. */
function withCheckDigit(first11: string): string {
  const check = kzCheckDigit(first11);
  if (check === null) throw new Error(`${first11} has no check digit`);
  return first11 + check;
}

/** First-pass remainder, computed independently of the implementation. */
const firstPassRemainder = (digits: string): number =>
  Array.from(digits.slice(0, 11), Number).reduce((sum, d, i) => sum + d * (i + 1), 0) % 11;

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** 11-digit IIN prefixes with a real birth date and a matching century/sex digit (1–6). */
const iinPrefix = fc
  .record({
    birth: fc.date({ min: new Date(Date.UTC(1800, 0, 1)), max: new Date(Date.UTC(2099, 11, 31)), noInvalidDate: true }),
    female: fc.boolean(),
    serial: fc.integer({ min: 0, max: 9999 }),
  })
  .map(({ birth, female, serial }) => {
    const year = birth.getUTCFullYear();
    const centuryDigit = 2 * Math.floor((year - 1800) / 100) + (female ? 2 : 1);
    const yymmdd = pad(year % 100, 2) + pad(birth.getUTCMonth() + 1, 2) + pad(birth.getUTCDate(), 2);
    return yymmdd + centuryDigit + pad(serial, 4);
  });

/** 11-digit BIN prefixes: YY, MM 01–12, type 4/5/6, attribute 0–3, 5 serial digits. */
const binPrefix = fc
  .tuple(
    fc.integer({ min: 0, max: 99 }),
    fc.integer({ min: 1, max: 12 }),
    fc.constantFrom('4', '5', '6'),
    fc.constantFrom('0', '1', '2', '3'),
    fc.integer({ min: 0, max: 99999 }),
  )
  .map(([yy, mm, type, attribute, serial]) => pad(yy, 2) + pad(mm, 2) + type + attribute + pad(serial, 5));

const otherDigits = (digit: number): number[] => [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].filter((d) => d !== digit);

describe('kzCheckDigit', () => {
  it('matches the DOMAIN examples', () => {
    for (const id of ['921029350851', '791028302728', '061211600012', '940140000385', '990140004654']) {
      expect(kzCheckDigit(id.slice(0, 11))).toBe(Number(id[11]));
    }
  });

  it('falls back to the second weights when the first remainder is 10', () => {
    // 9·1+1·4+1·6+3·7+8·10+1·11 = 131 ≡ 10; second weights: 27+6+8+27+8+2 = 78 ≡ 1
    expect(firstPassRemainder('90010130081')).toBe(10);
    expect(kzCheckDigit('90010130081')).toBe(1);
  });

  it('returns null when both passes give 10 (never issued)', () => {
    // first pass 120 ≡ 10, second pass 76 ≡ 10
    expect(kzCheckDigit('90010130080')).toBeNull();
  });

  it.each(['', '1234567890', '123456789012', '1234567890a', '１２３４５６７８９０１'])('throws on malformed input %p', (input) => {
    expect(() => kzCheckDigit(input)).toThrow(RangeError);
  });
});

describe('isValidIin', () => {
  it.each(['921029350851', '791028302728', '061211600012'])('accepts DOMAIN example %s', (iin) => {
    expect(isValidIin(iin)).toBe(true);
  });

  it('accepts a number whose check digit comes from the second weights', () => {
    expect(isValidIin('900101300811')).toBe(true);
  });

  it('rejects every completion of a never-issued prefix even though its birth date is real', () => {
    for (let d = 0; d <= 9; d++) expect(iinProblem(`90010130080${d}`)).toBe('checksum');
  });

  it.each([
    ['too short', '92102935085'],
    ['too long', '9210293508510'],
    ['empty', ''],
    ['letter', '92102935085a'],
    ['inner space', '921029 350851'],
    ['leading space', ' 921029350851'],
    ['full-width digits', '９２１０２９３５０８５１'],
    ['Arabic-Indic digits', '٩٢١٠٢٩٣٥٠٨٥١'],
  ])('rejects format: %s', (_label, value) => {
    expect(iinProblem(value)).toBe('format');
    expect(isValidIin(value)).toBe(false);
  });

  it('rejects non-strings (a JSON number would lose leading zeros)', () => {
    expect(iinProblem(921029350851)).toBe('format');
    expect(iinProblem(null)).toBe('format');
  });

  it('reports a wrong last digit as a checksum problem', () => {
    expect(iinProblem('921029350852')).toBe('checksum');
  });

  it('checks the birth date against the century from the 7th digit', () => {
    expect(isValidIin(withCheckDigit('00022950001'))).toBe(true); // 2000-02-29: 2000 is a leap year
    expect(iinProblem(withCheckDigit('00022910001'))).toBe('birth-date'); // 1800-02-29: 1800 is not
    expect(isValidIin(withCheckDigit('92022930001'))).toBe(true); // 1992-02-29
    expect(iinProblem(withCheckDigit('93022930001'))).toBe('birth-date'); // 1993-02-29
    expect(iinProblem(withCheckDigit('92130130001'))).toBe('birth-date'); // month 13
    expect(iinProblem(withCheckDigit('92043130001'))).toBe('birth-date'); // 31 April
    expect(iinProblem(withCheckDigit('92100030001'))).toBe('birth-date'); // day 00
  });

  it.each(['7', '8', '9'])('rejects century digit %s', (centuryDigit) => {
    expect(iinProblem(withCheckDigit(`921029${centuryDigit}0851`))).toBe('birth-date');
  });

  it('checks only month and day for foreigners whose century is unknown (century digit 0)', () => {
    expect(isValidIin(withCheckDigit('99123101234'))).toBe(true); // 31 December, any century
    expect(isValidIin(withCheckDigit('01022901234'))).toBe(true); // 29 February: some century has it
    expect(iinProblem(withCheckDigit('99139901234'))).toBe('birth-date'); // month 13, day 99
    expect(iinProblem(withCheckDigit('99023001234'))).toBe('birth-date'); // 30 February
    expect(iinProblem(withCheckDigit('99139931234'))).toBe('birth-date'); // same digits, century 3
  });

  it.each(['940140000385', '990140004654', '050140000201'])('refuses the BIN %s as an IIN: a legal entity, not a person', (bin) => {
    expect(isValidBin(bin)).toBe(true);
    expect(iinProblem(bin)).toBe('not-individual');
    expect(isValidIin(bin)).toBe(false);
  });

  it('calls a BIN with a typo a BIN too, not a bad birth date', () => {
    expect(iinProblem('940140000386')).toBe('not-individual');
  });

  it('property: no valid BIN is a valid IIN', () => {
    fc.assert(
      fc.property(binPrefix, (prefix) => {
        const check = kzCheckDigit(prefix);
        fc.pre(check !== null);
        expect(iinProblem(prefix + check)).toBe('not-individual');
      }),
    );
  });

  it('property: the computed check digit validates and every other last digit fails', () => {
    fc.assert(
      fc.property(iinPrefix, (prefix) => {
        const check = kzCheckDigit(prefix);
        fc.pre(check !== null);
        expect(isValidIin(prefix + check)).toBe(true);
        for (const d of otherDigits(check!)) expect(iinProblem(prefix + d)).toBe('checksum');
      }),
    );
  });

  it('property: a single-digit change is caught unless the second-weights path is involved', () => {
    // Weights 1..10 are non-zero mod 11 (a prime), so changing one of digits 1-10 always changes the
    // first-pass remainder; a changed 12th digit no longer matches. An undetected typo there needs a
    // remainder of 10 on one side. The 11th digit is excluded: see the next test.
    const positions = fc.constantFrom(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 11);
    fc.assert(
      fc.property(iinPrefix, positions, fc.integer({ min: 1, max: 9 }), (prefix, pos, delta) => {
        const check = kzCheckDigit(prefix);
        fc.pre(check !== null);
        const valid = prefix + check;
        const mutated = valid.slice(0, pos) + ((Number(valid[pos]) + delta) % 10) + valid.slice(pos + 1);
        if (isValidIin(mutated)) {
          expect(firstPassRemainder(valid) === 10 || firstPassRemainder(mutated) === 10).toBe(true);
        }
      }),
    );
  });

  it('documents a weakness of the algorithm: the 11th digit has weight 11 ≡ 0 in the first pass', () => {
    // Both are valid: a typo in the 11th digit goes unnoticed whenever the first pass is used.
    expect(isValidIin('700101300005')).toBe(true);
    expect(isValidIin('700101300015')).toBe(true);
  });
});

describe('isValidBin', () => {
  it.each(['940140000385', '990140004654'])('accepts DOMAIN example %s', (bin) => {
    expect(isValidBin(bin)).toBe(true);
  });

  it('accepts a number whose check digit comes from the second weights', () => {
    expect(firstPassRemainder('05014000020')).toBe(10);
    expect(isValidBin('050140000201')).toBe(true);
  });

  it.each([
    ['format', '94014000038'],
    ['format', '94014000038x'],
    ['registration-month', withCheckDigit('94004000038')],
    ['registration-month', withCheckDigit('94134000038')],
    ['entity-type', withCheckDigit('94013000038')],
    ['entity-type', withCheckDigit('94017000038')],
    ['attribute', withCheckDigit('94014400038')],
    ['checksum', '940140000386'],
  ])('reports %s', (problem, value) => {
    expect(binProblem(value)).toBe(problem);
    expect(isValidBin(value)).toBe(false);
  });

  it('rejects the never-issued case for every last digit', () => {
    expect(kzCheckDigit('05014000100')).toBeNull();
    for (let d = 0; d <= 9; d++) expect(isValidBin(`05014000100${d}`)).toBe(false);
  });

  it('property: the computed check digit validates and every other last digit fails', () => {
    fc.assert(
      fc.property(binPrefix, (prefix) => {
        const check = kzCheckDigit(prefix);
        fc.pre(check !== null);
        expect(isValidBin(prefix + check)).toBe(true);
        for (const d of otherDigits(check!)) expect(binProblem(prefix + d)).toBe('checksum');
      }),
    );
  });
});
