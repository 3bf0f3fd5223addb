import { Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';
import { Environment } from '../config/environment';
import { DEFAULT_HASH_MEMORY_KIB } from './password-hash-cost';

/**
 * Argon2id. Verification reads the cost from the stored hash, so changing the cost keeps every
 * existing password valid.
 */
export const hashPassword = (password: string, memoryKib = DEFAULT_HASH_MEMORY_KIB): Promise<string> =>
  argon2.hash(password, { type: argon2.argon2id, memoryCost: memoryKib });

/**
 * Hashes and checks passwords at PASSWORD_HASH_MEMORY_KIB (production refuses less than OWASP's
 * floor; the test suites set a small cost so that creating and signing in hundreds of users is not
 * most of their time).
 */
@Injectable()
export class PasswordHasher {
  private decoy?: Promise<string>;

  constructor(private readonly env: Environment) {}

  hash(password: string): Promise<string> {
    return hashPassword(password, this.env.PASSWORD_HASH_MEMORY_KIB);
  }

  async verify(hash: string, password: string): Promise<boolean> {
    try {
      return await argon2.verify(hash, password);
    } catch {
      return false;
    }
  }

  /** A hash of nothing at the accounts' cost, verified against when the login is unknown so timing does not reveal it. */
  decoyHash(): Promise<string> {
    return (this.decoy ??= this.hash('decoy-password-never-valid'));
  }
}
