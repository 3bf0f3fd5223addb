-- 1,000,000 appeals for the search and list measurements in docs/search.md, set-based, in five
-- statements of 200,000 (the report cubes' statement triggers aggregate each one).
-- Run on a scratch database after `npm run migration:run` and `npm run seed`:
--   psql "$DATABASE_URL" -v ON_ERROR_STOP=1 -f bench/search/generate-appeals.sql
\timing on
CREATE TEMP TABLE pools AS SELECT
  ARRAY['Серик','Айгерім','Нұрлан','Әсел','Иван','Мария','Ерлан','Жанар','Дмитрий','Гүлнар','Алексей','Асқар','Ольга','Бауыржан','Сәуле','Ринат']::text[] AS first_names,
  ARRAY['Ахметов','Нұрланқызы','Петров','Сидорова','Жұмабаев','Ким','Оспанов','Иванова','Сейітқали','Смагулов','Кузнецов','Әбілқасым','Тоқтаров','Ли']::text[] AS last_names,
  ARRAY['Протекает крыша','Нет отопления','Үйдің шатыры ағып жатыр','Жол жөндеу керек','Не вывозят мусор','Ауруханада кезек','Нет воды','Балабақшаға орын',
        'Ремонт дороги во дворе','Жарық жоқ','Шум от стройки','Пособие не начислено','Автобус ходит редко','Мектепте жылу жоқ']::text[] AS subjects,
  ARRAY['Прошу принять меры','Көмектесуіңізді сұраймын','Управляющая компания не отвечает','Әкімдікке бірнеше рет жүгіндім','Ситуация повторяется третий месяц',
        'Тұрғындар наразы','Жалоба коллективная','Прошу проверить законность']::text[] AS phrases;

CREATE TEMP TABLE refs AS SELECT
  (SELECT array_agg(id ORDER BY code) FROM branches WHERE level = 'district') AS districts,
  (SELECT array_agg(id ORDER BY code) FROM categories) AS categories,
  (SELECT array_agg(id ORDER BY code) FROM agencies) AS agencies;

DO $$
DECLARE chunk int;
BEGIN
  FOR chunk IN 0..4 LOOP
    INSERT INTO appeals (number, tracking_code, channel, type, status, category_id, branch_id, subject, text, language, anonymous,
                         applicant, applicant_iin, received_at, received_on, due_date, deadline_state,
                         agency_id, outcome, answered_at, answer_text, closed_at)
    SELECT 'S-' || to_char(g, 'FM0000000'), 'TRACKCODE1',
           (ARRAY['portal','call_centre','reception','public_office','mail'])[1 + g % 5],
           (ARRAY['statement','complaint','proposal','request'])[1 + g % 4],
           st.status,
           c.categories[1 + (g::bigint * 7919) % array_length(c.categories, 1)],
           c.districts[1 + (g::bigint * 104729) % array_length(c.districts, 1)],
           s.subject, s.subject || '. ' || p.phrases[1 + g % 8] || '. ' || p.phrases[1 + (g / 8) % 8] || ', адрес дом ' || (g % 300),
           CASE WHEN g % 3 = 0 THEN 'kk' ELSE 'ru' END, false,
           jsonb_build_object('fullName', p.first_names[1 + g % 16] || ' ' || p.last_names[1 + (g / 16) % 14],
                              'iin', lpad(((g::bigint * 7777777) % 1000000000000)::text, 12, '0'),
                              'phone', '+7707' || lpad((g % 10000000)::text, 7, '0')),
           lpad(((g::bigint * 7777777) % 1000000000000)::text, 12, '0'),
           r.at, (r.at AT TIME ZONE 'Asia/Almaty')::date, (r.at AT TIME ZONE 'Asia/Almaty')::date + 21,
           CASE WHEN g % 7 >= 3 THEN 'met' ELSE 'on_track' END,
           CASE WHEN st.status <> 'registered' THEN c.agencies[1 + g % array_length(c.agencies, 1)] END,
           CASE WHEN g % 7 >= 3 THEN (ARRAY['positive','explained'])[1 + g % 2] END,
           CASE WHEN g % 7 >= 3 THEN r.at + interval '10 days' END,
           CASE WHEN g % 7 >= 3 THEN 'Ответ дан' END,
           CASE WHEN st.status = 'closed' THEN r.at + interval '12 days' END
      FROM generate_series(chunk * 200000 + 1, (chunk + 1) * 200000) g
      CROSS JOIN pools p CROSS JOIN refs c
      CROSS JOIN LATERAL (SELECT p.subjects[1 + (g / 3) % 14] AS subject) s
      CROSS JOIN LATERAL (SELECT (ARRAY['registered','routed','in_progress','answered','closed','closed','closed'])[1 + g % 7] AS status) st
      CROSS JOIN LATERAL (SELECT timestamptz '2024-01-01 09:00+05' + (g::bigint * 94) * interval '1 second' AS at) r;
    RAISE NOTICE 'chunk % done', chunk;
  END LOOP;
END $$;
VACUUM ANALYZE appeals;
SELECT count(*) AS appeals FROM appeals;
