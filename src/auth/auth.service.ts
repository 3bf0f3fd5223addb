import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { claimsFor } from '../common/auth/access-token';
import { Principal } from '../common/auth/principal';
import { AppError } from '../common/errors/app-error';
import { UserView } from '../users/user.dto';
import { toUserView, UsersService } from '../users/users.service';
import { Credentials } from './credentials';
import { ChangeOwnPasswordDto } from '../users/user.dto';
import { LoginDto, LoginResult } from './login.dto';

@Injectable()
export class AuthService {
  constructor(
    private readonly credentials: Credentials,
    private readonly users: UsersService,
    private readonly jwt: JwtService,
  ) {}

  async login(input: LoginDto): Promise<LoginResult> {
    const user = await this.credentials.verify(input.login, input.password);
    return { accessToken: await this.jwt.signAsync(claimsFor(user)), user: toUserView(user) };
  }

  me(principal: Principal): Promise<UserView> {
    return this.users.get(principal.userId);
  }

  /**
   * The caller's own password change: the current password is checked like a login (and counts
   * towards its throttle, so a stolen token cannot be used to guess it). Every token of the user,
   * the one used here included, is void afterwards.
   */
  async changePassword(principal: Principal, input: ChangeOwnPasswordDto): Promise<void> {
    const me = await this.users.get(principal.userId);
    try {
      await this.credentials.verify(me.login, input.currentPassword);
    } catch (err) {
      if (err instanceof AppError && err.code === 'UNAUTHORIZED') {
        throw new AppError('VALIDATION_FAILED', 'currentPassword: is wrong', [{ field: 'currentPassword', message: 'is wrong', code: 'password.wrong' }]);
      }
      throw err;
    }
    await this.users.setPassword(principal.userId, input.newPassword, 'newPassword');
  }
}
