import { Global, Module } from '@nestjs/common';
import { Environment, loadEnvironment } from './environment';

/** Provides the validated {@link Environment}; inject it by its class. */
@Global()
@Module({
  providers: [{ provide: Environment, useFactory: () => loadEnvironment() }],
  exports: [Environment],
})
export class ConfigModule {}
