/** The contract's error body (API.md "Conventions"; `details[].code` since v1.1). */
export interface ApiErrorBody {
  statusCode: number;
  code: string;
  message: string;
  details?: { field: string; message: string; code?: string }[];
  errorId?: string;
}

/** A failed call: the API's error body, or a synthetic one when the network or the server gave none. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody,
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(body.message);
    this.name = 'ApiError';
  }

  get code(): string {
    return this.body.code;
  }

  /** Field path (as the API names it, e.g. `applicant.iin`) → the API's message in the chosen language. */
  fieldMessages(): Map<string, string> {
    const out = new Map<string, string>();
    for (const d of this.body.details ?? []) if (!out.has(d.field)) out.set(d.field, d.message);
    return out;
  }
}

/** Code used when no answer came at all (offline, timeout): the UI says "check your connection". */
export const NETWORK_ERROR = 'NETWORK';

export function isErrorBody(value: unknown): value is ApiErrorBody {
  return typeof value === 'object' && value !== null && typeof (value as ApiErrorBody).code === 'string' && typeof (value as ApiErrorBody).message === 'string';
}
