import { MigrationInterface, QueryRunner } from 'typeorm';
import { buildKazakhCalendar } from '../src/calendar/kazakh-holidays';

const FROM_YEAR = 2012;
const TO_YEAR = 2027;

/**
 * Seeds `calendar_days` with the Kazakh holidays, carry-over days and decreed day swaps for
 * 2012–2027 (only the days that differ from Mon–Fri working / Sat–Sun off).
 *
 * From then on the table is the source of truth and administrators edit it; rows already there
 * are left alone (ON CONFLICT DO NOTHING), so an edit made before this runs is not overwritten.
 * The rows are computed by the builder at run time: a later change to the builder's data does
 * not reach databases where this migration has already run — ship such a fix as a new migration.
 */
export class KazakhCalendar1763700000001 implements MigrationInterface {
  name = 'KazakhCalendar1763700000001';

  async up(q: QueryRunner): Promise<void> {
    const rows = buildKazakhCalendar(FROM_YEAR, TO_YEAR);
    const params: string[] = [];
    const values = rows.map((r) => {
      params.push(r.date, r.kind, r.name);
      const n = params.length;
      return `($${n - 2}::date, $${n - 1}, $${n})`;
    });
    // ~300 rows, ~900 parameters: far below PostgreSQL's 65,535-parameter limit.
    await q.query(
      `INSERT INTO calendar_days (day, kind, name) VALUES ${values.join(', ')} ON CONFLICT (day) DO NOTHING`,
      params,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM calendar_days WHERE day BETWEEN $1::date AND $2::date`, [
      `${FROM_YEAR}-01-01`,
      `${TO_YEAR}-12-31`,
    ]);
  }
}
