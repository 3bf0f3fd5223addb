import { Channel } from '../appeals/appeal.enums';
import { HostType } from '../receptions/reception-session.entity';
import { CHANNEL_LABELS, HOST_TYPE_LABELS, OUTCOME_LABELS, WORDS } from './export-labels';
import type { ExportLanguage, Translated } from './export-language';
import { localizedName } from './localized-name';
import type { ReceptionGrouping, ResolutionGrouping } from './report-query.dto';
import type { ReceptionCountersView } from './receptions-report.dto';
import type { ResolutionCountersView } from './resolution-report.dto';

/** number: a count, written as is; share: a fraction 0..1 or null, a percentage in XLSX. */
export type FigureKind = 'number' | 'share';
export interface FigureColumn {
  kind: FigureKind;
  header: Translated;
}

/**
 * The figures of each report as the exports show them, one line per counter or share, in the
 * order of the columns. Keyed by the view's fields, so a counter added to a report does not
 * compile until it has its line here, and that line is all an export needs.
 */
export const RESOLUTION_COLUMNS: { [K in keyof ResolutionCountersView]-?: FigureColumn } = {
  received: { kind: 'number', header: { kk: 'Түскені', ru: 'Поступило', en: 'Received' } },
  decided: { kind: 'number', header: { kk: 'Қаралғаны', ru: 'Рассмотрено', en: 'Decided' } },
  positive: { kind: 'number', header: OUTCOME_LABELS.positive },
  explained: { kind: 'number', header: OUTCOME_LABELS.explained },
  rejected: { kind: 'number', header: OUTCOME_LABELS.rejected },
  withoutConsideration: { kind: 'number', header: OUTCOME_LABELS.without_consideration },
  withdrawn: { kind: 'number', header: { kk: 'Кері қайтарылды', ru: 'Отозвано', en: 'Withdrawn' } },
  pending: { kind: 'number', header: { kk: 'Қаралуда', ru: 'На рассмотрении', en: 'Pending' } },
  overdue: { kind: 'number', header: { kk: 'Мерзімі өткен', ru: 'Просрочено', en: 'Overdue' } },
  answeredOnTime: { kind: 'number', header: { kk: 'Мерзімінде жауап берілді', ru: 'Отвечено в срок', en: 'Answered on time' } },
  feedbackReceived: { kind: 'number', header: { kk: 'Пікір білдірілді', ru: 'Получено отзывов', en: 'Feedback received' } },
  satisfied: { kind: 'number', header: { kk: 'Қанағаттанды', ru: 'Удовлетворены', en: 'Satisfied' } },
  positiveShare: { kind: 'share', header: { kk: 'Қаралғандардың ішінде оң шешілгендер үлесі', ru: 'Доля положительных от рассмотренных', en: 'Positive share of decided' } },
  positiveShareOfReceived: { kind: 'share', header: { kk: 'Түскендердің ішінде оң шешілгендер үлесі', ru: 'Доля положительных от поступивших', en: 'Positive share of received' } },
  onTimeShare: { kind: 'share', header: { kk: 'Мерзімінде жауап берілгендер үлесі', ru: 'Доля отвеченных в срок', en: 'On-time share' } },
  satisfiedShare: { kind: 'share', header: { kk: 'Қанағаттанғандар үлесі', ru: 'Доля удовлетворённых', en: 'Satisfied share' } },
};

export const RECEPTION_COLUMNS: { [K in keyof ReceptionCountersView]-?: FigureColumn } = {
  sessions: { kind: 'number', header: { kk: 'Қабылдаулар', ru: 'Приёмы', en: 'Sessions' } },
  visitors: { kind: 'number', header: { kk: 'Келушілер', ru: 'Посетители', en: 'Visitors' } },
  appeals: { kind: 'number', header: { kk: 'Өтініштер', ru: 'Обращения', en: 'Appeals' } },
  decided: RESOLUTION_COLUMNS.decided,
  positive: RESOLUTION_COLUMNS.positive,
  positiveShare: { kind: 'share', header: { kk: 'Оң шешілгендер үлесі', ru: 'Доля положительных', en: 'Positive share' } },
};

/** A text column naming the row: from the row's key, in the export's language. */
export interface KeyColumn {
  header: Translated;
  value: (key: Record<string, unknown>, lang: ExportLanguage) => string | null;
}

const code: KeyColumn = { header: { kk: 'Код', ru: 'Код', en: 'Code' }, value: (k) => (k.code as string | null) ?? null };
const named = (header: Translated): KeyColumn => ({ header, value: (k, lang) => localizedName(k, lang) });
const own = (header: Translated): KeyColumn => ({ header, value: (k, lang) => WORDS[k.own ? 'yes' : 'no'][lang] });

/** The columns naming a row, per grouping (the key shapes are in the report views). */
export const KEY_COLUMNS: Record<ResolutionGrouping | ReceptionGrouping, KeyColumn[]> = {
  branch: [
    code,
    named({ kk: 'Филиал', ru: 'Филиал', en: 'Branch' }),
    own({ kk: 'Филиалдың өз өтініштері', ru: 'Обращения самого филиала', en: "Branch's own appeals" }),
  ],
  category: [
    code,
    named({ kk: 'Санат', ru: 'Категория', en: 'Category' }),
    own({ kk: 'Тақырыпшаларсыз', ru: 'Без подтем', en: 'Without subtopics' }),
  ],
  agency: [
    code,
    { header: { kk: 'Мемлекеттік орган', ru: 'Госорган', en: 'Agency' }, value: (k, lang) => (k.agencyId ? localizedName(k, lang) : WORDS.notRouted[lang]) },
  ],
  channel: [{ header: { kk: 'Арна', ru: 'Канал', en: 'Channel' }, value: (k, lang) => CHANNEL_LABELS[k.channel as Channel][lang] }],
  hostType: [{ header: { kk: 'Қабылдауды жүргізуші', ru: 'Кто ведёт приём', en: 'Host' }, value: (k, lang) => HOST_TYPE_LABELS[k.hostType as HostType][lang] }],
  none: [],
};

export const PERIOD_HEADER: Translated = { kk: 'Кезең', ru: 'Период', en: 'Period' };
/** The row label of groupBy=none without periods, so the totals line has a cell to say so. */
export const ALL_APPEALS_COLUMN: KeyColumn = { header: { kk: 'Өтініштер', ru: 'Обращения', en: 'Appeals' }, value: (_k, lang) => WORDS.allAppeals[lang] };
