import { Global, Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { createSecretKey } from 'node:crypto';
import { Environment } from '../config/environment';
import { UsersModule } from '../users/users.module';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { Credentials } from './credentials';
import { LoginThrottle } from './login-throttle';
import { TokenVersions } from './token-versions';

@Global()
@Module({
  imports: [
    UsersModule,
    JwtModule.registerAsync({
      global: true,
      inject: [Environment],
      useFactory: (env: Environment) => ({
        // A KeyObject: given a string, jsonwebtoken first tries (and fails) to parse it as a
        // public key on every verify, a measurable cost on every request (docs/benchmarks.md).
        secret: createSecretKey(Buffer.from(env.JWT_SECRET, 'utf8')) as unknown as string,
        signOptions: { expiresIn: env.JWT_EXPIRES_IN as `${number}h`, algorithm: 'HS256' },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
  ],
  controllers: [AuthController],
  providers: [AuthService, Credentials, LoginThrottle, TokenVersions],
  exports: [Credentials, TokenVersions],
})
export class AuthModule {}
