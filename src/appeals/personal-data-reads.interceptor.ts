import { CallHandler, ExecutionContext, Injectable, NestInterceptor, StreamableFile } from '@nestjs/common';
import { mergeMap, Observable } from 'rxjs';
import { AuthenticatedRequest } from '../common/auth/auth.decorators';
import { CARRIES_IDENTITY_OF } from './appeal.view';
import { PersonalDataReads } from './personal-data-reads';

/** How deep in a response an Appeal view is looked for (a page's items, a visit's appeal). */
const MAX_DEPTH = 4;
const PURPOSE_MAX = 40;
const API_PREFIX = /^\/api\/v1/;

/**
 * Records in `personal_data_reads` every applicant identity a staff caller is sent (DOMAIN.md
 * "Personal data": every read by staff is auditable). Global (APP_INTERCEPTOR), so no endpoint
 * can forget it: it looks through each staff response for the views toAppealView() marked as
 * carrying an identity, and records them all in one INSERT, before the response leaves. If the
 * record cannot be written, the response is not sent either. The purpose is the operation
 * (`GET /appeals/:id`, `POST /appeals/:id/accept`, ...).
 */
@Injectable()
export class PersonalDataReadsInterceptor implements NestInterceptor {
  constructor(private readonly reads: PersonalDataReads) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    return next.handle().pipe(
      mergeMap(async (body: unknown) => {
        // The guard ran before: a staff caller has a principal, a public one (portal) none.
        if (request.principal) {
          const appealIds = identitiesIn(body);
          if (appealIds.length) await this.reads.record(request.principal, appealIds, purposeOf(request));
        }
        return body;
      }),
    );
  }
}

/** The ids of the appeals whose applicant's identity the response carries, each once. */
export function identitiesIn(body: unknown): string[] {
  const found = new Set<string>();
  const visit = (value: unknown, depth: number): void => {
    if (typeof value !== 'object' || value === null || depth > MAX_DEPTH) return;
    if (value instanceof Date || value instanceof StreamableFile || Buffer.isBuffer(value) || ArrayBuffer.isView(value)) return;
    const id = (value as Record<symbol, unknown>)[CARRIES_IDENTITY_OF];
    if (typeof id === 'string') {
      found.add(id);
      return;
    }
    for (const child of Array.isArray(value) ? value : Object.values(value)) visit(child, depth + 1);
  };
  visit(body, 0);
  return [...found];
}

function purposeOf(request: AuthenticatedRequest): string {
  const route = (request.route as { path?: string } | undefined)?.path ?? request.path;
  return `${request.method} ${route.replace(API_PREFIX, '')}`.slice(0, PURPOSE_MAX);
}
