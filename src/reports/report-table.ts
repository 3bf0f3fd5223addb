/** A report flattened to one table for the exports: a header row and typed cells. */
export interface ReportTable {
  /** Report name and window, for the file name. */
  name: string;
  columns: { title: string; kind: 'text' | 'number' | 'share' }[];
  rows: (string | number | boolean | null)[][];
}

interface Section<R> {
  from: string;
  to: string;
  rows: R[];
  totals: object;
}

interface KeyedRow {
  key: Record<string, unknown>;
  period?: string | null;
}

/** Key columns per grouping, in the order shown. */
const KEY_COLUMNS: Record<string, string[]> = {
  branch: ['code', 'name', 'own'],
  category: ['code', 'name', 'own'],
  agency: ['code', 'name'],
  channel: ['channel'],
  hostType: ['hostType'],
  none: [],
};

/**
 * One line per row of the report and of every comparison, each section followed by its totals
 * line ("Total" in the first key column); the first column names the window.
 */
export function reportTable<R extends KeyedRow>(
  report: Section<R> & { groupBy: string; comparisons: Section<R>[] },
  name: string,
  counters: readonly string[],
  shares: readonly string[],
  withPeriod: boolean,
): ReportTable {
  const keys = KEY_COLUMNS[report.groupBy] ?? [];
  const columns: ReportTable['columns'] = [
    { title: 'window', kind: 'text' },
    ...keys.map((k) => ({ title: k, kind: 'text' as const })),
    ...(withPeriod ? [{ title: 'period', kind: 'text' as const }] : []),
    ...counters.map((c) => ({ title: c, kind: 'number' as const })),
    ...shares.map((s) => ({ title: s, kind: 'share' as const })),
  ];
  const rows: ReportTable['rows'] = [];
  for (const section of [report, ...report.comparisons]) {
    const window = `${section.from}..${section.to}`;
    const values = (c: object) => [...counters, ...shares].map((k) => (c as Record<string, number | null>)[k] ?? null);
    for (const row of section.rows) {
      const keyCells = keys.map((k) => (row.key[k] === undefined || row.key[k] === null ? null : (row.key[k] as string | boolean)));
      rows.push([window, ...keyCells, ...(withPeriod ? [row.period ?? null] : []), ...values(row)]);
    }
    const totalKeys = keys.length ? ['Total', ...keys.slice(1).map(() => null)] : [];
    rows.push([keys.length ? window : `${window} Total`, ...totalKeys, ...(withPeriod ? [null] : []), ...values(section.totals)]);
  }
  return { name: `${name}-${report.from}_${report.to}`, columns, rows };
}
