import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, NETWORK_ERROR } from '../api/errors';
import { fieldId } from './fields';
import type { FieldError } from './ErrorSummary';

/**
 * Errors of one form: per field (from the page's own checks or from the API's `details[].field`) and
 * one for the whole form. `show` puts the keyboard focus on the first invalid field, in form order.
 *
 * `fieldOrder` lists the form's field names top to bottom; an API field that is not among them
 * (e.g. a nested path the form shows as one input) is mapped with `aliases`, else it goes to the
 * form-level message so nothing the server says is lost.
 */
export function useFormErrors(fieldOrder: readonly string[], aliases: Record<string, string> = {}) {
  const { t } = useTranslation();
  const [fields, setFields] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);

  const show = useCallback(
    (next: Record<string, string>, formMessage: string | null = null) => {
      setFields(next);
      setFormError(formMessage);
      const first = fieldOrder.find((f) => next[f]);
      if (first) requestAnimationFrame(() => document.getElementById(fieldId(first))?.focus());
      else if (formMessage) requestAnimationFrame(() => document.getElementById('form-error')?.focus());
    },
    [fieldOrder],
  );

  /** Shows what an API failure says: field errors next to their fields, anything else above the form. */
  const showApiError = useCallback(
    (err: unknown) => {
      if (!(err instanceof ApiError)) return show({}, t('errors.unexpected'));
      const next: Record<string, string> = {};
      const unplaced: string[] = [];
      for (const [field, message] of err.fieldMessages()) {
        const target = aliases[field] ?? (fieldOrder.includes(field) ? field : undefined);
        if (target && !next[target]) next[target] = message;
        else unplaced.push(message);
      }
      const generic = Object.keys(next).length > 0 && unplaced.length === 0 ? null : describeFailure(err, unplaced, t);
      show(next, generic);
    },
    [aliases, fieldOrder, show, t],
  );

  const clearField = useCallback((field: string) => setFields((prev) => (prev[field] ? { ...prev, [field]: '' } : prev)), []);

  const list: FieldError[] = fieldOrder.filter((f) => fields[f]).map((f) => ({ field: f, message: fields[f] as string }));
  return { fields, formError, list, show, showApiError, clearField };
}

type T = (key: string, options?: Record<string, unknown>) => string;

/** A sentence for a failure that has no field of its own. */
export function describeFailure(err: ApiError, extra: string[], t: T): string {
  if (err.code === NETWORK_ERROR) return t('errors.network');
  if (err.status === 429) return err.retryAfterSeconds ? t('errors.rateLimitedFor', { seconds: err.retryAfterSeconds }) : t('errors.rateLimited');
  if (err.status >= 500) return err.body.errorId ? t('errors.internalWithId', { id: err.body.errorId }) : t('errors.internal');
  return [err.body.message, ...extra].filter(Boolean).join(' ');
}
