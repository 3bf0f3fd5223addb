import { useEffect, useState } from 'react';
import { ApiError } from '../api/errors';
import { getSession } from '../auth/session';
import { currentLanguage } from '../i18n/i18n';
import type { ReportPath } from './report-download';

/** The query as the API takes it, without empty values; its string is also the download's query. */
export function toQuery(values: Record<string, string | number | null | undefined>): URLSearchParams {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) if (v !== null && v !== undefined && v !== '') q.set(k, String(v));
  return q;
}

/**
 * Answers seen in the last minute, by path and query: going back to a view (up the branch tree,
 * the previous window) redraws at once. Reports count by date received, so a minute-old answer
 * differs from a fresh one by at most the appeals of that minute.
 */
const CACHE_MS = 60_000;
const CACHE_SIZE = 50;
const cache = new Map<string, { at: number; body: unknown }>();

function cached(key: string): unknown {
  const hit = cache.get(key);
  if (!hit || Date.now() - hit.at > CACHE_MS) return undefined;
  return hit.body;
}

function remember(key: string, body: unknown): void {
  cache.delete(key);
  cache.set(key, { at: Date.now(), body });
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
}

/**
 * Fetches a report for a query string and keeps the last answer on screen while the next one loads
 * (a change of window or branch redraws in place, no flash). A superseded request is aborted.
 */
export function useReport<T>(path: ReportPath, query: string): { data: T | null; dataQuery: string | null; loading: boolean; error: ApiError | null } {
  const [state, setState] = useState<{ data: T | null; dataQuery: string | null; error: ApiError | null }>({ data: null, dataQuery: null, error: null });
  const [loading, setLoading] = useState(true);
  useEffect(() => {
    const key = `${currentLanguage()} ${path}?${query}`;
    const hit = cached(key);
    if (hit !== undefined) {
      setState({ data: hit as T, dataQuery: query, error: null });
      setLoading(false);
      return;
    }
    const abort = new AbortController();
    setLoading(true);
    const token = getSession()?.accessToken;
    fetch(`${path}?${query}`, { signal: abort.signal, headers: { 'Accept-Language': currentLanguage(), ...(token ? { Authorization: `Bearer ${token}` } : {}) } })
      .then(async (res) => {
        const body: unknown = await res.json().catch(() => null);
        if (!res.ok) {
          const b = body as { code?: string; message?: string } | null;
          throw new ApiError(res.status, { statusCode: res.status, code: b?.code ?? 'HTTP_' + res.status, message: b?.message ?? res.statusText });
        }
        remember(key, body);
        setState({ data: body as T, dataQuery: query, error: null });
        setLoading(false);
      })
      .catch((e: unknown) => {
        if (abort.signal.aborted) return;
        setState((s) => ({ ...s, error: e instanceof ApiError ? e : new ApiError(0, { statusCode: 0, code: 'NETWORK', message: String(e) }) }));
        setLoading(false);
      });
    return () => abort.abort();
  }, [path, query]);
  return { ...state, loading };
}
