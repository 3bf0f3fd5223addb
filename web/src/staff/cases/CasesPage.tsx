import { FormEvent, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ApiError } from '../../api/errors';
import { useSession } from '../../auth/use-session';
import { APPEAL_TYPES } from '../../portal/portal-api';
import { Button } from '../../ui/Button';
import { useLanguage } from '../../ui/dates';
import { SelectField, TextField } from '../../ui/fields';
import { Loading } from '../../ui/Loading';
import { Notice } from '../../ui/Notice';
import { PageTitle } from '../../ui/PageTitle';
import { describeFailure } from '../../ui/use-form-errors';
import { useOptions, useReference } from '../use-reference';
import { AppealFilters, CHANNELS, countAppeals, findAppeals, ListedAppeal, SORTS, STATUSES } from '../work-api';
import { CaseTable } from './CaseTable';
import { queuesFor } from './queues';

const FILTER_KEYS = ['q', 'status', 'channel', 'type', 'categoryId', 'receivedFrom', 'receivedTo', 'sort'] as const;
const PAGE_SIZE = 25;

/**
 * Case work of a branch controller (their subtree) or an agency officer (their agency's inbox, most
 * urgent first): the work queues with their counts, a search with filters, and the matching cases.
 * Everything chosen is in the address (a reload or a link shows the same list).
 */
