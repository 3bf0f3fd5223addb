import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { formatDate } from '../i18n/format';
import { currentLanguage } from '../i18n/i18n';
import type { Language } from '../i18n/languages';
import { Loading } from '../ui/Loading';
import { Notice } from '../ui/Notice';
import { PageTitle } from '../ui/PageTitle';
import './analyst.css';
import { Chart, ChartOption } from './Chart';
import { PickOptions } from './Pick';
import { formatChange, formatCount, formatShare } from './format';
import { localName, useReference } from './reference';
import { BranchCrumbs, DownloadButtons, WindowPicker } from './ReportControls';
import { keyId, ResolutionCounters, ResolutionReport, ResolutionRow } from './report-types';
import { monthsBetween, readWindow, shiftPeriod, windowDates, writeWindow } from './report-window';
import { toQuery, useReport } from './use-report';

const GROUPS = ['branch', 'channel', 'category', 'agency'] as const;
const CHANNELS = ['portal', 'call_centre', 'reception', 'public_office', 'mail'] as const;
const TYPES = ['statement', 'complaint', 'proposal', 'request', 'response', 'report'] as const;
const COLORS = ['#1d4f91', '#9aa7b8', '#c2cbd6', '#dfe4ea', '#e6edf5', '#f1f4f8'];
const REPORT = '/api/v1/reports/resolution';

type Group = (typeof GROUPS)[number];

/**
 * The resolution report as a dashboard. Everything the reader chose is in the address, so a copied
 * link opens the same view; the API scopes what the reader may see.
 */
