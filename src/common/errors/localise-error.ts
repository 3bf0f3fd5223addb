import { isMessageKey, Locale, MessageKey, translate } from '../i18n';
import type { LocalisedMessage } from './app-error';
import { ErrorBody, ErrorBodyDetail, ErrorCode, ErrorDetail } from './error-code';

/** An error body as the code produces it: English message, details with their codes. */
export interface RawErrorBody {
  statusCode: number;
  code: ErrorCode;
  message: string;
  details?: ErrorDetail[];
  errorId?: string;
}

/**
 * The error body in the caller's language. Throw sites need not know about languages: a detail is
 * translated by its code (`detail.<code>`), an error by its contract code (`error.<CODE>`); a throw
 * site may name a more specific catalogue key. English keeps the throw site's own text when nothing
 * more specific is known, as the API always answered; a code missing from the catalogues falls back
 * to the generic message, never to an exception.
 */
export function localiseErrorBody(raw: RawErrorBody, locale: Locale, localised?: LocalisedMessage): ErrorBody {
  const details = raw.details?.map((d) => localiseDetail(d, locale));
  const body: ErrorBody = { statusCode: raw.statusCode, code: raw.code, message: topMessage(raw, details, locale, localised) };
  if (details) body.details = details;
  if (raw.errorId) body.errorId = raw.errorId;
  return body;
}

function topMessage(raw: RawErrorBody, details: ErrorBodyDetail[] | undefined, locale: Locale, localised?: LocalisedMessage): string {
  if (localised && isMessageKey(localised.key)) return translate(locale, localised.key, localised.params);
  // A validation error's message lists what is wrong with each field, as it always did.
  if (raw.code === 'VALIDATION_FAILED' && details?.length) return details.map((d) => `${d.field}: ${d.message}`).join('; ');
  if (locale === 'en' && raw.message) return raw.message;
  const key = `error.${raw.code}`;
  return translate(locale, isMessageKey(key) ? key : 'error.generic');
}

function localiseDetail(detail: ErrorDetail, locale: Locale): ErrorBodyDetail {
  const code = detail.code ?? 'invalid';
  return { field: detail.field, code, message: detailMessage(detail, locale) };
}

function detailMessage(detail: ErrorDetail, locale: Locale): string {
  const key: MessageKey | undefined = [detail.key, detail.code && `detail.${detail.code}`].find(
    (k): k is MessageKey => typeof k === 'string' && isMessageKey(k),
  );
  if (key) return translate(locale, key, detail.params);
  if (locale === 'en' && detail.message) return detail.message;
  return translate(locale, 'detail.invalid');
}
