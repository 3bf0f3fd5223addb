import '../work.css';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button } from '../../ui/Button';
import { InstantText } from '../../ui/dates';
import { listNotices, markNoticeRead, StaffNotice } from '../work-api';

const POLL_MS = 60_000;

/**
 * The staff-notice bell in the shell's header, for every role: the unread count (re-asked every
 * minute), and a panel of the latest notices, each a link to its case and a "mark read" button.
 * A new unread count is announced politely; the panel closes with Escape and gives the focus back.
 */
export function NoticeBell() {
  const { t } = useTranslation('staff');
  const [unread, setUnread] = useState<number | null>(null);
  const [open, setOpen] = useState(false);
  const [items, setItems] = useState<StaffNotice[] | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  // Announced only when the count grows after the first answer: not on every page load.
  const [arrived, setArrived] = useState(false);
  const last = useRef<number | null>(null);

  const refresh = useCallback(() => {
    listNotices(true).then(
      (page) => {
        if (last.current !== null && page.total > last.current) setArrived(true);
        last.current = page.total;
        setUnread(page.total);
      },
      () => undefined, // the bell stays as it was; pages report their own failures
    );
  }, []);

  useEffect(() => {
    refresh();
    const timer = setInterval(refresh, POLL_MS);
    return () => clearInterval(timer);
  }, [refresh]);

  useEffect(() => {
    if (!open) return;
    listNotices(false).then((page) => setItems(page.items), () => setItems([]));
  }, [open]);

  async function read(n: StaffNotice) {
    await markNoticeRead(n.id).catch(() => undefined);
    setItems((list) => list?.map((i) => (i.id === n.id ? { ...i, readAt: new Date().toISOString() } : i)) ?? null);
    refresh();
  }

  function close() {
    setOpen(false);
    button.current?.focus();
  }

  return (
    <div className="notice-bell" onKeyDown={(e) => e.key === 'Escape' && open && close()}>
      <button ref={button} type="button" className="button button--secondary notice-bell__button" aria-expanded={open} aria-controls="notice-panel" onClick={() => setOpen((o) => !o)}>
        <svg aria-hidden="true" focusable="false" width="18" height="18" viewBox="0 0 24 24" fill="currentColor">
          <path d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z" />
        </svg>
        {t('notices.button')}
        {unread === null ? null : (
          <>
            <span className="badge" aria-hidden="true">
              {unread}
            </span>
            <span className="visually-hidden">{t('notices.unread', { count: unread })}</span>
          </>
        )}
      </button>
      <span className="visually-hidden" role="status">
        {arrived ? t('notices.arrived', { count: unread ?? 0 }) : ''}
      </span>
      {open ? (
        <div id="notice-panel" className="notice-bell__panel" role="region" aria-label={t('notices.title')}>
          <h2 className="notice-bell__title">{t('notices.title')}</h2>
          {items === null ? <p role="status">{t('common:loading')}</p> : null}
          {items && items.length === 0 ? <p>{t('notices.none')}</p> : null}
          <ul>
            {(items ?? []).map((n) => (
              <li key={n.id} className={n.readAt ? 'notice-bell__item' : 'notice-bell__item notice-bell__item--unread'}>
                <p>
                  {n.readAt ? null : <span className="visually-hidden">{t('notices.new')} </span>}
                  {t(`notices.kind.${n.kind}`, { defaultValue: t('notices.kind.other'), number: n.number })}{' '}
                  <Link to={`/staff/cases/${n.appealId}`} onClick={() => setOpen(false)}>
                    {n.number}
                  </Link>
                </p>
                <p className="notice-bell__when">
                  <InstantText at={n.createdAt} />
                </p>
                {n.readAt ? null : (
                  <Button variant="link" onClick={() => void read(n)}>
                    {t('notices.markRead', { number: n.number })}
                  </Button>
                )}
              </li>
            ))}
          </ul>
          <Button variant="secondary" onClick={close}>
            {t('notices.close')}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
