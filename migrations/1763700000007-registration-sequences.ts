import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Registration numbers from one sequence per region and year instead of a counter row.
 *
 * A counter row is locked from the increment until the transaction commits, including its WAL
 * flush, so every registration of a region queued behind the previous one's commit: the intake
 * benchmark's ceiling. A sequence hands out the next value without a lock held to commit. The
 * price is a gap when a registration fails after taking its number (its statement rolls back),
 * which the constraints checked before it make rare.
 *
 * `registration_sequence(region, year)` returns the sequence, creating it on first use (also
 * under concurrency) and recording it in `registration_sequences`.
 */
export class RegistrationSequences1763700000007 implements MigrationInterface {
  name = 'RegistrationSequences1763700000007';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE registration_sequences (
        region_code   varchar(32) NOT NULL,
        year          integer     NOT NULL,
        sequence_name text        NOT NULL,
        PRIMARY KEY (region_code, year)
      )`);
    await q.query(`
      CREATE FUNCTION registration_sequence(region text, yr integer) RETURNS regclass LANGUAGE plpgsql AS $$
      DECLARE
        name text := 'registration_seq_' || md5(region || '/' || yr);
        seq regclass := to_regclass(name);
      BEGIN
        IF seq IS NOT NULL THEN RETURN seq; END IF;
        BEGIN
          EXECUTE format('CREATE SEQUENCE %I AS bigint MINVALUE 1', name);
          INSERT INTO registration_sequences (region_code, year, sequence_name) VALUES (region, yr, name);
        EXCEPTION WHEN duplicate_table OR unique_violation THEN
          NULL; -- created meanwhile by a concurrent registration
        END;
        RETURN to_regclass(name);
      END $$`);
    // Carry the counters over, so numbering continues where it stopped.
    await q.query(`
      DO $$
      DECLARE c record;
      BEGIN
        FOR c IN SELECT region_code, year, last_value FROM registration_counters LOOP
          PERFORM setval(registration_sequence(c.region_code, c.year), c.last_value);
        END LOOP;
      END $$`);
    await q.query(`DROP TABLE registration_counters`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE registration_counters (
        region_code varchar(32) NOT NULL,
        year        integer     NOT NULL,
        last_value  integer     NOT NULL,
        PRIMARY KEY (region_code, year)
      )`);
    await q.query(`
      DO $$
      DECLARE s record; v bigint; called boolean;
      BEGIN
        FOR s IN SELECT * FROM registration_sequences LOOP
          EXECUTE format('SELECT last_value, is_called FROM %I', s.sequence_name) INTO v, called;
          IF called THEN INSERT INTO registration_counters VALUES (s.region_code, s.year, v); END IF;
          EXECUTE format('DROP SEQUENCE %I', s.sequence_name);
        END LOOP;
      END $$`);
    await q.query(`DROP FUNCTION registration_sequence(text, integer)`);
    await q.query(`DROP TABLE registration_sequences`);
  }
}
