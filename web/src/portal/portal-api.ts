import { api, call } from '../api/client';
import type { components } from '../api/schema';

/** The portal's calls to the API, all through the typed client. */
export type PortalAppealInput = components['schemas']['PortalAppealInput'];
export type PortalReceipt = components['schemas']['PortalReceipt'];
export type AppealType = PortalAppealInput['type'];
export type AppealLanguage = PortalAppealInput['language'];

export const APPEAL_TYPES: readonly AppealType[] = ['statement', 'complaint', 'proposal', 'request', 'response', 'report'];

export function fetchReference() {
  return call(api.GET('/api/v1/portal/reference'));
}

export type PortalReference = Awaited<ReturnType<typeof fetchReference>>;

export function submitAppeal(body: PortalAppealInput, idempotencyKey: string) {
  return call(api.POST('/api/v1/portal/appeals', { body, params: { header: { 'Idempotency-Key': idempotencyKey } } }));
}

export function trackAppeal(number: string, trackingCode: string) {
  return call(api.GET('/api/v1/portal/appeals/{number}', { params: { path: { number }, query: { trackingCode } } }));
}

export type AppealStatus = Awaited<ReturnType<typeof trackAppeal>>;

export function sendClarification(number: string, trackingCode: string, text: string) {
  return call(api.POST('/api/v1/portal/appeals/{number}/clarification', { params: { path: { number }, query: { trackingCode } }, body: { text } }));
}

export function sendFeedback(number: string, trackingCode: string, satisfied: boolean, comment?: string) {
  return call(
    api.POST('/api/v1/portal/appeals/{number}/feedback', {
      params: { path: { number }, query: { trackingCode } },
      body: comment ? { satisfied, comment } : { satisfied },
    }),
  );
}
