import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Branches and agencies get their names in Kazakh, Russian and English (API.md v1.1 "Localisation"), like
 * categories: `names jsonb` {kk, ru, en}, each a non-empty string. Existing rows are backfilled with their
 * one name in all three (the seed replaces that placeholder with the real names); `name` stays, the
 * Russian one. A row inserted with only `name` (older code, raw SQL) gets the same fill from a trigger, so
 * nothing that wrote `name` before breaks.
 */
export class BranchAgencyNames1763700000011 implements MigrationInterface {
  name = 'BranchAgencyNames1763700000011';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION names_from_name() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.names IS NULL THEN
          NEW.names := jsonb_build_object('kk', NEW.name, 'ru', NEW.name, 'en', NEW.name);
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE FUNCTION valid_names(names jsonb, max_length integer) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
        SELECT CASE WHEN jsonb_typeof(names) IS DISTINCT FROM 'object' THEN false ELSE
                 (SELECT count(*) FROM jsonb_object_keys(names)) = 3
                 AND (SELECT bool_and(coalesce(jsonb_typeof(names -> l) = 'string'
                                               AND length(btrim(names ->> l)) > 0
                                               AND char_length(names ->> l) <= max_length, false))
                        FROM unnest(ARRAY['kk', 'ru', 'en']) AS l)
               END
      $$`);
    for (const [table, max] of [['branches', 200], ['agencies', 300]] as const) {
      await q.query(`ALTER TABLE ${table} ADD COLUMN names jsonb`);
      await q.query(`UPDATE ${table} SET names = jsonb_build_object('kk', name, 'ru', name, 'en', name)`);
      await q.query(`ALTER TABLE ${table} ALTER COLUMN names SET NOT NULL`);
      await q.query(`ALTER TABLE ${table} ADD CONSTRAINT ${table}_names_ck CHECK (valid_names(names, ${max}))`);
      await q.query(
        `CREATE TRIGGER ${table}_names_from_name BEFORE INSERT ON ${table} FOR EACH ROW EXECUTE FUNCTION names_from_name()`,
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['branches', 'agencies']) {
      await q.query(`DROP TRIGGER ${table}_names_from_name ON ${table}`);
      await q.query(`ALTER TABLE ${table} DROP COLUMN names`);
    }
    await q.query(`DROP FUNCTION valid_names(jsonb, integer)`);
    await q.query(`DROP FUNCTION names_from_name()`);
  }
}
