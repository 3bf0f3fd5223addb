import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The base schema: organisation tree, classifier, routing rules, working calendar, users,
 * intake (appeals, events, calls, receptions) and the transactional outbox.
 *
 * Trees (branches, categories) carry an ltree `path` of id labels kept by triggers, so
 * "this node and its whole subtree" is one GiST-indexed `path <@ $1` query.
 */
export class InitialSchema1763700000000 implements MigrationInterface {
  name = 'InitialSchema1763700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS ltree`);

    await q.query(`
      CREATE FUNCTION uuid_label(id uuid) RETURNS text LANGUAGE sql IMMUTABLE AS
      $$ SELECT replace(id::text, '-', '') $$`);

    await q.query(`
      CREATE TABLE branches (
        id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code        varchar(32)  NOT NULL,
        name        varchar(200) NOT NULL,
        level       varchar(16)  NOT NULL,
        parent_id   uuid REFERENCES branches(id) ON DELETE RESTRICT,
        path        ltree        NOT NULL,
        region_code varchar(32)  NOT NULL,
        created_at  timestamptz  NOT NULL DEFAULT now(),
        CONSTRAINT branches_code_uq UNIQUE (code),
        CONSTRAINT branches_level_ck CHECK (level IN ('central','regional','district','primary')),
        CONSTRAINT branches_code_ck CHECK (code ~ '^[A-Za-z0-9][A-Za-z0-9_.-]*$'),
        CONSTRAINT branches_root_ck CHECK ((parent_id IS NULL) = (level = 'central'))
      )`);
    await q.query(`CREATE INDEX branches_path_gist ON branches USING gist (path)`);
    await q.query(`CREATE INDEX branches_parent_idx ON branches (parent_id)`);
    // path = parent's path + own label; region_code = the code of the regional ancestor
    // (or the node's own code at the top two levels), used in registration numbers.
    await q.query(`
      CREATE FUNCTION branches_fill_path() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE parent branches%ROWTYPE;
      BEGIN
        IF NEW.parent_id IS NULL THEN
          NEW.path := uuid_label(NEW.id)::ltree;
          NEW.region_code := NEW.code;
        ELSE
          SELECT * INTO parent FROM branches WHERE id = NEW.parent_id;
          IF NOT FOUND THEN RAISE foreign_key_violation USING MESSAGE = 'parent branch not found'; END IF;
          NEW.path := parent.path || uuid_label(NEW.id);
          NEW.region_code := CASE WHEN NEW.level IN ('central','regional') THEN NEW.code
                                  WHEN parent.level = 'central' THEN NEW.code
                                  ELSE parent.region_code END;
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER branches_fill_path BEFORE INSERT ON branches
      FOR EACH ROW EXECUTE FUNCTION branches_fill_path()`);

    await q.query(`
      CREATE TABLE agencies (
        id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code       varchar(64)  NOT NULL,
        name       varchar(300) NOT NULL,
        branch_id  uuid REFERENCES branches(id) ON DELETE RESTRICT,
        created_at timestamptz  NOT NULL DEFAULT now(),
        CONSTRAINT agencies_code_uq UNIQUE (code)
      )`);
    await q.query(`CREATE INDEX agencies_branch_idx ON agencies (branch_id)`);

    await q.query(`
      CREATE TABLE categories (
        id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code       varchar(64)  NOT NULL,
        name_kk    varchar(300) NOT NULL,
        name_ru    varchar(300) NOT NULL,
        name_en    varchar(300) NOT NULL,
        parent_id  uuid REFERENCES categories(id) ON DELETE RESTRICT,
        path       ltree        NOT NULL,
        created_at timestamptz  NOT NULL DEFAULT now(),
        CONSTRAINT categories_code_uq UNIQUE (code)
      )`);
    await q.query(`CREATE INDEX categories_path_gist ON categories USING gist (path)`);
    await q.query(`
      CREATE FUNCTION categories_fill_path() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE parent_path ltree;
      BEGIN
        IF NEW.parent_id IS NULL THEN
          NEW.path := uuid_label(NEW.id)::ltree;
        ELSE
          SELECT path INTO parent_path FROM categories WHERE id = NEW.parent_id;
          IF NOT FOUND THEN RAISE foreign_key_violation USING MESSAGE = 'parent category not found'; END IF;
          NEW.path := parent_path || uuid_label(NEW.id);
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER categories_fill_path BEFORE INSERT ON categories
      FOR EACH ROW EXECUTE FUNCTION categories_fill_path()`);

