import { Language } from '../appeals/appeal.enums';

export type NotificationKind = 'receipt' | 'routed' | 'extended' | 'paused' | 'answered';

export interface NotificationFacts {
  number: string;
  trackingCode: string;
  dueDate: string;
  /** In the appeal's language (the dispatcher reads the agency's `names`). */
  agencyName?: string | null;
  reason?: string | null;
}

/** Texts in the language of the appeal (DOMAIN.md: answers go in the appeal's language). */
const TEXTS: Record<NotificationKind, Record<Language, (f: NotificationFacts) => string>> = {
  receipt: {
    ru: (f) => `Ваше обращение зарегистрировано: № ${f.number}, код для проверки статуса ${f.trackingCode}. Срок рассмотрения до ${f.dueDate}.`,
    kk: (f) => `Өтінішіңіз тіркелді: № ${f.number}, мәртебені тексеру коды ${f.trackingCode}. Қарау мерзімі ${f.dueDate} дейін.`,
  },
  routed: {
    ru: (f) => `Обращение № ${f.number} направлено в ${f.agencyName ?? 'уполномоченный орган'}.`,
    // The agency's name stands alone after a colon: a Kazakh name would otherwise need the dative ending.
    kk: (f) => `№ ${f.number} өтініш қарауға жіберілді: ${f.agencyName ?? 'уәкілетті орган'}.`,
  },
  extended: {
    ru: (f) => `Срок рассмотрения обращения № ${f.number} продлен до ${f.dueDate}. Причина: ${f.reason ?? '-'}.`,
    kk: (f) => `№ ${f.number} өтінішті қарау мерзімі ${f.dueDate} дейін ұзартылды. Себебі: ${f.reason ?? '-'}.`,
  },
  paused: {
    ru: (f) => `По обращению № ${f.number} требуется уточнение: ${f.reason ?? '-'}. Срок приостановлен до получения ответа.`,
    kk: (f) => `№ ${f.number} өтініш бойынша нақтылау қажет: ${f.reason ?? '-'}. Мерзім жауап алынғанға дейін тоқтатылды.`,
  },
  answered: {
    ru: (f) => `По обращению № ${f.number} дан ответ. Текст ответа доступен на портале по коду ${f.trackingCode}.`,
    kk: (f) => `№ ${f.number} өтінішке жауап берілді. Жауап мәтіні порталда ${f.trackingCode} коды бойынша қолжетімді.`,
  },
};

export const NOTIFICATION_KINDS = Object.keys(TEXTS) as NotificationKind[];

export function notificationText(kind: NotificationKind, language: Language, facts: NotificationFacts): string {
  return TEXTS[kind][language](facts);
}
