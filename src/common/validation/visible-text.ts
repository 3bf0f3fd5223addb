import { Transform } from 'class-transformer';
import { registerDecorator, ValidationOptions } from 'class-validator';

/*
 * Text people type (names, subjects, appeal texts, reasons) must say something a person can read.
 *
 * - Characters that only hide or disguise text are removed from otherwise real text: C0 controls
 *   but tab and line breaks, DEL, C1 controls (U+0080–U+009F), the bidirectional embeddings,
 *   overrides and isolates (U+202A–U+202E, U+2066–U+2069: "Trojan Source" spoofing of what staff
 *   read), and invisible separators that break search (U+200B zero-width space, U+2060 word
 *   joiner, U+FEFF, U+00AD soft hyphen, U+180E). Zero-width (non-)joiners U+200C/U+200D and the
 *   LRM/RLM marks stay: emoji sequences and some scripts need them.
 * - Text with nothing visible left (only spaces, invisible or format characters, fillers) is
 *   refused with the detail code `blank`, naming the field; whitespace alone becomes "" and is
 *   refused as `required` by the field's length rule.
 */
const HIDING = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u180E\u200B\u2060\uFEFF\u202A-\u202E\u2066-\u2069]/g;

/** Something a reader sees: not whitespace, control, format, mark, private-use, unassigned or a filler. */
const VISIBLE = /[^\p{White_Space}\p{Cc}\p{Cf}\p{M}\p{Co}\p{Cn}\u115F\u1160\u3164\uFFA0\u2800]/u;

/** Plain spaces and line breaks, which people do type into an empty field (String#trim also drops U+FEFF). */
const ONLY_SPACES = /^[\t\n\v\f\r \u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]*$/;

export function hasVisibleText(value: string): boolean {
  return VISIBLE.test(value);
}

/**
 * `value` without the hiding characters (and trimmed, unless `trim` is false). Text with nothing
 * visible is left as sent, so that the validator can say `blank`; plain spaces alone become "" (`required`).
 */
export function cleanText(value: string, trim = true): string {
  if (!hasVisibleText(value)) return ONLY_SPACES.test(value) ? '' : value;
  const cleaned = value.replace(HIDING, '');
  return trim ? cleaned.trim() : cleaned;
}

/**
 * A text field people read: cleaned as described above and refused when blank. Pair with the
 * field's @IsString and @Length. `trim: false` keeps leading/trailing whitespace (an appeal's text).
 */
export function VisibleText(options: { trim?: boolean } & ValidationOptions = {}): PropertyDecorator {
  const { trim = true, ...validationOptions } = options;
  return (target: object, propertyName: string | symbol) => {
    Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? cleanText(value, trim) : value), { toClassOnly: true })(
      target,
      propertyName,
    );
    registerDecorator({
      name: 'visibleText',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: 'must contain visible text, not only spaces or invisible characters', ...validationOptions },
      validator: { validate: (value: unknown) => typeof value !== 'string' || value === '' || hasVisibleText(value) },
    });
  };
}
