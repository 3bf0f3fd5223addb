import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
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
  @Throttle({ default: { limit: 30, ttl: 60_000 } })
  login(@Body() body: LoginDto): Promise<LoginResult> {
    return this.auth.login(body);
  }
}
