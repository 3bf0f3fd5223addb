import { INestApplicationContext } from '@nestjs/common';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { APPEAL_TYPES, CHANNELS, LANGUAGES } from '../appeals/appeal.enums';
import { kzCheckDigit } from '../common/validation/kz-identifiers';
import { RegisterAppeal } from '../intake/register-appeal.use-case';

/** Deterministic pseudo-random numbers, so two demo seeds look alike (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST_NAMES = ['Айгерим', 'Нурлан', 'Асель', 'Ерлан', 'Динара', 'Бауыржан', 'Жанна', 'Мурат', 'Гульнара', 'Арман', 'Ольга', 'Сергей'];
const LAST_NAMES = ['Ахметов', 'Садыкова', 'Жумабаев', 'Ким', 'Искакова', 'Нургалиев', 'Петрова', 'Омаров', 'Бекова', 'Смагулов'];
const SUBJECTS: Record<string, string[]> = {
  ru: ['Протекает крыша', 'Нет горячей воды', 'Очередь на жилье', 'Ремонт дороги во дворе', 'Назначение пособия', 'Запись в детский сад'],
  kk: ['Шатыр ағып тұр', 'Ыстық су жоқ', 'Тұрғын үй кезегі', 'Ауладағы жолды жөндеу', 'Жәрдемақы тағайындау', 'Балабақшаға жазылу'],
};

/** A valid IIN for a random adult (checksum per DOMAIN.md; numbers that are never issued are skipped). */
function demoIin(rnd: () => number): string {
  for (;;) {
    const birth = DateTime.fromObject({ year: 1950 + Math.floor(rnd() * 55), month: 1 + Math.floor(rnd() * 12), day: 1 + Math.floor(rnd() * 28) });
    const century = birth.year >= 2000 ? 5 : 3;
    const first11 = `${birth.toFormat('yyMMdd')}${century + Math.floor(rnd() * 2)}${String(Math.floor(rnd() * 10000)).padStart(4, '0')}`;
    const check = kzCheckDigit(first11);
    if (check !== null) return `${first11}${check}`;
  }
}

/**
 * Registers `count` appeals received over the last `months` months, through the same use case
 * as live intake (numbering, routing, events, outbox), spread over every region and channel.
 */
export async function seedDemoAppeals(app: INestApplicationContext, count: number, months: number): Promise<number> {
  const ds = app.get(DataSource);
  const register = app.get(RegisterAppeal);
  const [{ n }] = await ds.query(`SELECT count(*) AS n FROM appeals`);
  if (n >= count) return 0;

  const branches: { id: string }[] = await ds.query(`SELECT id FROM branches WHERE level = 'district' ORDER BY code`);
  const categories: { id: string }[] = await ds.query(`SELECT id FROM categories WHERE parent_id IS NOT NULL ORDER BY code`);
  const rnd = random(20261121);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)];
  const now = DateTime.now();
  for (let i = n; i < count; i++) {
    const language = rnd() < 0.35 ? 'kk' : pick(LANGUAGES);
    const anonymous = rnd() < 0.03;
    await register.execute({
      channel: pick(CHANNELS),
      type: pick(APPEAL_TYPES),
      categoryId: pick(categories).id,
      branchId: pick(branches).id,
      subject: pick(SUBJECTS[language]),
      text: 'Прошу рассмотреть мое обращение и принять меры. Демонстрационные данные.',
      language,
      anonymous,
      signatories: rnd() < 0.05 ? 2 + Math.floor(rnd() * 300) : null,
      applicant: anonymous
        ? null
        : { fullName: `${pick(LAST_NAMES)} ${pick(FIRST_NAMES)}`, iin: demoIin(rnd), phone: `+7701${String(Math.floor(rnd() * 1e7)).padStart(7, '0')}` },
      receivedAt: now.minus({ minutes: Math.floor(rnd() * months * 30 * 24 * 60) }).toJSDate(),
      createdBy: null,
      scopeBranchId: null,
      branchField: 'branchId',
    });
  }
  return count - n;
}