export default function CasesPage() {
  const { t } = useTranslation('staff');
  const language = useLanguage();
  const session = useSession();
  const role = session?.user.role ?? 'controller';
  const { reference, failed } = useReference();
  const [params, setParams] = useSearchParams();
  const queues = queuesFor(role);
  const queueKey = params.get('queue') ?? (params.size === 0 ? queues[0]?.key ?? '' : '');
  const queue = queues.find((q) => q.key === queueKey);
  const page = Math.max(1, Number(params.get('page')) || 1);
  const filters: AppealFilters = useMemo(() => {
    const own = Object.fromEntries(FILTER_KEYS.map((k) => [k, params.get(k) ?? undefined]).filter(([, v]) => v)) as AppealFilters;
    return { ...(role === 'agency_officer' ? { sort: 'dueDate' as const } : {}), ...queue?.filter, ...own, page, pageSize: PAGE_SIZE };
  }, [params, queue, page, role]);
  const [counts, setCounts] = useState<Record<string, number>>({});
  const [result, setResult] = useState<{ items: ListedAppeal[]; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [draft, setDraft] = useState<Record<string, string>>(() => Object.fromEntries(FILTER_KEYS.map((k) => [k, params.get(k) ?? ''])));
  const categories = useOptions(reference?.categories, language);

  useEffect(() => {
    let live = true;
    Promise.all(queues.map((q) => countAppeals(q.filter).then((n) => [q.key, n] as const))).then(
      (pairs) => live && setCounts(Object.fromEntries(pairs)),
      () => undefined, // the list below reports the failure
    );
    return () => {
      live = false;
    };
  }, [queues]);

  useEffect(() => {
    let live = true;
    setResult(null);
    findAppeals(filters).then(
      (r) => live && (setResult(r), setError(null)),
      (err: unknown) => live && setError(err instanceof ApiError ? describeFailure(err, [...err.fieldMessages().values()], t) : t('common:errors.unexpected')),
    );
    return () => {
      live = false;
    };
  }, [filters, t]);

  function apply(e: FormEvent) {
    e.preventDefault();
    setParams(Object.fromEntries(Object.entries(draft).filter(([, v]) => v.trim())));
  }
  function clear() {
    setDraft(Object.fromEntries(FILTER_KEYS.map((k) => [k, ''])));
    setParams({ queue: queues[0]?.key ?? '' });
  }
  const setD = (k: string) => (v: string) => setDraft((p) => ({ ...p, [k]: v }));
  const goPage = (n: number) => setParams((p) => ({ ...Object.fromEntries(p), page: String(n) }));
  const pages = result ? Math.max(1, Math.ceil(result.total / PAGE_SIZE)) : 1;
  const title = role === 'agency_officer' ? t('cases.inboxTitle') : t('cases.title');

  if (failed) return <Notice kind="error">{t('general.referenceFailed')}</Notice>;
  return (
    <>
      <PageTitle>{title}</PageTitle>
      <nav aria-label={t('cases.queues')} className="queues">
        <ul>
          {queues.map((q) => (
            <li key={q.key}>
              <Link to={`?queue=${q.key}`} aria-current={q.key === queueKey ? 'page' : undefined} className={q.key === queueKey ? 'queue queue--current' : 'queue'}>
                {t(`cases.queue.${q.key}`)} <span className="badge">{counts[q.key] ?? '…'}</span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <details className="panel filters" open={FILTER_KEYS.some((k) => params.get(k))}>
        <summary>{t('cases.searchAndFilters')}</summary>
        <form className="form form--grid" role="search" noValidate onSubmit={apply}>
          <TextField name="q" type="search" label={t('cases.q')} hint={t('cases.qHint')} value={draft.q ?? ''} onChange={setD('q')} />
          <SelectField name="status" label={t('case.statusLabel')} value={draft.status ?? ''} onChange={setD('status')} options={STATUSES.map((s) => ({ value: s, label: t(`case.status.${s}`) }))} placeholder={t('cases.any')} />
          <SelectField name="channel" label={t('case.channelLabel')} value={draft.channel ?? ''} onChange={setD('channel')} options={CHANNELS.map((s) => ({ value: s, label: t(`case.channel.${s}`) }))} placeholder={t('cases.any')} />
          <SelectField name="type" label={t('case.typeLabel')} value={draft.type ?? ''} onChange={setD('type')} options={APPEAL_TYPES.map((s) => ({ value: s, label: t(`common:type.${s}`) }))} placeholder={t('cases.any')} />
          <SelectField name="categoryId" label={t('case.category')} value={draft.categoryId ?? ''} onChange={setD('categoryId')} options={categories} placeholder={t('cases.any')} />
          <TextField name="receivedFrom" type="date" label={t('cases.receivedFrom')} value={draft.receivedFrom ?? ''} onChange={setD('receivedFrom')} />
          <TextField name="receivedTo" type="date" label={t('cases.receivedTo')} value={draft.receivedTo ?? ''} onChange={setD('receivedTo')} />
          <SelectField name="sort" label={t('cases.sortLabel')} value={draft.sort ?? ''} onChange={setD('sort')} options={SORTS.map((s) => ({ value: s, label: t(`cases.sort.${s}`) }))} placeholder={t('cases.sortDefault')} />
          <div className="actions">
            <Button type="submit">{t('general.search')}</Button>
            <Button variant="secondary" onClick={clear}>
              {t('cases.clear')}
            </Button>
          </div>
        </form>
      </details>
      <section aria-labelledby="results-title">
        <h2 id="results-title">{queue ? t(`cases.queue.${queue.key}`) : t('cases.results')}</h2>
        <p role="status">{result ? t('cases.found', { count: result.total }) : ''}</p>
        {error ? <Notice kind="error">{error}</Notice> : null}
        {!result && !error ? <Loading /> : null}
        {result && reference && result.items.length > 0 ? <CaseTable items={result.items} reference={reference} captionId="results-title" /> : null}
        {result && pages > 1 ? (
          <nav aria-label={t('cases.pages')} className="pager">
            <Button variant="secondary" disabled={page <= 1} onClick={() => goPage(page - 1)}>
              {t('cases.previous')}
            </Button>
            <span>{t('cases.pageOf', { page, pages })}</span>
            <Button variant="secondary" disabled={page >= pages} onClick={() => goPage(page + 1)}>
              {t('cases.next')}
            </Button>
          </nav>
        ) : null}
      </section>
    </>
  );
}
