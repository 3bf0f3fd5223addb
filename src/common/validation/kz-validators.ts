import { Transform } from 'class-transformer';
import {
  registerDecorator,
  ValidationArguments,
  ValidationOptions,
  ValidatorConstraint,
  ValidatorConstraintInterface,
} from 'class-validator';
import { binProblem, BinProblem, iinProblem, IinProblem } from './kz-identifiers';
import { kzPhoneProblem, KzPhoneProblem, normalizeKzPhone } from './kz-phone';

// Messages say what is wrong but never echo the value: IINs and phones are personal data and
// validation errors end up in responses and logs.
const IIN_REASONS: Record<IinProblem, string> = {
  format: 'expected exactly 12 digits',
  'not-individual': 'this is the BIN of a legal entity, not the IIN of a person',
  'birth-date': 'digits 1-6 are not a valid birth date YYMMDD for the century digit (7th)',
  checksum: 'checksum failed',
};
const BIN_REASONS: Record<BinProblem, string> = {
  format: 'expected exactly 12 digits',
  'registration-month': 'digits 3-4 must be a registration month 01-12',
  'entity-type': '5th digit must be the entity type 4, 5 or 6',
  attribute: '6th digit must be the attribute 0, 1, 2 or 3',
  checksum: 'checksum failed',
};
const PHONE_REASONS: Record<KzPhoneProblem, string> = {
  format: 'expected a number like +7 701 123 45 67',
  'not-kazakh': 'not a Kazakh number; +7 3xx-5xx, 8xx and 9xx are Russian',
};

/**
 * Builds "<prefix>$property must be … (<reason>)". With `{ each: true }` class-validator checks items one
 * by one but hands defaultMessage the whole collection (and, unlike its built-in validators, adds no
 * "each value in" prefix), so the decorator passes `each` as constraint 0 and the reason is taken
 * from the first failing item.
 */
function describeProblem<P extends string>(
  args: ValidationArguments,
  problemOf: (value: unknown) => P | null,
  fallback: P,
): { prefix: string; problem: P } {
  const each = args.constraints[0] === true && (Array.isArray(args.value) || args.value instanceof Set);
  const items: unknown[] = each ? [...(args.value as Iterable<unknown>)] : [args.value];
  const problem = items.map(problemOf).find((p): p is P => p !== null) ?? fallback;
  return { prefix: each ? 'each value in ' : '', problem };
}

@ValidatorConstraint({ name: 'isIin', async: false })
export class IsIinConstraint implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return iinProblem(value) === null;
  }
  defaultMessage(args: ValidationArguments): string {
    const { prefix, problem } = describeProblem(args, iinProblem, 'format');
    return `${prefix}$property must be a valid 12-digit IIN (${IIN_REASONS[problem]})`;
  }
}

@ValidatorConstraint({ name: 'isBin', async: false })
export class IsBinConstraint implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return binProblem(value) === null;
  }
  defaultMessage(args: ValidationArguments): string {
    const { prefix, problem } = describeProblem(args, binProblem, 'format');
    return `${prefix}$property must be a valid 12-digit BIN (${BIN_REASONS[problem]})`;
  }
}

@ValidatorConstraint({ name: 'isKzPhone', async: false })
export class IsKzPhoneConstraint implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return kzPhoneProblem(value) === null;
  }
  defaultMessage(args: ValidationArguments): string {
    const { prefix, problem } = describeProblem(args, kzPhoneProblem, 'format');
    return `${prefix}$property must be a Kazakh phone number (${PHONE_REASONS[problem]})`;
  }
}

function decorator(name: string, constraint: new () => ValidatorConstraintInterface) {
  return (options?: ValidationOptions) =>
    (object: object, propertyName: string): void =>
      registerDecorator({
        name,
        target: object.constructor,
        propertyName,
        options,
        constraints: [options?.each === true], // read by describeProblem
        validator: constraint,
      });
}

/** 12-digit IIN with a plausible birth date and a valid check digit. Must be a string (leading zeros). */
export const IsIin = decorator('isIin', IsIinConstraint);
/** 12-digit BIN with a registration month, entity type, attribute and valid check digit. */
export const IsBin = decorator('isBin', IsBinConstraint);
/** Kazakh phone number in any accepted form; pair with @NormalizeKzPhone() to store E.164. */
export const IsKzPhone = decorator('isKzPhone', IsKzPhoneConstraint);

function normalizeOrKeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalizeOrKeep);
  return typeof value === 'string' ? (normalizeKzPhone(value) ?? value) : value;
}

/**
 * plainToInstance transform: a valid Kazakh phone becomes '+7XXXXXXXXXX'; anything else is left
 * as it was so @IsKzPhone can report it with the right reason (null would hide the user's input).
 */
export function NormalizeKzPhone(): PropertyDecorator {
  return Transform(({ value }: { value: unknown }) => normalizeOrKeep(value), { toClassOnly: true });
}
