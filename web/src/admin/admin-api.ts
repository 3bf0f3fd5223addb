import { api, call } from '../api/client';
import type { UserListQuery, UserPage } from '../api/pending-contract';

/**
 * GET /users takes filters and answers a page since v1.1; the generated document (v1) still says
 * "no query, an array". Until the merge, the query goes through untyped and an array answer is
 * read as one page, so the page works against either server.
 */
export async function listUsers(query: UserListQuery): Promise<UserPage> {
  const answer = (await call(api.GET('/api/v1/users', { params: { query: query as never } }))) as unknown;
  if (Array.isArray(answer)) {
    return { items: answer.map((u) => ({ active: true, ...u })), total: answer.length, page: 1, pageSize: answer.length };
  }
  return answer as UserPage;
}
