import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The page's h1 and document title. After a client-side navigation the focus moves to the heading,
 * so a screen reader announces the new page as it would after a full load.
 */
export function PageTitle({ children }: { children: string }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${children} · ${t('site.name')}`;
  }, [children, t]);
  useEffect(() => {
    if (document.activeElement && document.activeElement !== document.body) ref.current?.focus();
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1} className="page-title">
      {children}
    </h1>
  );
}
