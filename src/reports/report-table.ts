import { WORDS } from './export-labels';
import type { ExportLanguage } from './export-language';
import { ALL_APPEALS_COLUMN, FigureColumn, KeyColumn, PERIOD_HEADER } from './report-columns';

/** A cell: text, a count, a share (fraction 0..1), or empty. */
export type Cell = string | number | null;
export type CellKind = 'text' | FigureColumn['kind'];

/** One window's rows and their totals line. */
export interface TableSection {
  /** Null for the report's own window (the title block names it); the window line of a comparison. */
  heading: string | null;
  rows: Cell[][];
  totals: Cell[];
}

/** A report laid out for a spreadsheet, in one language: title block, header, sections. */
export interface ReportTable {
  /** File name without extension: `<report>-<from>_<to>`. */
  name: string;
  sheetName: string;
  title: string[];
  columns: { header: string; kind: CellKind }[];
  sections: TableSection[];
}

export interface Section<R> {
  from: string;
  to: string;
  rows: R[];
  totals: object;
}

export interface KeyedRow {
  key: Record<string, unknown>;
  period?: string | null;
}

export interface TableSpec {
  name: string;
  sheetName: string;
  title: string[];
  keys: KeyColumn[];
  withPeriod: boolean;
  figures: Record<string, FigureColumn>;
  comparisonHeading: (window: { from: string; to: string }) => string;
}

/**
 * The report and its comparisons as one table: the key columns naming each row (translated), the
 * period when there is an interval, then the figures in the order of the column table. Each
 * section ends with its totals line, "Total" in the first text column; a table with no text
 * column at all (groupBy=none, no interval) gets one naming its single row.
 */
/** A report view as the table reads it: rows with a key, totals, comparisons. */
export type ReportSections = Section<KeyedRow> & { comparisons: Section<KeyedRow>[] };

export function reportTable(
  report: ReportSections,
  spec: TableSpec,
  lang: ExportLanguage,
): ReportTable {
  const keys = spec.keys.length || spec.withPeriod ? spec.keys : [ALL_APPEALS_COLUMN];
  const figureNames = Object.keys(spec.figures);
  const columns: ReportTable['columns'] = [
    ...keys.map((k) => ({ header: k.header[lang], kind: 'text' as const })),
    ...(spec.withPeriod ? [{ header: PERIOD_HEADER[lang], kind: 'text' as const }] : []),
    ...figureNames.map((f) => ({ header: spec.figures[f].header[lang], kind: spec.figures[f].kind })),
  ];
  const textColumns = keys.length + (spec.withPeriod ? 1 : 0);
  const figures = (c: object): Cell[] => figureNames.map((f) => (c as Record<string, number | null>)[f] ?? null);
  const section = (s: Section<KeyedRow>, heading: string | null): TableSection => ({
    heading,
    rows: s.rows.map((row) => [...keys.map((k) => k.value(row.key, lang)), ...(spec.withPeriod ? [row.period ?? null] : []), ...figures(row)]),
    totals: [WORDS.total[lang], ...Array<Cell>(textColumns - 1).fill(null), ...figures(s.totals)],
  });
  return {
    name: spec.name,
    sheetName: spec.sheetName,
    title: spec.title,
    columns,
    sections: [section(report, null), ...report.comparisons.map((c) => section(c, spec.comparisonHeading(c)))],
  };
}
