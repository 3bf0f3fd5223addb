/**
 * The tables of docs/benchmarks-reports.md from the output of bench-reports.ts:
 * `npx ts-node --transpile-only bench/reports/results-markdown.ts run.log [smaller-run.log]`.
 * With a second log (the same shapes on less data) it adds the ratio of the two tree-cube p95s,
 * the "10M within 2× of 1M" column.
 */
import { readFileSync } from 'fs';

type Timing = { p50: number; p95: number };
type Result = { scenario: string; equalToGroupBy?: boolean; cubes: Timing; beforeTreeCube?: Timing | null; plainGroupBy?: Timing };
type Run = {
  appeals: number;
  loadSeconds: number;
  aggregateRows: Record<string, number>;
  verify: { mismatches: number | null; seconds: number };
  results?: Result[];
  intake?: { withMainTriggers: number[]; withFirstTreeRuns?: number[]; withPreviousRuns?: number[]; withTriggersRuns: number[]; withoutTriggers: number; ratioMain: number; ratio: number };
};

/** The JSON summary and the EXPLAIN text that follows it. */
function readRun(path: string): { run: Run; explain: string } {
  const text = readFileSync(path, 'utf8');
  const start = text.indexOf('{\n');
  const end = text.indexOf('\n--- EXPLAIN');
  return { run: JSON.parse(text.slice(start, end < 0 ? undefined : end)), explain: end < 0 ? '' : text.slice(end + 1) };
}

const ms = (x: number) => (x < 10 ? x.toFixed(1) : Math.round(x).toLocaleString('en'));
const times = (t?: Timing | null) => (t ? `${ms(t.p50)} / ${ms(t.p95)} ms` : '—');
const ratio = (x: number) => `${x < 10 ? x.toFixed(1) : Math.round(x)}×`;

function main(): void {
  const { run, explain } = readRun(process.argv[2]);
  const smaller = process.argv[3] ? readRun(process.argv[3]).run : null;
  const lines: string[] = [];
  if (run.results) lines.push(`| report (compareYears=1) | = GROUP BY | tree cube p50 / p95 | before p50 / p95 | plain GROUP BY p50 / p95 | plain ÷ tree (p50 / p95) |${smaller ? ' tree p95 ÷ smaller run |' : ''}`);
  if (run.results) lines.push(`|---|---|---|---|---|---|${smaller ? '---|' : ''}`);
  for (const r of run.results ?? []) {
    const plain = r.plainGroupBy;
    const speedup = plain ? `${ratio(plain.p50 / r.cubes.p50)} / ${ratio(plain.p95 / r.cubes.p95)}` : '—';
    const equal = r.equalToGroupBy === undefined ? '—' : r.equalToGroupBy ? 'yes' : '**no**';
    const before = r.equalToGroupBy === undefined ? '(unchanged)' : times(r.beforeTreeCube);
    const other = smaller?.results?.find((s) => s.scenario === r.scenario);
    const scale = smaller ? ` ${other ? (r.cubes.p95 / other.cubes.p95).toFixed(2) : '—'} |` : '';
    lines.push(`| ${r.scenario} | ${equal} | ${times(r.cubes)} | ${before} | ${times(plain)} | ${speedup} |${scale}`);
  }
  if (run.intake) {
    const i = run.intake;
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const list = (xs: number[]) => `${xs.map((x) => Math.round(x).toLocaleString('en')).join(', ')} (mean ${Math.round(mean(xs)).toLocaleString('en')})`;
    lines.push('', '| intake (4 clients, single-row INSERT transactions) | rows/s |', '|---|---|');
    lines.push(`| trigger before the tree cube (two runs) | ${list(i.withMainTriggers)} |`);
    if (i.withFirstTreeRuns) lines.push(`| trigger with the tree cube as 1763700000017 made it (two runs) | ${list(i.withFirstTreeRuns)} |`);
    if (i.withPreviousRuns) lines.push(`| trigger with the tree cube, before the reception counts (1763700000018) (two runs) | ${list(i.withPreviousRuns)} |`);
    const now = i.withPreviousRuns ? ' now (1763700000026)' : i.withFirstTreeRuns ? ' now (1763700000018)' : '';
    lines.push(`| trigger with the tree cube${now} (two runs) | ${list(i.withTriggersRuns)} |`);
    lines.push(`| trigger disabled | ${Math.round(i.withoutTriggers).toLocaleString('en')} |`);
    lines.push(`| ratio to no trigger | before ${i.ratioMain.toFixed(2)} · now ${i.ratio.toFixed(2)} |`);
    lines.push(`| now ÷ before, same run | **${(mean(i.withTriggersRuns) / mean(i.withMainTriggers)).toFixed(2)}**${i.withFirstTreeRuns ? ` (1763700000017's tree: ${(mean(i.withFirstTreeRuns) / mean(i.withMainTriggers)).toFixed(2)})` : ''} |`);
    if (i.withPreviousRuns) lines.push(`| now ÷ 1763700000018's trigger, same run | **${(mean(i.withTriggersRuns) / mean(i.withPreviousRuns)).toFixed(2)}** |`);
  }
  const rows = Object.entries(run.aggregateRows).map(([k, v]) => `\`${k}\` ${v.toLocaleString('en')}`).join(' · ');
  lines.push('', `cube rows: ${rows}`);
  if (run.verify.mismatches !== null) lines.push(`cubes = GROUP BY check: ${run.verify.mismatches} mismatches (${Math.round(run.verify.seconds)} s)`);
  if (run.loadSeconds) lines.push(`load: ${Math.round(run.loadSeconds)} s`);
  if (explain) lines.push('', '```', explain.trim(), '```');
  console.log(lines.join('\n'));
}

main();
