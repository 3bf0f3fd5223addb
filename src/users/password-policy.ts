import { dictionary } from '@zxcvbn-ts/language-common';
import { AppError } from '../common/errors/app-error';

/**
 * The password policy (API.md v1.1 "Accounts"), in one place: at least MIN_PASSWORD_LENGTH
 * characters, not among the common passwords, not containing the login. Every way a password is
 * set (a new user, the user's own change, an admin's reset, the demo seed, the bootstrap admin in
 * production) goes through passwordProblem().
 */
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 200;

export type PasswordProblemCode = 'password.too_short' | 'password.too_long' | 'password.common' | 'password.contains_login';

export interface PasswordProblem {
  code: PasswordProblemCode;
  message: string;
}

/**
 * The ~49,000 most common passwords from zxcvbn-ts's common dictionary (leaked-password
 * frequency lists), compared case-insensitively; built on first use.
 */
let common: Set<string> | undefined;
const commonPasswords = (): Set<string> => (common ??= new Set(dictionary['passwords-common'].map((p) => p.toLowerCase())));

export function passwordProblem(password: string, login: string): PasswordProblem | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return { code: 'password.too_short', message: `must be at least ${MIN_PASSWORD_LENGTH} characters long` };
  if ([...password].length > MAX_PASSWORD_LENGTH) return { code: 'password.too_long', message: `must be at most ${MAX_PASSWORD_LENGTH} characters long` };
  const lower = password.toLowerCase();
  if (commonPasswords().has(lower)) return { code: 'password.common', message: 'is one of the most common passwords' };
  if (login && lower.includes(login.toLowerCase())) return { code: 'password.contains_login', message: 'must not contain the login' };
  return null;
}

/** Throws 400 VALIDATION_FAILED naming `field` when the password breaks the policy. */
export function assertPasswordPolicy(field: string, password: string, login: string): void {
  const problem = passwordProblem(password, login);
  if (problem) throw new AppError('VALIDATION_FAILED', `${field}: ${problem.message}`, [{ field, message: problem.message, code: problem.code }]);
}
