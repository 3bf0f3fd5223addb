import createClient, { type Middleware } from 'openapi-fetch';
import { ApiError, isErrorBody, NETWORK_ERROR } from './errors';
import type { paths } from './schema';

/**
 * The typed client of the service's own API. `schema.d.ts` is generated from docs/openapi.json by
 * `npm run openapi`, so a renamed field or path breaks `tsc -p web`.
 */
export type ApiPaths = paths;

/** Where the language, the token and the reaction to an expired session come from (set at start-up). */
export interface ClientContext {
  language: () => string;
  accessToken: () => string | null;
  onUnauthorized: () => void;
}

let context: ClientContext = { language: () => 'ru', accessToken: () => null, onUnauthorized: () => undefined };

export function configureApiClient(next: ClientContext): void {
  context = next;
}

const requestContext: Middleware = {
  onRequest({ request }) {
    request.headers.set('Accept-Language', context.language());
    const token = context.accessToken();
    if (token) request.headers.set('Authorization', `Bearer ${token}`);
    return request;
  },
  onResponse({ request, response }) {
    if (response.status === 401 && request.headers.has('Authorization')) context.onUnauthorized();
    return response;
  },
};

export const api = createClient<ApiPaths>({ baseUrl: '' });
api.use(requestContext);

interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/**
 * Waits for a call and returns its data, or throws ApiError carrying the contract's error body.
 * Every page uses this, so every failure looks the same to the UI.
 */
export async function call<T>(pending: Promise<FetchResult<T>>): Promise<T> {
  let result: FetchResult<T>;
  try {
    result = await pending;
  } catch {
    throw new ApiError(0, { statusCode: 0, code: NETWORK_ERROR, message: 'No answer from the server' });
  }
  const { response } = result;
  if (response.ok) return result.data as T;
  const body = isErrorBody(result.error)
    ? result.error
    : { statusCode: response.status, code: response.status >= 500 ? 'INTERNAL' : 'HTTP_' + response.status, message: response.statusText };
  const retryAfter = Number(response.headers.get('Retry-After'));
  throw new ApiError(response.status, body, Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null);
}
