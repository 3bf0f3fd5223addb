import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, call } from '../api/client';
import type { components } from '../api/schema';
import { currentLanguage } from '../i18n/i18n';
import { formatDate } from '../i18n/format';
import { Button } from '../ui/Button';
import { Loading } from '../ui/Loading';
import { PageTitle } from '../ui/PageTitle';
import './analyst.css';
import { localName, useReference } from './reference';

type Page = components['schemas']['DeadlineCasePage'];
const PAGE_SIZE = 50;

/** Overdue cases (most overdue first, as the API orders them) or the ones due within three working days. */
export default function DeadlineListPage() {
  const { t } = useTranslation(['analyst', 'common']);
  const language = currentLanguage();
  const reference = useReference();
  const [params, setParams] = useSearchParams();
  const state = params.get('state') === 'upcoming' ? 'upcoming' : 'overdue';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [data, setData] = useState<Page | null>(null);
  useEffect(() => {
    setData(null);
    const query = { page, pageSize: PAGE_SIZE };
    const pending = state === 'overdue' ? api.GET('/api/v1/deadlines/overdue', { params: { query } }) : api.GET('/api/v1/deadlines/upcoming', { params: { query } });
    call(pending as Promise<{ data?: Page; error?: unknown; response: Response }>).then(setData, () => undefined);
  }, [state, page]);
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;

  return (
    <div>
      <PageTitle>{t(state === 'overdue' ? 'deadlines.overdueList' : 'deadlines.dueSoonList')}</PageTitle>
      <p>
        <Link to="/staff/deadlines">{t('deadlines.back')}</Link>
      </p>
      {!data ? (
        <Loading />
      ) : (
        <>
          <p>{t('deadlines.found', { n: data.total })}</p>
          <div className="table-wrap" tabIndex={0}>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('deadlines.number')}</th>
                  <th scope="col" className="text">
                    {t('group.branch')}
                  </th>
                  <th scope="col" className="text">
                    {t('group.agency')}
                  </th>
                  <th scope="col" className="text">
                    {t('deadlines.status')}
                  </th>
                  <th scope="col">{t('deadlines.dueDate')}</th>
                  <th scope="col">{t('deadlines.workdaysLeft')}</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((c) => (
                  <tr key={c.id}>
                    <th scope="row">
                      <Link to={`/staff/cases/${c.id}`}>{c.number}</Link>
                    </th>
                    <td className="text">{localName(reference?.branches.find((b) => b.id === c.branchId), language)}</td>
                    <td className="text">{c.agencyId ? localName(reference?.agencies.find((a) => a.id === c.agencyId), language) : t('group.notRouted')}</td>
                    <td className="text">{t(`common:status.${c.status}`)}</td>
                    <td>{formatDate(c.dueDate, language)}</td>
                    <td>{c.workdaysLeft}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {pages > 1 ? (
            <div className="pager">
              <Button variant="secondary" disabled={page <= 1} onClick={() => setParams({ state, page: String(page - 1) })}>
                {t('pager.previous')}
              </Button>
              <span>{t('pager.page', { page, pages })}</span>
              <Button variant="secondary" disabled={page >= pages} onClick={() => setParams({ state, page: String(page + 1) })}>
                {t('pager.next')}
              </Button>
            </div>
          ) : null}
        </>
      )}
    </div>
  );
}
