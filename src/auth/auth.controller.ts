import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Throttle, ThrottlerGuard } from '@nestjs/throttler';
import { Public } from '../common/auth/auth.decorators';
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
  // Slows password guessing from one address; the limit is per API process (in-memory store).
  @Throttle({ default: { limit: 30, ttl: 60_000 } })
  login(@Body() body: LoginDto): Promise<LoginResult> {
    return this.auth.login(body);
  }
}
