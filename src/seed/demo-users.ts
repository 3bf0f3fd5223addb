import { DataSource } from 'typeorm';
import { hashPassword } from '../users/password-hasher';
import { passwordProblem } from '../users/password-policy';

/** One account per role, scoped to Almaty city or the Almaty akimat, for trying the system. */
const DEMO_USERS = [
  { login: 'operator', role: 'operator', fullName: 'Оператор call-центра', branch: 'KZ' },
  { login: 'reception', role: 'reception', fullName: 'Сотрудник приемной', branch: 'ALA' },
  { login: 'controller', role: 'controller', fullName: 'Контролер Алматинского филиала', branch: 'ALA' },
  { login: 'analyst', role: 'analyst', fullName: 'Аналитик центрального аппарата', branch: 'KZ' },
  { login: 'officer', role: 'agency_officer', fullName: 'Специалист акимата г. Алматы', agency: 'AKIMAT-ALA' },
] as const;

export async function seedDemoUsers(ds: DataSource): Promise<string[]> {
  const password = process.env.DEMO_PASSWORD;
  if (!password) throw new Error('Set DEMO_PASSWORD to create the demo accounts (e.g. Almaty-Demo-2026)');
  for (const u of DEMO_USERS) {
    const problem = passwordProblem(password, u.login);
    if (problem) throw new Error(`DEMO_PASSWORD ${problem.message} (${problem.code}, login ${u.login})`);
  }
  const hash = await hashPassword(password);
  for (const u of DEMO_USERS) {
    await ds.query(
      `INSERT INTO users (login, password_hash, full_name, role, branch_id, agency_id)
       VALUES ($1, $2, $3, $4, (SELECT id FROM branches WHERE code = $5), (SELECT id FROM agencies WHERE code = $6))
       ON CONFLICT (lower(login)) DO NOTHING`,
      [u.login, hash, u.fullName, u.role, 'branch' in u ? u.branch : null, 'agency' in u ? u.agency : null],
    );
  }
  return DEMO_USERS.map((u) => u.login);
}
