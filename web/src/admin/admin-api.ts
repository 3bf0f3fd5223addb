import { api, call } from '../api/client';
import type { operations } from '../api/schema';
import type { components } from '../api/schema';

export type UserPage = components['schemas']['UserPage'];
export type AccountView = components['schemas']['UserView'];
export type UserListQuery = NonNullable<operations['Users_list']['parameters']['query']>;

/** Users, filtered and paged (admin). */
export function listUsers(query: UserListQuery): Promise<UserPage> {
  return call(api.GET('/api/v1/users', { params: { query } }));
}
