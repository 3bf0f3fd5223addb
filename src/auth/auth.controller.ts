import { Body, Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import { CurrentPrincipal, Public } from '../common/auth/auth.decorators';
import { Principal } from '../common/auth/principal';
import { ChangeOwnPasswordDto, UserView } from '../users/user.dto';
import { AuthService } from './auth.service';
import { LoginDto, LoginResult } from './login.dto';

@ApiTags('auth and users')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @UseGuards(ThrottlerGuard)
  // Slows password guessing from one address (LOGIN_RATE_LIMIT a minute, counted in Redis across
  // the API processes); the per-account lock is LoginThrottle.
  login(@Body() body: LoginDto): Promise<LoginResult> {
    return this.auth.login(body);
  }

  @Get('me')
  @ApiBearerAuth()
  me(@CurrentPrincipal() principal: Principal): Promise<UserView> {
    return this.auth.me(principal);
  }

  /** The caller's own password; every token of theirs, this one included, is void afterwards. */
  @Post('password')
  @ApiBearerAuth()
  @HttpCode(204)
  async changePassword(@CurrentPrincipal() principal: Principal, @Body() body: ChangeOwnPasswordDto): Promise<void> {
    await this.auth.changePassword(principal, body);
  }
}
