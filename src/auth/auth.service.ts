import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { claimsFor } from '../common/auth/access-token';
import { AppError } from '../common/errors/app-error';
import { decoyHash, verifyPassword } from '../users/password-hasher';
import { toUserView, UsersService } from '../users/users.service';
import { LoginDto, LoginResult } from './login.dto';

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly jwt: JwtService,
  ) {}

  async login(input: LoginDto): Promise<LoginResult> {
    const user = await this.users.findForLogin(input.login);
    // Verify against a decoy when the login is unknown: the answer takes as long either way.
    const ok = await verifyPassword(user?.passwordHash ?? (await decoyHash()), input.password);
    if (!user || !ok) throw new AppError('UNAUTHORIZED', 'Wrong login or password');
    return { accessToken: await this.jwt.signAsync(claimsFor(user)), user: toUserView(user) };
  }
}
