import { AppealType, Channel, Outcome } from '../appeals/appeal.enums';
import { HostType } from '../receptions/reception-session.entity';
import type { Translated } from './export-language';
import type { Interval, ReceptionGrouping, ResolutionGrouping } from './report-query.dto';

/**
 * The words of the exports in Kazakh, Russian and English: enum values and the title block.
 * Typed by the enums, so a new channel, type, outcome, host type, grouping or interval does not
 * compile until it has its three labels. Column headers are in report-columns.ts.
 */
export const CHANNEL_LABELS: Record<Channel, Translated> = {
  portal: { kk: 'Портал', ru: 'Портал', en: 'Portal' },
  call_centre: { kk: 'Байланыс орталығы', ru: 'Колл-центр', en: 'Call centre' },
  reception: { kk: 'Жеке қабылдау', ru: 'Личный приём', en: 'Reception' },
  public_office: { kk: 'Қабылдау бөлмесі', ru: 'Приёмная', en: 'Public office' },
  mail: { kk: 'Пошта', ru: 'Почта', en: 'Mail' },
};

export const TYPE_LABELS: Record<AppealType, Translated> = {
  statement: { kk: 'Өтініш', ru: 'Заявление', en: 'Statement' },
  complaint: { kk: 'Шағым', ru: 'Жалоба', en: 'Complaint' },
  proposal: { kk: 'Ұсыныс', ru: 'Предложение', en: 'Proposal' },
  request: { kk: 'Сұрау салу', ru: 'Запрос', en: 'Request' },
  response: { kk: 'Пікір', ru: 'Отклик', en: 'Response' },
  report: { kk: 'Хабарлама', ru: 'Сообщение', en: 'Report' },
};

export const OUTCOME_LABELS: Record<Outcome, Translated> = {
  positive: { kk: 'Оң шешілді', ru: 'Решено положительно', en: 'Positive' },
  explained: { kk: 'Түсіндірілді', ru: 'Разъяснено', en: 'Explained' },
  rejected: { kk: 'Бас тартылды', ru: 'Отказано', en: 'Rejected' },
  without_consideration: { kk: 'Қараусыз қалдырылды', ru: 'Оставлено без рассмотрения', en: 'Without consideration' },
};

export const HOST_TYPE_LABELS: Record<HostType, Translated> = {
  majilis_deputy: { kk: 'Мәжіліс депутаты', ru: 'Депутат Мажилиса', en: 'Mazhilis deputy' },
  senate_deputy: { kk: 'Сенат депутаты', ru: 'Депутат Сената', en: 'Senate deputy' },
  maslikhat_deputy: { kk: 'Мәслихат депутаты', ru: 'Депутат маслихата', en: 'Maslikhat deputy' },
  agency_head: { kk: 'Мемлекеттік орган басшысы', ru: 'Руководитель госоргана', en: 'Agency head' },
  party_official: { kk: 'Партия өкілі', ru: 'Представитель партии', en: 'Party official' },
};

export const GROUPING_LABELS: Record<ResolutionGrouping | ReceptionGrouping, Translated> = {
  branch: { kk: 'филиалдар бойынша', ru: 'по филиалам', en: 'by branch' },
  channel: { kk: 'арналар бойынша', ru: 'по каналам', en: 'by channel' },
  category: { kk: 'санаттар бойынша', ru: 'по категориям', en: 'by category' },
  agency: { kk: 'мемлекеттік органдар бойынша', ru: 'по госорганам', en: 'by agency' },
  none: { kk: 'топтаусыз', ru: 'без группировки', en: 'none' },
  hostType: { kk: 'қабылдау жүргізушілері бойынша', ru: 'по ведущим приём', en: 'by host' },
};

export const INTERVAL_LABELS: Record<Interval, Translated> = {
  none: { kk: 'бүкіл кезең', ru: 'весь период', en: 'whole window' },
  month: { kk: 'ай сайын', ru: 'по месяцам', en: 'monthly' },
  quarter: { kk: 'тоқсан сайын', ru: 'по кварталам', en: 'quarterly' },
  year: { kk: 'жыл сайын', ru: 'по годам', en: 'yearly' },
};

export const REPORT_TITLES: Record<'resolution' | 'receptions', Translated> = {
  resolution: { kk: 'Өтініштердің қаралуы', ru: 'Рассмотрение обращений', en: 'Resolution of appeals' },
  receptions: { kk: 'Жеке қабылдаулар', ru: 'Личные приёмы', en: 'Reception sessions' },
};

/** Words of the title block and of the table's cells. */
export const WORDS = {
  window: { kk: 'Түскен күні', ru: 'Дата поступления', en: 'Received' },
  interval: { kk: 'интервал', ru: 'интервал', en: 'interval' },
  comparison: { kk: 'Салыстыру', ru: 'Сравнение', en: 'Comparison' },
  branch: { kk: 'Филиал', ru: 'Филиал', en: 'Branch' },
  channels: { kk: 'Арналар', ru: 'Каналы', en: 'Channels' },
  category: { kk: 'Санат', ru: 'Категория', en: 'Category' },
  type: { kk: 'Түрі', ru: 'Вид', en: 'Type' },
  groupBy: { kk: 'Топтау', ru: 'Группировка', en: 'Grouped' },
  compareYears: { kk: 'Алдыңғы жылдармен салыстыру', ru: 'Сравнение с прошлыми годами', en: 'Compared with earlier years' },
  generated: { kk: 'Жасалған уақыты', ru: 'Сформирован', en: 'Generated' },
  all: { kk: 'барлығы', ru: 'все', en: 'all' },
  none: { kk: 'жоқ', ru: 'нет', en: 'none' },
  total: { kk: 'Барлығы', ru: 'Итого', en: 'Total' },
  yes: { kk: 'иә', ru: 'да', en: 'yes' },
  no: { kk: 'жоқ', ru: 'нет', en: 'no' },
  notRouted: { kk: 'Жіберілмеген', ru: 'Не направлено', en: 'Not routed' },
  allAppeals: { kk: 'Барлық өтініштер', ru: 'Все обращения', en: 'All appeals' },
} satisfies Record<string, Translated>;
