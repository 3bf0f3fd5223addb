import { api, call } from '../api/client';

/** Staff calls shared by every staff area. Area-specific calls live in their own folders. */
export function logIn(login: string, password: string) {
  return call(api.POST('/api/v1/auth/login', { body: { login, password } }));
}
