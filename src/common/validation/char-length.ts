import { registerDecorator, ValidationOptions } from 'class-validator';

/**
 * At most `max` Unicode code points, the way PostgreSQL's varchar(n) and char_length() count.
 * class-validator's @Length does not count variation selectors (U+FE0F in "❤️"), so text it
 * accepts could still overflow the column; pair the two.
 */
export function MaxChars(max: number, options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'maxChars',
      target: target.constructor,
      propertyName: propertyName as string,
      constraints: [max],
      options: { message: `must be shorter than or equal to ${max} characters`, ...options },
      validator: { validate: (value: unknown) => typeof value !== 'string' || [...value].length <= max },
    });
}
