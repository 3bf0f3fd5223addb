import type { PortalReceipt } from '../portal-api';

/**
 * The last receipt of this tab, so reloading or printing the receipt page still shows it. Kept in
 * sessionStorage: it holds the tracking code, which should not outlive the tab on a shared computer.
 */
const KEY = 'appeals.receipt';

export function rememberReceipt(receipt: PortalReceipt): void {
  try {
    sessionStorage.setItem(KEY, JSON.stringify({ number: receipt.number, trackingCode: receipt.trackingCode, dueDate: receipt.dueDate, status: receipt.status, id: receipt.id }));
  } catch {
    // not kept: the page still shows it from the navigation state
  }
}

export function lastReceipt(): PortalReceipt | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as PortalReceipt) : null;
  } catch {
    return null;
  }
}
