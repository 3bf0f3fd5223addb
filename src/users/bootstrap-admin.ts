import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Environment } from '../config/environment';
import { PasswordHasher } from './password-hasher';
import { passwordProblem } from './password-policy';
import { User } from './user.entity';

/** Creates the admin from BOOTSTRAP_ADMIN_LOGIN / _PASSWORD when no user has that login. */
@Injectable()
export class BootstrapAdmin implements OnApplicationBootstrap {
  private readonly logger = new Logger(BootstrapAdmin.name);

  constructor(
    private readonly env: Environment,
    private readonly hasher: PasswordHasher,
    @InjectRepository(User) private readonly users: Repository<User>,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const login = this.env.BOOTSTRAP_ADMIN_LOGIN;
    const password = this.env.BOOTSTRAP_ADMIN_PASSWORD;
    if (!password) {
      this.logger.warn('BOOTSTRAP_ADMIN_PASSWORD is not set: no bootstrap admin is created');
      return;
    }
    // Production refuses a weak one at boot (environment.ts); elsewhere (tests, a laptop) a warning.
    const problem = passwordProblem(password, login);
    if (problem) this.logger.warn(`BOOTSTRAP_ADMIN_PASSWORD ${problem.message} (${problem.code}); refused in production`);
    // ON CONFLICT keeps several API replicas starting at once from racing into an error.
    const inserted: unknown[] = await this.users.query(
      `INSERT INTO users (login, password_hash, full_name, role) VALUES ($1, $2, 'Administrator', 'admin')
       ON CONFLICT (lower(login)) DO NOTHING RETURNING id`,
      [login, await this.hasher.hash(password)],
    );
    if (inserted.length) this.logger.log(`bootstrap admin "${login}" created`);
  }
}
