import { useTranslation } from 'react-i18next';

/** What a lazily loaded page or a request in flight shows meanwhile. */
export function Loading({ label }: { label?: string }) {
  const { t, ready } = useTranslation(undefined, { useSuspense: false });
  return (
    <p className="loading" role="status">
      {label ?? (ready ? t('loading') : '…')}
    </p>
  );
}
