import { ApiError, isErrorBody } from '../api/errors';
import { getSession } from '../auth/session';

export type ReportPath = '/api/v1/reports/resolution' | '/api/v1/reports/receptions';

/** The server names the file (report, window); `filename*` (RFC 6266) wins over `filename`. */
export function fileNameFrom(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const star = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition);
  if (star) return decodeURIComponent(star[1]);
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(disposition);
  return plain ? plain[1] : fallback;
}

/**
 * Downloads exactly the report on screen — the same query — as CSV or XLSX in the page's language.
 * The bearer token cannot ride on a plain link, so the file is fetched and handed to the browser as
 * a blob under the server's file name.
 */
export async function downloadReport(path: ReportPath, query: URLSearchParams, format: 'csv' | 'xlsx', language: string): Promise<string> {
  const q = new URLSearchParams(query);
  q.set('format', format);
  q.set('lang', language);
  const token = getSession()?.accessToken;
  const headers = { 'Accept-Language': language, ...(token ? { Authorization: `Bearer ${token}` } : {}) };
  let res = await fetch(`${path}?${q.toString()}`, { headers });
  if (res.status === 400 && (await refusesLang(res.clone()))) {
    // A server before the v1.1 exports refuses the `lang` parameter; Accept-Language still names the language.
    q.delete('lang');
    res = await fetch(`${path}?${q.toString()}`, { headers });
  }
  if (!res.ok) {
    const body: unknown = await res.json().catch(() => null);
    throw new ApiError(res.status, isErrorBody(body) ? body : { statusCode: res.status, code: 'HTTP_' + res.status, message: res.statusText });
  }
  const name = fileNameFrom(res.headers.get('Content-Disposition'), `report.${format}`);
  const url = URL.createObjectURL(await res.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}

async function refusesLang(res: Response): Promise<boolean> {
  const body: unknown = await res.json().catch(() => null);
  return isErrorBody(body) && (body.details ?? []).some((d) => d.field === 'lang');
}
