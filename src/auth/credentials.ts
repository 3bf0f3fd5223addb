import { Injectable } from '@nestjs/common';
import { AppError } from '../common/errors/app-error';
import { PasswordHasher } from '../users/password-hasher';
import { User } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { LoginThrottle } from './login-throttle';

/**
 * The one check of a login and password, for POST /auth/login, a password change and the queue
 * dashboard's Basic credentials alike: throttled per account (429 while locked), the same 401 for
 * an unknown login, a wrong password and a deactivated user.
 */
@Injectable()
export class Credentials {
  constructor(
    private readonly users: UsersService,
    private readonly throttle: LoginThrottle,
    private readonly hasher: PasswordHasher,
  ) {}

  async verify(login: string, password: string): Promise<User> {
    await this.throttle.begin(login);
    let user: User | null;
    let ok: boolean;
    try {
      user = await this.users.findForLogin(login);
      // Verify against a decoy when the login is unknown: the answer takes as long either way.
      ok = await this.hasher.verify(user?.passwordHash ?? (await this.hasher.decoyHash()), password);
    } catch (err) {
      // The password was never checked (e.g. the database is down): not an attempt to hold against the login.
      await this.throttle.abandoned(login);
      throw err;
    }
    if (!user || !ok || !user.active) throw new AppError('UNAUTHORIZED', 'Wrong login or password');
    await this.throttle.succeeded(login);
    return user;
  }
}
