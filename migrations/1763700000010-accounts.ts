import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Account lifecycle: a user can be deactivated, and every access token carries the user's
 * `token_version`. A trigger bumps the version whenever something a token vouches for changes
 * (role, scope, password, active), so no writer, whether the API or hand-written SQL, can change
 * those and leave the old tokens valid; the API compares the token's version with the current one
 * (src/auth/token-versions.ts).
 */
export class Accounts1763700000010 implements MigrationInterface {
  name = 'Accounts1763700000010';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users ADD COLUMN active boolean NOT NULL DEFAULT true`);
    await q.query(`ALTER TABLE users ADD COLUMN token_version integer NOT NULL DEFAULT 0`);
    await q.query(`ALTER TABLE users ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now()`);
    await q.query(`
      CREATE FUNCTION users_bump_token_version() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.role IS DISTINCT FROM OLD.role
           OR NEW.branch_id IS DISTINCT FROM OLD.branch_id
           OR NEW.agency_id IS DISTINCT FROM OLD.agency_id
           OR NEW.password_hash IS DISTINCT FROM OLD.password_hash
           OR NEW.active IS DISTINCT FROM OLD.active THEN
          NEW.token_version := OLD.token_version + 1;
        END IF;
        NEW.updated_at := now();
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER users_token_version_trg BEFORE UPDATE ON users
      FOR EACH ROW EXECUTE FUNCTION users_bump_token_version()`);
    // The admin's user list filters by these.
    await q.query(`CREATE INDEX users_role_idx ON users (role)`);
    await q.query(`CREATE INDEX users_branch_idx ON users (branch_id) WHERE branch_id IS NOT NULL`);
    await q.query(`CREATE INDEX users_agency_idx ON users (agency_id) WHERE agency_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX users_agency_idx`);
    await q.query(`DROP INDEX users_branch_idx`);
    await q.query(`DROP INDEX users_role_idx`);
    await q.query(`DROP TRIGGER users_token_version_trg ON users`);
    await q.query(`DROP FUNCTION users_bump_token_version()`);
    await q.query(`ALTER TABLE users DROP COLUMN updated_at, DROP COLUMN token_version, DROP COLUMN active`);
  }
}