    await q.query(`
      CREATE TABLE routing_rules (
        id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        category_id uuid NOT NULL REFERENCES categories(id) ON DELETE CASCADE,
        agency_id   uuid NOT NULL REFERENCES agencies(id) ON DELETE CASCADE,
        branch_id   uuid REFERENCES branches(id) ON DELETE CASCADE,
        priority    integer NOT NULL DEFAULT 0,
        created_at  timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT routing_rules_uq UNIQUE NULLS NOT DISTINCT (category_id, branch_id, agency_id)
      )`);
    await q.query(`CREATE INDEX routing_rules_category_idx ON routing_rules (category_id)`);

    await q.query(`
      CREATE TABLE calendar_days (
        day        date PRIMARY KEY,
        kind       varchar(16)  NOT NULL,
        name       varchar(200),
        updated_at timestamptz  NOT NULL DEFAULT now(),
        CONSTRAINT calendar_days_kind_ck CHECK (kind IN ('holiday','workday'))
      )`);

    await q.query(`
      CREATE TABLE users (
        id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        login         varchar(100) NOT NULL,
        password_hash text         NOT NULL,
        full_name     varchar(200) NOT NULL,
        role          varchar(20)  NOT NULL,
        branch_id     uuid REFERENCES branches(id) ON DELETE RESTRICT,
        agency_id     uuid REFERENCES agencies(id) ON DELETE RESTRICT,
        created_at    timestamptz  NOT NULL DEFAULT now(),
        CONSTRAINT users_role_ck CHECK (role IN ('admin','operator','reception','controller','agency_officer','analyst')),
        CONSTRAINT users_scope_ck CHECK (
          role = 'admin'
          OR (role = 'agency_officer' AND agency_id IS NOT NULL)
          OR (role IN ('operator','reception','controller','analyst') AND branch_id IS NOT NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX users_login_uq ON users (lower(login))`);

    await q.query(`
      CREATE TABLE reception_sessions (
        id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        branch_id  uuid NOT NULL REFERENCES branches(id) ON DELETE RESTRICT,
        host_name  varchar(200) NOT NULL,
        host_type  varchar(32)  NOT NULL,
        agency_id  uuid REFERENCES agencies(id) ON DELETE RESTRICT,
        starts_at  timestamptz  NOT NULL,
        ends_at    timestamptz,
        format     varchar(16)  NOT NULL,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz  NOT NULL DEFAULT now(),
        CONSTRAINT reception_sessions_host_type_ck CHECK (host_type IN ('majilis_deputy','senate_deputy','maslikhat_deputy','agency_head','party_official')),
        CONSTRAINT reception_sessions_format_ck CHECK (format IN ('in_person','mobile','video')),
        CONSTRAINT reception_sessions_period_ck CHECK (ends_at IS NULL OR ends_at >= starts_at)
      )`);
    await q.query(`CREATE INDEX reception_sessions_branch_starts_idx ON reception_sessions (branch_id, starts_at)`);

    await q.query(`
      CREATE TABLE calls (
        id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        branch_id     uuid REFERENCES branches(id) ON DELETE RESTRICT,
        operator_id   uuid REFERENCES users(id) ON DELETE SET NULL,
        caller_phone  varchar(16) NOT NULL,
        started_at    timestamptz NOT NULL,
        ended_at      timestamptz,
        result        varchar(20) NOT NULL,
        notes         text,
        appeal_number varchar(40),
        created_at    timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT calls_result_ck CHECK (result IN ('appeal','consultation','status_inquiry')),
        CONSTRAINT calls_period_ck CHECK (ended_at IS NULL OR ended_at >= started_at)
      )`);
    await q.query(`CREATE INDEX calls_started_idx ON calls (started_at)`);

