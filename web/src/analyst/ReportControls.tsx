import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/errors';
import { useSession } from '../auth/use-session';
import { currentLanguage } from '../i18n/i18n';
import { Button } from '../ui/Button';
import { PickDate, PickOptions } from './Pick';
import { Notice } from '../ui/Notice';
import { Branch, branchPath, localName } from './reference';
import { downloadReport, ReportPath } from './report-download';
import { ReportWindow, WINDOW_KINDS, WindowKind, defaultWindow, todayInZone } from './report-window';

/** Window picker: the kind of window, then the year and month/quarter, or two dates. */
export function WindowPicker({ value, onChange }: { value: ReportWindow; onChange: (w: ReportWindow) => void }) {
  const { t } = useTranslation('analyst');
  const thisYear = Number(todayInZone().slice(0, 4));
  const years = Array.from({ length: 10 }, (_, i) => thisYear - i);
  const parts = value.kind === 'quarter' ? [1, 2, 3, 4] : Array.from({ length: 12 }, (_, i) => i + 1);
  return (
    <fieldset className="report-controls__group">
      <legend>{t('window.legend')}</legend>
      <div className="report-controls__row">
        <PickOptions label={t('window.kind')} value={value.kind} onChange={(v) => onChange({ ...defaultWindow(v as WindowKind), year: value.year })}>
            {WINDOW_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`window.${k}`)}
              </option>
            ))}
          </PickOptions>
        {value.kind === 'custom' ? (
          <>
            <PickDate label={t('window.from')} value={value.from} onChange={(v) => onChange({ ...value, from: v })} />
            <PickDate label={t('window.to')} value={value.to} onChange={(v) => onChange({ ...value, to: v })} />
          </>
        ) : (
          <>
            <PickOptions label={t('window.year')} value={value.year} onChange={(v) => onChange({ ...value, year: Number(v) })}>
                {years.map((y) => (
                  <option key={y} value={y}>
                    {y}
                  </option>
                ))}
              </PickOptions>
            {value.kind !== 'year' ? (
              <PickOptions label={t(value.kind === 'quarter' ? 'window.quarter' : 'window.month')} value={value.part} onChange={(v) => onChange({ ...value, part: Number(v) })}>
                  {parts.map((p) => (
                    <option key={p} value={p}>
                      {value.kind === 'quarter' ? t('window.quarterN', { n: p }) : t(`month.${p}`)}
                    </option>
                  ))}
                </PickOptions>
            ) : null}
          </>
        )}
      </div>
    </fieldset>
  );
}

/** Where in the branch tree the report stands; each step up is a link-like button. */
export function BranchCrumbs({ branches, branchId, onPick }: { branches: Branch[]; branchId: string | null; onPick: (id: string | null) => void }) {
  const { t } = useTranslation('analyst');
  const session = useSession();
  const language = currentLanguage();
  const scopeRoot = session?.user.role === 'admin' ? null : (session?.user.branchId ?? null);
  const path = branchPath(branches, branchId, scopeRoot);
  return (
    <nav aria-label={t('crumbs.label')} className="crumbs">
      <ol>
        <li>
          {path.length === 0 ? (
            <span aria-current="page">{t('crumbs.all')}</span>
          ) : (
            <Button variant="link" onClick={() => onPick(null)}>
              {t('crumbs.all')}
            </Button>
          )}
        </li>
        {path.map((b, i) => (
          <li key={b.id}>
            {i === path.length - 1 ? (
              <span aria-current="page">{localName(b, language)}</span>
            ) : (
              <Button variant="link" onClick={() => onPick(b.id)}>
                {localName(b, language)}
              </Button>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** CSV and XLSX of exactly the query on screen. */
export function DownloadButtons({ path, query }: { path: ReportPath; query: URLSearchParams }) {
  const { t } = useTranslation('analyst');
  const [busy, setBusy] = useState<'csv' | 'xlsx' | null>(null);
  const [error, setError] = useState<string | null>(null);
  async function download(format: 'csv' | 'xlsx') {
    setBusy(format);
    setError(null);
    try {
      await downloadReport(path, query, format, currentLanguage());
    } catch (e) {
      setError(e instanceof ApiError ? e.body.message : t('errors.download'));
    } finally {
      setBusy(null);
    }
  }
  return (
    <div className="actions">
      <Button variant="secondary" busy={busy === 'csv'} onClick={() => download('csv')}>
        {t('download.csv')}
      </Button>
      <Button variant="secondary" busy={busy === 'xlsx'} onClick={() => download('xlsx')}>
        {t('download.xlsx')}
      </Button>
      {error ? <Notice kind="error">{error}</Notice> : null}
    </div>
  );
}
