import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { Button } from '../../ui/Button';
import { DateText } from '../../ui/dates';
import { Notice } from '../../ui/Notice';
import { PageTitle } from '../../ui/PageTitle';
import type { PortalReceipt } from '../portal-api';
import { lastReceipt } from './receipt-store';

/** The receipt the law requires: the registration number, the tracking code and the due date; printable. */
export default function ReceiptPage() {
  const { t } = useTranslation('portal');
  const location = useLocation();
  const receipt = (location.state as PortalReceipt | null) ?? lastReceipt();
  if (!receipt) {
    return (
      <>
        <PageTitle>{t('receipt.title')}</PageTitle>
        <p>{t('receipt.none')}</p>
        <p>
          <Link to="/track">{t('nav.track')}</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <PageTitle>{t('receipt.title')}</PageTitle>
      <Notice kind="success">{t('receipt.registered')}</Notice>
      <section className="receipt" aria-labelledby="receipt-facts">
        <h2 id="receipt-facts">{t('receipt.factsTitle')}</h2>
        <dl className="facts">
          <dt>{t('receipt.number')}</dt>
          <dd className="code">{receipt.number}</dd>
          <dt>{t('receipt.trackingCode')}</dt>
          <dd className="code">{receipt.trackingCode}</dd>
          <dt>{t('receipt.dueDate')}</dt>
          <dd>
            <DateText date={receipt.dueDate} />
          </dd>
        </dl>
        <p>{t('receipt.keep')}</p>
      </section>
      <div className="actions no-print">
        <Button onClick={() => window.print()}>{t('receipt.print')}</Button>
        <Link className="button button--secondary" to="/track" state={{ number: receipt.number, trackingCode: receipt.trackingCode }}>
          {t('receipt.track')}
        </Link>
      </div>
    </>
  );
}
