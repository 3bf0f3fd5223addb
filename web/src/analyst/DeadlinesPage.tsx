import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, call } from '../api/client';
import type { components } from '../api/schema';
import { currentLanguage } from '../i18n/i18n';
import { Loading } from '../ui/Loading';
import { PageTitle } from '../ui/PageTitle';
import './analyst.css';
import { formatCount } from './format';
import { localName, useReference } from './reference';
import { BranchCrumbs } from './ReportControls';
import { keyId, ResolutionReport, ResolutionRow } from './report-types';
import { todayInZone } from './report-window';
import { toQuery, useReport } from './use-report';

/**
 * The controller's morning page: open cases by deadline state in the reader's scope, each count a
 * link to its list; then where the overdue cases are — by branch (drill down) and by agency. The
 * per-branch figures come from the resolution report over every year (its `overdue` and `pending`).
 */
export default function DeadlinesPage() {
  const { t } = useTranslation('analyst');
  const language = currentLanguage();
  const reference = useReference();
  const [params, setParams] = useSearchParams();
  const branchId = params.get('branch');
  const [stats, setStats] = useState<components['schemas']['DeadlineStatsView'] | null>(null);
  useEffect(() => {
    call(api.GET('/api/v1/deadlines/stats', {})).then(setStats, () => undefined);
  }, []);
  // Open cases of any age: the longest window a report takes (25 years, API.md "Localisation" limits).
  const today = todayInZone();
  const window = { from: `${Number(today.slice(0, 4)) - 24}-01-01`, to: today };
  const byBranch = useReport<ResolutionReport>('/api/v1/reports/resolution', toQuery({ ...window, groupBy: 'branch', branchId }).toString());
  const byAgency = useReport<ResolutionReport>('/api/v1/reports/resolution', toQuery({ ...window, groupBy: 'agency', branchId }).toString());

  const branchLabel = (row: ResolutionRow) => {
    const name = localName(reference?.branches.find((b) => b.id === row.key.branchId) ?? { name: String(row.key.name ?? '') }, language);
    return row.key.own ? t('group.own', { name }) : name;
  };
  const agencyLabel = (row: ResolutionRow) =>
    row.key.agencyId ? localName(reference?.agencies.find((a) => a.id === row.key.agencyId) ?? { name: String(row.key.name ?? '') }, language) : t('group.notRouted');
  const pick = (id: string | null) => setParams(id ? { branch: id } : {});

  return (
    <div>
      <PageTitle>{t('deadlines.title')}</PageTitle>
      {!stats ? (
        <Loading />
      ) : (
        <div className="counts">
          <Link to="/staff/deadlines/list?state=overdue">
            <span>{t('deadlines.overdue')}</span>
            <strong>{formatCount(stats.overdue, language)}</strong>
          </Link>
          <Link to="/staff/deadlines/list?state=upcoming">
            <span>{t('deadlines.dueSoon')}</span>
            <strong>{formatCount(stats.dueSoon, language)}</strong>
          </Link>
          <div>
            <span>{t('deadlines.onTrack')}</span>
            <strong>{formatCount(stats.onTrack, language)}</strong>
          </div>
          <div>
            <span>{t('deadlines.paused')}</span>
            <strong>{formatCount(stats.paused, language)}</strong>
          </div>
        </div>
      )}
      {reference ? <BranchCrumbs branches={reference.branches} branchId={branchId} onPick={pick} /> : null}
      <OpenTable title={t('deadlines.byBranch')} head={t('group.branch')} report={byBranch.data} label={branchLabel} onPick={(row) => !row.key.own && pick(String(row.key.branchId))} />
      <OpenTable title={t('deadlines.byAgency')} head={t('group.agency')} report={byAgency.data} label={agencyLabel} />
    </div>
  );
}

function OpenTable(props: { title: string; head: string; report: ResolutionReport | null; label: (r: ResolutionRow) => string; onPick?: (r: ResolutionRow) => void }) {
  const { t } = useTranslation('analyst');
  const language = currentLanguage();
  const { title, head, report, label, onPick } = props;
  const id = title.replace(/\W+/g, '-');
  return (
    <section aria-labelledby={id} className="chart-block">
      <h2 id={id}>{title}</h2>
      {!report ? (
        <Loading />
      ) : (
        <div className="table-wrap" tabIndex={0}>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{head}</th>
                <th scope="col">{t('deadlines.overdue')}</th>
                <th scope="col">{t('deadlines.pending')}</th>
              </tr>
            </thead>
            <tbody>
              {report.rows
                .filter((r) => r.pending > 0 || r.overdue > 0)
                .map((row) => (
                  <tr key={keyId(row.key)}>
                    <th scope="row">
                      {onPick && !row.key.own ? (
                        <button type="button" className="button button--link" onClick={() => onPick(row)}>
                          {label(row)}
                        </button>
                      ) : (
                        label(row)
                      )}
                    </th>
                    <td>{formatCount(row.overdue, language)}</td>
                    <td>{formatCount(row.pending, language)}</td>
                  </tr>
                ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('figure.total')}</th>
                <td>{formatCount(report.totals.overdue, language)}</td>
                <td>{formatCount(report.totals.pending, language)}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      )}
    </section>
  );
}