    await q.query(`
      CREATE TABLE registration_counters (
        region_code varchar(32) NOT NULL,
        year        integer     NOT NULL,
        last_value  integer     NOT NULL,
        PRIMARY KEY (region_code, year)
      )`);

    await q.query(`
      CREATE TABLE appeals (
        id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number         varchar(48)  NOT NULL,
        tracking_code  varchar(16)  NOT NULL,
        channel        varchar(16)  NOT NULL,
        type           varchar(16)  NOT NULL,
        status         varchar(16)  NOT NULL,
        outcome        varchar(24),
        category_id    uuid NOT NULL REFERENCES categories(id) ON DELETE RESTRICT,
        branch_id      uuid NOT NULL REFERENCES branches(id) ON DELETE RESTRICT,
        agency_id      uuid REFERENCES agencies(id) ON DELETE RESTRICT,
        subject        varchar(300) NOT NULL,
        text           text         NOT NULL,
        language       varchar(2)   NOT NULL,
        anonymous      boolean      NOT NULL DEFAULT false,
        signatories    integer,
        applicant      jsonb,
        applicant_iin  char(12),
        received_at    timestamptz  NOT NULL,
        received_on    date         NOT NULL,
        registered_at  timestamptz  NOT NULL DEFAULT now(),
        due_date       date         NOT NULL,
        deadline_state varchar(16)  NOT NULL DEFAULT 'on_track',
        answered_at    timestamptz,
        answer_text    text,
        closed_at      timestamptz,
        reception_id   uuid REFERENCES reception_sessions(id) ON DELETE RESTRICT,
        call_id        uuid REFERENCES calls(id) ON DELETE RESTRICT,
        repeat_of_id   uuid REFERENCES appeals(id) ON DELETE SET NULL,
        created_by     uuid REFERENCES users(id) ON DELETE SET NULL,
        version        integer      NOT NULL DEFAULT 1,
        CONSTRAINT appeals_number_uq UNIQUE (number),
        CONSTRAINT appeals_channel_ck CHECK (channel IN ('portal','call_centre','reception','public_office','mail')),
        CONSTRAINT appeals_type_ck CHECK (type IN ('statement','complaint','proposal','request','response','report')),
        CONSTRAINT appeals_status_ck CHECK (status IN ('registered','routed','in_progress','paused','answered','closed','withdrawn')),
        CONSTRAINT appeals_outcome_ck CHECK (outcome IN ('positive','explained','rejected','without_consideration')),
        CONSTRAINT appeals_deadline_state_ck CHECK (deadline_state IN ('on_track','due_soon','overdue','met','missed')),
        CONSTRAINT appeals_language_ck CHECK (language IN ('kk','ru')),
        CONSTRAINT appeals_text_len_ck CHECK (char_length(text) BETWEEN 1 AND 10000),
        CONSTRAINT appeals_signatories_ck CHECK (signatories IS NULL OR signatories BETWEEN 2 AND 100000),
        CONSTRAINT appeals_applicant_ck CHECK (anonymous OR applicant IS NOT NULL),
        CONSTRAINT appeals_routed_has_agency_ck CHECK (status IN ('registered','withdrawn') OR agency_id IS NOT NULL),
        CONSTRAINT appeals_reception_channel_ck CHECK (reception_id IS NULL OR channel = 'reception'),
        CONSTRAINT appeals_call_channel_ck CHECK (call_id IS NULL OR channel = 'call_centre')
      )`);
    await q.query(`CREATE INDEX appeals_branch_received_idx ON appeals (branch_id, received_at DESC)`);
    await q.query(`CREATE INDEX appeals_agency_status_idx ON appeals (agency_id, status)`);
    await q.query(`CREATE INDEX appeals_received_idx ON appeals (received_at DESC)`);
    await q.query(`CREATE INDEX appeals_status_due_idx ON appeals (status, due_date)`);
    await q.query(`CREATE INDEX appeals_applicant_iin_idx ON appeals (applicant_iin, category_id, received_at DESC) WHERE applicant_iin IS NOT NULL`);
    await q.query(`CREATE INDEX appeals_reception_idx ON appeals (reception_id) WHERE reception_id IS NOT NULL`);

