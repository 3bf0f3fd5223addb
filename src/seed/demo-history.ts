import { DataSource } from 'typeorm';

/** Regions split off on 8 June 2022 (DOMAIN.md): their history before that day belongs to the old parents. */
const NEW_REGIONS = ['ABA', 'ZHE', 'ULY'];
const SPLIT_DAY = '2022-06-08';

/**
 * Several years of finished appeals (2022 to two months ago) and reception sessions with
 * visits, inserted set-based so reports show meaningful figures at once. Like the historical
 * import: external ids (DEMO-n) make a re-run add nothing, no outbox rows, deadline state
 * met/missed. The aggregate triggers count them as they are inserted.
 */
export async function seedDemoHistory(ds: DataSource, count: number): Promise<{ appeals: number; sessions: number }> {
  const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM appeals WHERE external_id LIKE 'DEMO-%'`);
  if (n > 0) return { appeals: 0, sessions: 0 };
  await ds.query(
    `WITH b AS (SELECT array_agg(b.id ORDER BY b.code) AS all_ids,
                       array_agg(b.id ORDER BY b.code) FILTER (WHERE r.code <> ALL($2)) AS old_ids
                  FROM branches b JOIN branches r ON r.code = b.region_code WHERE b.level = 'district'),
          c AS (SELECT array_agg(id ORDER BY code) AS ids FROM categories WHERE parent_id IS NOT NULL),
          src AS (
            SELECT g, d::date AS received_on, random() AS r_outcome, random() AS r_late, random() AS r_status
              FROM generate_series(1, $1) g,
                   LATERAL (SELECT date '2022-01-01' + (random() * ((current_date - 60) - date '2022-01-01') + g * 0)::int AS d) day),
          picked AS (
            SELECT src.*, (CASE WHEN received_on < $3::date THEN b.old_ids[1 + floor(random() * cardinality(b.old_ids))::int]
                                ELSE b.all_ids[1 + floor(random() * cardinality(b.all_ids))::int] END) AS branch_id,
                   c.ids[1 + floor(random() * cardinality(c.ids))::int] AS category_id,
                   (ARRAY['portal','portal','portal','call_centre','call_centre','reception','public_office','mail'])[1 + floor(random() * 8)::int] AS channel,
                   (ARRAY['statement','statement','complaint','complaint','proposal','request','response','report'])[1 + floor(random() * 8)::int] AS type
              FROM src, b, c),
          routed AS (
            SELECT p.*, coalesce(
                     (SELECT rr.agency_id FROM routing_rules rr JOIN categories rc ON rc.id = rr.category_id
                       JOIN categories pc ON pc.id = p.category_id AND pc.path <@ rc.path LIMIT 1),
                     (SELECT id FROM agencies ORDER BY code LIMIT 1)) AS agency_id,
                   CASE WHEN r_status < 0.04 THEN 'withdrawn' ELSE 'closed' END AS status,
                   CASE WHEN r_outcome < 0.62 THEN 'positive' WHEN r_outcome < 0.86 THEN 'explained'
                        WHEN r_outcome < 0.96 THEN 'rejected' ELSE 'without_consideration' END AS outcome,
                   (p.received_on + 21) AS due_date,
                   (p.received_on + CASE WHEN r_late < 0.9 THEN 5 + floor(random() * 15)::int ELSE 22 + floor(random() * 20)::int END) AS answered_on
              FROM picked p)
     INSERT INTO appeals (external_id, number, tracking_code, channel, type, status, outcome, category_id, branch_id, agency_id, subject, text,
                          language, anonymous, received_at, received_on, registered_at, due_date, deadline_state, answered_at, answer_text,
                          answer_reason, closed_at)
     SELECT 'DEMO-' || g, 'DEMO-' || to_char(received_on, 'YYYY') || '-' || lpad(g::text, 7, '0'), upper(substr(md5(g::text), 1, 10)),
            channel, type, status, CASE WHEN status = 'closed' THEN outcome END, category_id, branch_id, agency_id,
            CASE WHEN g % 3 = 0 THEN 'Тұрғын үй мәселесі' ELSE 'Вопрос благоустройства' END, 'Демонстрационные исторические данные.',
            CASE WHEN g % 3 = 0 THEN 'kk' ELSE 'ru' END, true,
            received_on + time '10:00', received_on, received_on + time '10:00', due_date,
            CASE WHEN status = 'withdrawn' THEN 'on_track' WHEN answered_on <= due_date THEN 'met' ELSE 'missed' END,
            CASE WHEN status = 'closed' THEN answered_on + time '12:00' END, CASE WHEN status = 'closed' THEN 'Ответ дан заявителю.' END,
            CASE WHEN status = 'closed' AND outcome IN ('rejected','without_consideration') THEN 'Нет оснований' END,
            CASE WHEN status = 'closed' THEN answered_on + time '12:00' END
       FROM routed`,
    [count, NEW_REGIONS, SPLIT_DAY],
  );
  const [{ appeals }] = await ds.query(`SELECT count(*)::int AS appeals FROM appeals WHERE external_id LIKE 'DEMO-%'`);
  const sessions = await seedDemoReceptions(ds);
  return { appeals, sessions };
}

/** Reception sessions across branches and host types with their visits; some visits produced one of the demo appeals. */
async function seedDemoReceptions(ds: DataSource): Promise<number> {
  await ds.query(`
    INSERT INTO reception_sessions (branch_id, host_name, host_type, starts_at, starts_on, ends_at, format)
    SELECT b.id, (ARRAY['Депутат Мажилиса Иманова А.','Сенатор Калиев Б.','Депутат маслихата Ким О.','Аким района Жумабаев Н.','Секретарь филиала Омарова Д.'])[1 + g % 5],
           (ARRAY['majilis_deputy','senate_deputy','maslikhat_deputy','agency_head','party_official'])[1 + g % 5],
           (d + time '10:00') AT TIME ZONE 'Asia/Almaty', d, (d + time '13:00') AT TIME ZONE 'Asia/Almaty', (ARRAY['in_person','in_person','mobile','video'])[1 + g % 4]
      FROM generate_series(1, 900) g
      CROSS JOIN LATERAL (SELECT date '2022-07-01' + (random() * ((current_date - 60) - date '2022-07-01') + g * 0)::int AS d) day
      CROSS JOIN LATERAL (SELECT id FROM branches WHERE level IN ('regional','district') ORDER BY md5(g::text || id::text) LIMIT 1) b`);
  await ds.query(`
    INSERT INTO reception_visits (reception_id, visitor, topic, result)
    SELECT s.id, jsonb_build_object('fullName', 'Посетитель ' || v), 'Личный вопрос', 'consultation'
      FROM reception_sessions s CROSS JOIN LATERAL generate_series(1, 2 + (hashtext(s.id::text) & 7)) v
     WHERE s.created_by IS NULL AND NOT EXISTS (SELECT 1 FROM reception_visits x WHERE x.reception_id = s.id)`);
  // Reception-channel demo appeals become the appeals of a session held in their region that month.
  await ds.query(`
    WITH m AS (
      SELECT DISTINCT ON (a.id) a.id AS appeal_id, s.id AS reception_id
        FROM appeals a JOIN branches ab ON ab.id = a.branch_id
        JOIN reception_sessions s ON date_trunc('month', s.starts_at AT TIME ZONE 'Asia/Almaty')::date = date_trunc('month', a.received_on)::date
        JOIN branches sb ON sb.id = s.branch_id AND sb.region_code = ab.region_code
       WHERE a.external_id LIKE 'DEMO-%' AND a.channel = 'reception' AND a.reception_id IS NULL)
    UPDATE appeals a SET reception_id = m.reception_id FROM m WHERE a.id = m.appeal_id`);
  await ds.query(`
    INSERT INTO reception_visits (reception_id, visitor, topic, result, appeal_id)
    SELECT a.reception_id, jsonb_build_object('fullName', 'Заявитель'), a.subject, 'appeal', a.id
      FROM appeals a WHERE a.external_id LIKE 'DEMO-%' AND a.reception_id IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM reception_visits v WHERE v.appeal_id = a.id)`);
  const [{ sessions }] = await ds.query(`SELECT count(*)::int AS sessions FROM reception_sessions WHERE created_by IS NULL`);
  return sessions;
}
