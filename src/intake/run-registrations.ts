import type { PoolClient } from 'pg';
import { REGISTER_APPEALS_SQL, RegistrationParams, RegistrationRow } from './register-appeal.sql';

/**
 * Runs the registration statement on a connection as a named prepared statement: Postgres parses
 * and plans it once per connection, and each call sends one parameter, the registrations as JSON.
 * TypeORM's query() cannot name a statement, hence the driver's client.
 */
export async function runRegistrations(client: PoolClient, registrations: RegistrationParams[]): Promise<RegistrationRow[]> {
  const json = JSON.stringify(registrations.map((r, n) => ({ n, ...r })));
  const { rows } = await client.query<RegistrationRow>({ name: 'register-appeals', text: REGISTER_APPEALS_SQL, values: [json] });
  return rows;
}
