import { getMetadataStorage, ValidationError } from 'class-validator';
import type { MessageParams } from '../i18n';
import { calendarDateProblem, DATE_RANGE } from './calendar-date';
import { BinProblem, binProblem, IinProblem, iinProblem } from './kz-identifiers';
import { KzPhoneProblem, kzPhoneProblem } from './kz-phone';

/** What the answer says about one failed class-validator constraint: a stable code, its parameters, maybe a specific key. */
export interface ConstraintDetail {
  code: string;
  params?: MessageParams;
  key?: string;
}

const IIN_CODES: Record<IinProblem, string> = {
  format: 'iin.format',
  'birth-date': 'iin.birth_date',
  checksum: 'iin.checksum',
  'not-individual': 'iin.not_individual',
};
const BIN_CODES: Record<BinProblem, string> = {
  format: 'bin.format',
  'registration-month': 'bin.structure',
  'entity-type': 'bin.structure',
  attribute: 'bin.structure',
  checksum: 'bin.checksum',
};
const PHONE_CODES: Record<KzPhoneProblem, string> = { format: 'phone.invalid', 'not-kazakh': 'phone.not_kazakh' };

type Args = readonly unknown[];
/** Constraint name (class-validator's, or our decorators') → detail; `args` are the decorator's own arguments. */
export const BY_CONSTRAINT: Record<string, (value: unknown, args: Args) => ConstraintDetail> = {
  whitelistValidation: () => ({ code: 'unknown_field' }),
  isDefined: () => ({ code: 'required' }),
  isNotEmpty: () => ({ code: 'required' }),
  isString: () => ({ code: 'not_string' }),
  isInt: () => ({ code: 'not_integer' }),
  isNumber: () => ({ code: 'not_number' }),
  isBoolean: () => ({ code: 'not_boolean' }),
  isObject: () => ({ code: 'not_object' }),
  nestedValidation: () => ({ code: 'not_object' }),
  isArray: () => ({ code: 'not_array' }),
  arrayNotEmpty: () => ({ code: 'array_empty' }),
  arrayMaxSize: (_v, [max]) => ({ code: 'too_many_items', params: { max: Number(max) } }),
  arrayMinSize: () => ({ code: 'array_empty' }),
  isIn: (_v, [values]) => ({ code: 'invalid_enum', params: { values: listOf(values) } }),
  isEnum: (_v, [values]) => ({ code: 'invalid_enum', params: { values: listOf(values) } }),
  isUuid: () => ({ code: 'invalid_uuid' }),
  isEmail: () => ({ code: 'email.invalid' }),
  isLength: (value, [min, max]) => lengthDetail(value, Number(min), max === undefined ? undefined : Number(max)),
  maxLength: (value, [max]) => lengthDetail(value, 0, Number(max)),
  minLength: (value, [min]) => lengthDetail(value, Number(min), undefined),
  maxChars: (value, [max]) => lengthDetail(value, 0, Number(max)),
  min: (_v, [min]) => ({ code: 'too_small', params: { min: Number(min) } }),
  max: (_v, [max]) => ({ code: 'too_large', params: { max: Number(max) } }),
  matches: () => ({ code: 'invalid_format' }),
  isCalendarDate: (value) =>
    calendarDateProblem(value) === 'range' ? { code: 'date_out_of_range', params: { ...DATE_RANGE } } : { code: 'invalid_date' },
  isInstant: () => ({ code: 'invalid_instant' }),
  visibleText: () => ({ code: 'blank' }),
  isIin: (value) => ({ code: IIN_CODES[firstProblem(value, iinProblem) ?? 'format'] }),
  isBin: (value) => ({ code: BIN_CODES[firstProblem(value, binProblem) ?? 'format'] }),
  isKzPhone: (value) => ({ code: PHONE_CODES[firstProblem(value, kzPhoneProblem) ?? 'format'] }),
};

/**
 * The detail for `constraint` failing on `error` (the pipe keeps `target` and `value` for this; neither
 * reaches the answer). A missing value is `required` whatever the constraint; a decorator may name its
 * own code or catalogue key with `context: { code, key }`; an unknown constraint is `invalid`.
 */
export function constraintDetail(error: ValidationError, constraint: string): ConstraintDetail {
  const context = error.contexts?.[constraint] as { code?: unknown; key?: unknown } | undefined;
  const own = typeof context?.code === 'string' ? context.code : undefined;
  const key = typeof context?.key === 'string' ? context.key : undefined;
  const value = error.value;
  let detail: ConstraintDetail;
  if (own) detail = { code: own };
  else if (constraint === 'whitelistValidation') detail = { code: 'unknown_field' };
  else if (value === undefined || value === null) detail = { code: 'required' };
  else detail = BY_CONSTRAINT[constraint]?.(value, constraintArgs(error, constraint)) ?? { code: 'invalid' };
  return key ? { ...detail, key } : detail;
}

/** "" fails a minimum length as a missing value would; otherwise too short or too long against the limits. */
function lengthDetail(value: unknown, min: number, max: number | undefined): ConstraintDetail {
  if (typeof value !== 'string') return { code: 'not_string' };
  if (value === '') return { code: 'required' };
  // class-validator counts UTF-16 units for @Length, MaxChars code points: "too long" whenever it is not too short.
  if (value.length < min) return { code: 'too_short', params: { min } };
  return max === undefined ? { code: 'too_short', params: { min } } : { code: 'too_long', params: { max } };
}

function listOf(values: unknown): string {
  const list = Array.isArray(values) ? values : values && typeof values === 'object' ? Object.values(values) : [];
  return list.map(String).join(', ');
}

/** With `{ each: true }` the value is a list: the first item's problem. */
function firstProblem<P>(value: unknown, problemOf: (v: unknown) => P | null): P | null {
  const items = Array.isArray(value) ? value : [value];
  for (const item of items) {
    const problem = problemOf(item);
    if (problem !== null) return problem;
  }
  return null;
}

/** The arguments the decorator was given (@Length(1, 300) → [1, 300]), from class-validator's metadata. */
function constraintArgs(error: ValidationError, constraint: string): Args {
  const target = error.target as object | undefined;
  if (!target) return [];
  const metadata = getMetadataStorage()
    .getTargetValidationMetadatas(target.constructor, '', true, false)
    .find((m) => m.propertyName === error.property && (m.name === constraint || m.type === constraint));
  return metadata?.constraints ?? [];
}