    await q.query(`
      CREATE TABLE appeal_events (
        id        uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq       bigint GENERATED ALWAYS AS IDENTITY,
        appeal_id uuid NOT NULL REFERENCES appeals(id) ON DELETE CASCADE,
        type      varchar(40) NOT NULL,
        at        timestamptz NOT NULL DEFAULT now(),
        actor_id  uuid REFERENCES users(id) ON DELETE SET NULL,
        data      jsonb NOT NULL DEFAULT '{}'::jsonb
      )`);
    await q.query(`CREATE INDEX appeal_events_appeal_idx ON appeal_events (appeal_id, seq)`);

    await q.query(`
      CREATE TABLE reception_visits (
        id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        reception_id uuid NOT NULL REFERENCES reception_sessions(id) ON DELETE CASCADE,
        visitor      jsonb NOT NULL,
        topic        varchar(300),
        result       varchar(20) NOT NULL,
        appeal_id    uuid REFERENCES appeals(id) ON DELETE SET NULL,
        created_by   uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at   timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT reception_visits_result_ck CHECK (result IN ('appeal','consultation')),
        CONSTRAINT reception_visits_appeal_ck CHECK ((result = 'appeal') = (appeal_id IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX reception_visits_reception_idx ON reception_visits (reception_id)`);

    await q.query(`
      CREATE TABLE idempotency_keys (
        key          varchar(200) PRIMARY KEY,
        request_hash char(64)     NOT NULL,
        appeal_id    uuid NOT NULL REFERENCES appeals(id) ON DELETE CASCADE,
        response     jsonb        NOT NULL,
        created_at   timestamptz  NOT NULL DEFAULT now()
      )`);

    // Transactional outbox: written in the same transaction as the change it announces,
    // relayed by the worker (notifications, deadline jobs).
    await q.query(`
      CREATE TABLE outbox (
        id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        topic        varchar(40) NOT NULL,
        appeal_id    uuid REFERENCES appeals(id) ON DELETE CASCADE,
        payload      jsonb NOT NULL DEFAULT '{}'::jsonb,
        created_at   timestamptz NOT NULL DEFAULT now(),
        relayed_at   timestamptz
      )`);
    await q.query(`CREATE INDEX outbox_pending_idx ON outbox (id) WHERE relayed_at IS NULL`);

    // Who read which citizen's personal data, and when (DOMAIN.md "Personal data").
    await q.query(`
      CREATE TABLE personal_data_reads (
        id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at        timestamptz NOT NULL DEFAULT now(),
        actor_id  uuid REFERENCES users(id) ON DELETE SET NULL,
        appeal_id uuid NOT NULL REFERENCES appeals(id) ON DELETE CASCADE,
        purpose   varchar(40) NOT NULL
      )`);
    await q.query(`CREATE INDEX personal_data_reads_appeal_idx ON personal_data_reads (appeal_id, at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'personal_data_reads', 'outbox', 'idempotency_keys', 'reception_visits', 'appeal_events', 'appeals',
      'registration_counters', 'calls', 'reception_sessions', 'users', 'calendar_days', 'routing_rules',
      'categories', 'agencies', 'branches',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
    await q.query(`DROP FUNCTION IF EXISTS categories_fill_path()`);
    await q.query(`DROP FUNCTION IF EXISTS branches_fill_path()`);
    await q.query(`DROP FUNCTION IF EXISTS uuid_label(uuid)`);
  }
}
