import { FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../api/client';
import { ApiError, isErrorBody } from '../api/errors';
import type { components } from '../api/schema';
import { getSession } from '../auth/session';
import { currentLanguage } from '../i18n/i18n';
import { Button } from '../ui/Button';
import { Notice } from '../ui/Notice';
import { PageTitle } from '../ui/PageTitle';
import './admin.css';

type Import = components['schemas']['AppealImportView'];

/** Historical CSV import: the file goes up as it is (text/csv), then the page follows the worker's progress. */
export default function ImportPage() {
  const { t } = useTranslation(['admin', 'common']);
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [job, setJob] = useState<Import | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);

  useEffect(() => {
    if (!jobId) return;
    let timer: ReturnType<typeof setTimeout>;
    let live = true;
    const poll = async () => {
      try {
        const next = await call(api.GET('/api/v1/admin/imports/{id}', { params: { path: { id: jobId } } }));
        if (!live) return;
        setJob(next);
        if (next.status === 'queued' || next.status === 'running') timer = setTimeout(poll, 1000);
      } catch {
        if (live) timer = setTimeout(poll, 3000);
      }
    };
    void poll();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [jobId]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!file) return;
    setBusy(true);
    setError(null);
    setJob(null);
    try {
      const token = getSession()?.accessToken;
      const res = await fetch('/api/v1/admin/imports/appeals', { method: 'POST', body: file, headers: { 'Content-Type': 'text/csv', 'Accept-Language': currentLanguage(), ...(token ? { Authorization: `Bearer ${token}` } : {}) } });
      const body: unknown = await res.json().catch(() => null);
      if (!res.ok) throw new ApiError(res.status, isErrorBody(body) ? body : { statusCode: res.status, code: 'HTTP_' + res.status, message: res.statusText });
      setJobId((body as { id: string }).id);
    } catch (err) {
      setError(err instanceof ApiError ? err.body.message : t('common:errors.unexpected'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div>
      <PageTitle>{t('imports.title')}</PageTitle>
      <p>{t('imports.intro')}</p>
      <form className="admin-panel form" onSubmit={submit}>
        <div className="field">
          <label className="field__label" htmlFor="import-file">
            {t('imports.file')}
          </label>
          <input id="import-file" type="file" accept=".csv,text/csv" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </div>
        {error ? <Notice kind="error">{error}</Notice> : null}
        <Button type="submit" busy={busy} disabled={!file}>
          {t('imports.start')}
        </Button>
      </form>
      {job ? (
        <section aria-labelledby="import-progress" aria-live="polite">
          <h2 id="import-progress">{t(`imports.status.${job.status}`)}</h2>
          <progress max={job.total || 1} value={job.processed} aria-label={t('imports.progress')} />
          <p>{t('imports.counts', { processed: job.processed, total: job.total, imported: job.imported, skipped: job.skipped, failed: job.failed })}</p>
          {job.errors.length ? (
            <div className="table-wrap" tabIndex={0}>
              <table className="table">
                <caption>{t('imports.errors')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('imports.line')}</th>
                    <th scope="col" className="text">{t('imports.field')}</th>
                    <th scope="col" className="text">{t('imports.message')}</th>
                  </tr>
                </thead>
                <tbody>
                  {job.errors.map((er, i) => (
                    <tr key={i}>
                      <th scope="row">{er.line}</th>
                      <td className="text">{er.field}</td>
                      <td className="text">{er.message}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