export default function DashboardPage() {
  const { t } = useTranslation(['analyst', 'common']);
  const language = currentLanguage();
  const [params, setParams] = useSearchParams();
  const reference = useReference();

  const win = readWindow(params);
  const { from, to } = windowDates(win);
  const group: Group = (GROUPS as readonly string[]).includes(params.get('group') ?? '') ? (params.get('group') as Group) : 'branch';
  const branchId = params.get('branch');
  const channel = params.get('channel');
  const categoryId = params.get('category');
  const type = params.get('type');
  const compare = Math.min(5, Math.max(0, Number(params.get('compare') ?? 1) || 0));

  const filters = { branchId, channel, categoryId, type, compareYears: compare };
  const mainQuery = toQuery({ from, to, groupBy: group, ...filters });
  const monthsQuery = toQuery({ from, to, groupBy: 'none', interval: 'month', ...filters });
  const main = useReport<ResolutionReport>(REPORT, mainQuery.toString());
  const months = useReport<ResolutionReport>(REPORT, monthsQuery.toString());

  function update(change: (p: URLSearchParams) => void) {
    const next = new URLSearchParams(params);
    change(next);
    setParams(next);
  }
  const setParam = (name: string, value: string | null) => update((p) => (value ? p.set(name, value) : p.delete(name)));

  const report = main.data;
  const previous = report?.comparisons?.[0];

  function rowLabel(row: ResolutionRow): string {
    const k = row.key as Record<string, unknown> & { names?: { kk: string; ru: string; en: string } };
    switch (group) {
      case 'branch': {
        const name = localName(reference?.branches.find((b) => b.id === k.branchId) ?? { name: String(k.name ?? '') }, language);
        return k.own ? t('group.own', { name }) : name;
      }
      case 'channel':
        return t(`channel.${String(k.channel)}`);
      case 'category':
        return k.names?.[language] ?? String(k.name ?? '');
      case 'agency':
        return k.agencyId ? localName(reference?.agencies.find((a) => a.id === k.agencyId) ?? { name: String(k.name ?? '') }, language) : t('group.notRouted');
    }
  }
  const drillable = (row: ResolutionRow) => group === 'branch' && !row.key.own && typeof row.key.branchId === 'string';
  const drill = (row: ResolutionRow) => drillable(row) && setParam('branch', row.key.branchId as string);

  const previousByKey = useMemo(() => new Map((previous?.rows ?? []).map((r) => [keyId(r.key), r])), [previous]);

  const barOption: ChartOption = useMemo(
    () => ({
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 8, bottom: 8, top: 32, containLabel: true },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', inverse: true, data: (report?.rows ?? []).map(rowLabel), axisLabel: { width: 120, overflow: 'truncate' } },
      series: [
        { name: yearLabel(from, to), type: 'bar', data: (report?.rows ?? []).map((r) => r.received), color: COLORS[0], cursor: group === 'branch' ? 'pointer' : 'default' },
        ...(previous ? [{ name: yearLabel(previous.from, previous.to), type: 'bar', data: (report?.rows ?? []).map((r) => previousByKey.get(keyId(r.key))?.received ?? 0), color: COLORS[1] }] : []),
      ],
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [report, previousByKey, reference, language],
  );

  const monthAxis = monthsBetween(from, to);
  const monthSeries = [months.data, ...(months.data?.comparisons ?? [])].filter(Boolean).map((r, i) => {
    const byPeriod = new Map((r?.rows ?? []).map((row) => [row.period, row.received]));
    return { label: r ? yearLabel(r.from, r.to) : '', values: monthAxis.map((m) => byPeriod.get(shiftPeriod(m, i)) ?? 0) };
  });
  const lineOption: ChartOption = {
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 8, right: 16, bottom: 8, top: 32, containLabel: true },
    xAxis: { type: 'category', data: monthAxis.map((m) => t(`monthShort.${Number(m.slice(5))}`)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: monthSeries.map((s, i) => ({ name: s.label, type: 'line', data: s.values, color: COLORS[i], lineStyle: i ? { type: 'dashed' } : undefined })),
  };

  const outcomes = report ? (['positive', 'explained', 'rejected', 'withoutConsideration'] as const).map((k) => ({ key: k, value: report.totals[k] })) : [];
  const pieOption: ChartOption = {
    animation: false,
    tooltip: { trigger: 'item' },
    legend: { bottom: 0 },
    series: [{ type: 'pie', radius: ['40%', '70%'], label: { show: false }, data: outcomes.map((o, i) => ({ name: t(`outcome.${o.key}`), value: o.value, itemStyle: { color: ['#2e7d32', '#1d4f91', '#b3261e', '#8d6e00'][i] } })) }],
  };

  return (
    <div className="dashboard">
      <PageTitle>{t('dashboard.title')}</PageTitle>
      <form className="report-controls" onSubmit={(e) => e.preventDefault()} aria-label={t('dashboard.controls')}>
        <WindowPicker value={win} onChange={(w) => update((p) => writeWindow(p, w))} />
        <fieldset className="report-controls__group">
          <legend>{t('filters.legend')}</legend>
          <div className="report-controls__row">
            <PickOptions label={t('filters.groupBy')} value={group} onChange={(v) => setParam('group', v)}>
                {GROUPS.map((g) => (
                  <option key={g} value={g}>
                    {t(`group.${g}`)}
                  </option>
                ))}
              </PickOptions>
            <PickOptions label={t('filters.channel')} value={channel ?? ''} onChange={(v) => setParam('channel', v)}>
                <option value="">{t('filters.all')}</option>
                {CHANNELS.map((c) => (
                  <option key={c} value={c}>
                    {t(`channel.${c}`)}
                  </option>
                ))}
              </PickOptions>
            <PickOptions label={t('filters.category')} value={categoryId ?? ''} onChange={(v) => setParam('category', v)}>
                <option value="">{t('filters.all')}</option>
                {(reference?.categories ?? []).map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.parentId ? '— ' : ''}
                    {c.names[language]}
                  </option>
                ))}
              </PickOptions>
            <PickOptions label={t('filters.type')} value={type ?? ''} onChange={(v) => setParam('type', v)}>
                <option value="">{t('filters.all')}</option>
                {TYPES.map((ty) => (
                  <option key={ty} value={ty}>
                    {t(`common:type.${ty}`)}
                  </option>
                ))}
              </PickOptions>
            <PickOptions label={t('filters.compare')} value={compare} onChange={(v) => setParam('compare', v)}>
                {[0, 1, 2, 3, 4, 5].map((n) => (
                  <option key={n} value={n}>
                    {n === 0 ? t('filters.noCompare') : t('filters.compareN', { n })}
                  </option>
                ))}
              </PickOptions>
          </div>
        </fieldset>
      </form>

      {reference ? <BranchCrumbs branches={reference.branches} branchId={branchId} onPick={(id) => setParam('branch', id)} /> : null}

      {main.error ? <Notice kind="error">{main.error.body.message}</Notice> : null}
      {!report ? (
        <Loading />
      ) : (
        <div aria-busy={main.loading || months.loading} data-report-query={main.dataQuery ?? ''} className="dashboard__body">
          <p className="lead">{t('dashboard.window', { from: formatDate(from, language), to: formatDate(to, language) })}</p>
          <DownloadButtons path={REPORT} query={mainQuery} />
          <Headline now={report.totals} before={previous?.totals} language={language} />

          <section aria-labelledby="by-group" className="chart-block">
            <h2 id="by-group">{t('dashboard.byGroup', { group: t(`group.${group}`) })}</h2>
            {group === 'branch' ? <p className="field__hint">{t('dashboard.drillHint')}</p> : null}
            <div className="chart-block__body">
              <Chart option={barOption} height={Math.max(200, 40 + (report.rows.length || 1) * (previous ? 44 : 28))} onPick={(i) => report.rows[i] && drill(report.rows[i])} />
              <div className="table-wrap" tabIndex={0}>
                <table className="table">
                  <caption className="visually-hidden">{t('dashboard.byGroup', { group: t(`group.${group}`) })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t(`group.${group}`)}</th>
                      <th scope="col">{t('figure.received')}</th>
                      {previous ? <th scope="col">{t('figure.receivedBefore', { years: yearLabel(previous.from, previous.to) })}</th> : null}
                      <th scope="col">{t('figure.decided')}</th>
                      <th scope="col">{t('figure.positiveShare')}</th>
                      <th scope="col">{t('figure.onTimeShare')}</th>
                      <th scope="col">{t('figure.overdue')}</th>
                      <th scope="col">{t('figure.satisfiedShare')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {report.rows.length === 0 ? (
                      <tr>
                        <td colSpan={previous ? 8 : 7}>{t('dashboard.empty')}</td>
                      </tr>
                    ) : null}
                    {report.rows.map((row) => (
                      <tr key={keyId(row.key)}>
                        <th scope="row">
                          {drillable(row) ? (
                            <button type="button" className="button button--link" onClick={() => drill(row)}>
                              {rowLabel(row)}
                            </button>
                          ) : (
                            rowLabel(row)
                          )}
                        </th>
                        <td>{formatCount(row.received, language)}</td>
                        {previous ? <td>{formatCount(previousByKey.get(keyId(row.key))?.received ?? 0, language)}</td> : null}
                        <td>{formatCount(row.decided, language)}</td>
                        <td>{formatShare(row.positiveShare, language)}</td>
                        <td>{formatShare(row.onTimeShare, language)}</td>
                        <td>{formatCount(row.overdue, language)}</td>
                        <td>{formatShare(row.satisfiedShare, language)}</td>
                      </tr>
                    ))}
                  </tbody>
                  <tfoot>
                    <tr>
                      <th scope="row">{t('figure.total')}</th>
                      <td>{formatCount(report.totals.received, language)}</td>
                      {previous ? <td>{formatCount(previous.totals.received, language)}</td> : null}
                      <td>{formatCount(report.totals.decided, language)}</td>
                      <td>{formatShare(report.totals.positiveShare, language)}</td>
                      <td>{formatShare(report.totals.onTimeShare, language)}</td>
                      <td>{formatCount(report.totals.overdue, language)}</td>
                      <td>{formatShare(report.totals.satisfiedShare, language)}</td>
                    </tr>
                  </tfoot>
                </table>
              </div>
            </div>
          </section>

          <section aria-labelledby="by-month" className="chart-block">
            <h2 id="by-month">{t('dashboard.byMonth')}</h2>
            <div className="chart-block__body">
              <Chart option={lineOption} />
              <div className="table-wrap" tabIndex={0}>
                <table className="table">
                  <caption className="visually-hidden">{t('dashboard.byMonth')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('figure.month')}</th>
                      {monthSeries.map((s) => (
                        <th scope="col" key={s.label}>
                          {s.label}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {monthAxis.map((m, i) => (
                      <tr key={m}>
                        <th scope="row">{t(`month.${Number(m.slice(5))}`)}</th>
                        {monthSeries.map((s) => (
                          <td key={s.label}>{formatCount(s.values[i], language)}</td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </div>
          </section>

          <section aria-labelledby="outcomes" className="chart-block">
            <h2 id="outcomes">{t('dashboard.outcomes')}</h2>
            <div className="chart-block__body">
              <Chart option={pieOption} height={240} />
              <div className="table-wrap" tabIndex={0}>
                <table className="table">
                  <caption className="visually-hidden">{t('dashboard.outcomes')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('figure.outcome')}</th>
                      <th scope="col">{t('figure.count')}</th>
                      <th scope="col">{t('figure.shareOfDecided')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {outcomes.map((o) => (
                      <tr key={o.key}>
                        <th scope="row">{t(`outcome.${o.key}`)}</th>
                        <td>{formatCount(o.value, language)}</td>
                        <td>{formatShare(report.totals.decided ? o.value / report.totals.decided : null, language)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </div>
          </section>
        </div>
      )}
    </div>
  );
}

/** "2026" for a window within one year, else "2025–2026". */
function yearLabel(from: string, to: string): string {
  return from.slice(0, 4) === to.slice(0, 4) ? from.slice(0, 4) : `${from.slice(0, 4)}–${to.slice(0, 4)}`;
}

function Headline({ now, before, language }: { now: ResolutionCounters; before?: ResolutionCounters; language: Language }) {
  const { t } = useTranslation('analyst');
  const figures: { key: string; value: string; change: string | null }[] = [
    { key: 'received', value: formatCount(now.received, language), change: formatChange(now.received, before?.received, 'count', language) },
    { key: 'decided', value: formatCount(now.decided, language), change: formatChange(now.decided, before?.decided, 'count', language) },
    { key: 'positiveShare', value: formatShare(now.positiveShare, language), change: formatChange(now.positiveShare, before?.positiveShare, 'share', language, t('figure.pp')) },
    { key: 'onTimeShare', value: formatShare(now.onTimeShare, language), change: formatChange(now.onTimeShare, before?.onTimeShare, 'share', language, t('figure.pp')) },
    { key: 'overdue', value: formatCount(now.overdue, language), change: formatChange(now.overdue, before?.overdue, 'count', language) },
    { key: 'satisfiedShare', value: formatShare(now.satisfiedShare, language), change: formatChange(now.satisfiedShare, before?.satisfiedShare, 'share', language, t('figure.pp')) },
  ];
  return (
    <section aria-labelledby="headline">
      <h2 id="headline" className="visually-hidden">
        {t('dashboard.headline')}
      </h2>
      <dl className="headline">
        {figures.map((f) => (
          <div key={f.key} className="headline__item">
            <dt>{t(`figure.${f.key}`)}</dt>
            <dd>
              <span className="headline__value">{f.value}</span>
              {f.change ? <span className="headline__change">{t('figure.change', { change: f.change })}</span> : null}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
