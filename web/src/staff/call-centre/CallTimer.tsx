import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { InstantText } from '../../ui/dates';
import { clock } from '../app-dates';

/**
 * The running length of the call. The ticking figure is aria-live="off" (a reader announcing every
 * second would drown the operator's own screen reader); the start time is stated once, in words.
 */
export function CallTimer({ startedAt }: { startedAt: string }) {
  const { t } = useTranslation('staff');
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const elapsed = (now - new Date(startedAt).getTime()) / 1000;
  return (
    <p className="call-timer">
      {t('calls.startedAt')} <InstantText at={startedAt} />.{' '}
      <span>{t('calls.duration')} </span>
      <span className="call-timer__clock" aria-live="off" role="timer">
        {clock(elapsed)}
      </span>
    </p>
  );
}
