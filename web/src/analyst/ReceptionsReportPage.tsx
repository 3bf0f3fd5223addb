import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { formatDate } from '../i18n/format';
import { currentLanguage } from '../i18n/i18n';
import { Loading } from '../ui/Loading';
import { Notice } from '../ui/Notice';
import { PageTitle } from '../ui/PageTitle';
import './analyst.css';
import { Chart, ChartOption } from './Chart';
import { PickOptions } from './Pick';
import { formatChange, formatCount, formatShare } from './format';
import { localName, useReference } from './reference';
import { BranchCrumbs, DownloadButtons, WindowPicker } from './ReportControls';
import { keyId, ReceptionReport, ReceptionRow } from './report-types';
import { readWindow, windowDates, writeWindow } from './report-window';
import { toQuery, useReport } from './use-report';

const REPORT = '/api/v1/reports/receptions';
type Group = 'hostType' | 'branch';

/** Public receptions: sessions, visitors and the positive share, by host type or branch, against last year. */
export default function ReceptionsReportPage() {
  const { t } = useTranslation('analyst');
  const language = currentLanguage();
  const [params, setParams] = useSearchParams();
  const reference = useReference();
  const win = readWindow(params);
  const { from, to } = windowDates(win);
  const group: Group = params.get('group') === 'branch' ? 'branch' : 'hostType';
  const branchId = params.get('branch');
  const query = toQuery({ from, to, groupBy: group, branchId, compareYears: 1 });
  const { data, dataQuery, loading, error } = useReport<ReceptionReport>(REPORT, query.toString());
  const previous = data?.comparisons?.[0];
  const before = useMemo(() => new Map((previous?.rows ?? []).map((r) => [keyId(r.key), r])), [previous]);

  function update(change: (p: URLSearchParams) => void) {
    const next = new URLSearchParams(params);
    change(next);
    setParams(next);
  }
  const label = (row: ReceptionRow) => {
    if (group === 'hostType') return t(`hostType.${String(row.key.hostType)}`);
    const name = localName(reference?.branches.find((b) => b.id === row.key.branchId) ?? { name: String(row.key.name ?? '') }, language);
    return row.key.own ? t('group.own', { name }) : name;
  };
  const drill = (row: ReceptionRow) => group === 'branch' && !row.key.own && update((p) => p.set('branch', String(row.key.branchId)));

  const option: ChartOption = {
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 8, right: 8, bottom: 8, top: 32, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: (data?.rows ?? []).map(label), axisLabel: { width: 120, overflow: 'truncate' } },
    series: [
      { name: t('receptions.visitors'), type: 'bar', data: (data?.rows ?? []).map((r) => r.visitors), color: '#1d4f91' },
      { name: t('receptions.sessions'), type: 'bar', data: (data?.rows ?? []).map((r) => r.sessions), color: '#9aa7b8' },
    ],
  };

  return (
    <div className="dashboard">
      <PageTitle>{t('receptions.title')}</PageTitle>
      <form className="report-controls" onSubmit={(e) => e.preventDefault()} aria-label={t('dashboard.controls')}>
        <WindowPicker value={win} onChange={(w) => update((p) => writeWindow(p, w))} />
        <div className="report-controls__row">
          <PickOptions label={t('filters.groupBy')} value={group} onChange={(v) => update((p) => p.set('group', v))}>
              <option value="hostType">{t('group.hostType')}</option>
              <option value="branch">{t('group.branch')}</option>
            </PickOptions>
        </div>
      </form>
      {reference ? <BranchCrumbs branches={reference.branches} branchId={branchId} onPick={(id) => update((p) => (id ? p.set('branch', id) : p.delete('branch')))} /> : null}
      {error ? <Notice kind="error">{error.body.message}</Notice> : null}
      {!data ? (
        <Loading />
      ) : (
        <div aria-busy={loading} data-report-query={dataQuery ?? ''}>
          <p className="lead">{t('dashboard.window', { from: formatDate(from, language), to: formatDate(to, language) })}</p>
          <DownloadButtons path={REPORT} query={query} />
          <dl className="headline">
            {(['sessions', 'visitors', 'appeals'] as const).map((k) => (
              <div key={k} className="headline__item">
                <dt>{t(`receptions.${k}`)}</dt>
                <dd>
                  <span className="headline__value">{formatCount(data.totals[k], language)}</span>
                  {previous ? <span className="headline__change">{t('figure.change', { change: formatChange(data.totals[k], previous.totals[k], 'count', language) })}</span> : null}
                </dd>
              </div>
            ))}
            <div className="headline__item">
              <dt>{t('figure.positiveShare')}</dt>
              <dd>
                <span className="headline__value">{formatShare(data.totals.positiveShare, language)}</span>
              </dd>
            </div>
          </dl>
          <section aria-labelledby="receptions-by" className="chart-block">
            <h2 id="receptions-by">{t('dashboard.byGroup', { group: t(`group.${group}`) })}</h2>
            <div className="chart-block__body">
              <Chart option={option} height={Math.max(200, 40 + (data.rows.length || 1) * 44)} onPick={(i) => data.rows[i] && drill(data.rows[i])} />
              <div className="table-wrap" tabIndex={0}>
                <table className="table">
                  <caption className="visually-hidden">{t('dashboard.byGroup', { group: t(`group.${group}`) })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t(`group.${group}`)}</th>
                      <th scope="col">{t('receptions.sessions')}</th>
                      <th scope="col">{t('receptions.visitors')}</th>
                      {previous ? <th scope="col">{t('receptions.visitorsBefore')}</th> : null}
                      <th scope="col">{t('receptions.appeals')}</th>
                      <th scope="col">{t('figure.positiveShare')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.rows.length === 0 ? (
                      <tr>
                        <td colSpan={6}>{t('dashboard.empty')}</td>
                      </tr>
                    ) : null}
                    {data.rows.map((row) => (
                      <tr key={keyId(row.key)}>
                        <th scope="row">
                          {group === 'branch' && !row.key.own ? (
                            <button type="button" className="button button--link" onClick={() => drill(row)}>
                              {label(row)}
                            </button>
                          ) : (
                            label(row)
                          )}
                        </th>
                        <td>{formatCount(row.sessions, language)}</td>
                        <td>{formatCount(row.visitors, language)}</td>
                        {previous ? <td>{formatCount(before.get(keyId(row.key))?.visitors ?? 0, language)}</td> : null}
                        <td>{formatCount(row.appeals, language)}</td>
                        <td>{formatShare(row.positiveShare, language)}</td>
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
