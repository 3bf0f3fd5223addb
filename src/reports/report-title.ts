import { AppealType, Channel } from '../appeals/appeal.enums';
import { CHANNEL_LABELS, GROUPING_LABELS, INTERVAL_LABELS, REPORT_TITLES, TYPE_LABELS, WORDS } from './export-labels';
import type { ExportLanguage } from './export-language';
import { localizedName, Named } from './localized-name';
import type { Interval, ReceptionGrouping, ResolutionGrouping } from './report-query.dto';
import type { DateWindow } from './report-window';

/** What the title block of an export says: the report, its window, branch and filters, and when it was made. */
export interface TitleFacts {
  report: keyof typeof REPORT_TITLES;
  window: DateWindow;
  /** Resolution report only. */
  interval?: Interval;
  branch: (Named & { code: string }) | null;
  /** Resolution report only: the filters, each absent when not asked for. */
  filters?: { channels?: Channel[]; category?: Named; type?: AppealType };
  groupBy: ResolutionGrouping | ReceptionGrouping;
  compareYears: number;
  /** Local date and time in `zone`, `YYYY-MM-DD HH:mm`. */
  generatedAt: string;
  zone: string;
}

const dates = (w: DateWindow) => `${w.from} – ${w.to}`;

/** The lines above the table, one fact each, "Label: value". */
export function titleBlock(f: TitleFacts, lang: ExportLanguage): string[] {
  const line = (label: keyof typeof WORDS, value: string) => `${WORDS[label][lang]}: ${value}`;
  const all = WORDS.all[lang];
  const lines = [
    REPORT_TITLES[f.report][lang],
    line('window', dates(f.window) + (f.interval ? `; ${WORDS.interval[lang]}: ${INTERVAL_LABELS[f.interval][lang]}` : '')),
    line('branch', f.branch ? `${f.branch.code} — ${localizedName(f.branch, lang) ?? ''}` : '—'),
  ];
  if (f.filters) {
    lines.push(
      line('channels', f.filters.channels ? f.filters.channels.map((c) => CHANNEL_LABELS[c][lang]).join(', ') : all),
      line('category', f.filters.category ? (localizedName(f.filters.category, lang) ?? '') : all),
      line('type', f.filters.type ? TYPE_LABELS[f.filters.type][lang] : all),
    );
  }
  lines.push(
    line('groupBy', GROUPING_LABELS[f.groupBy][lang]),
    line('compareYears', f.compareYears ? String(f.compareYears) : WORDS.none[lang]),
    line('generated', `${f.generatedAt} (${f.zone})`),
  );
  return lines;
}

/** The line above a comparison's rows. */
export function comparisonHeading(w: DateWindow, lang: ExportLanguage): string {
  return `${WORDS.comparison[lang]}: ${dates(w)}`;
}
