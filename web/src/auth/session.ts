import type { components } from '../api/schema';

export type StaffUser = components['schemas']['UserView'];
export type Role = StaffUser['role'];

export const ROLES: readonly Role[] = ['admin', 'operator', 'reception', 'controller', 'agency_officer', 'analyst'];

export interface Session {
  accessToken: string;
  user: StaffUser;
}

/**
 * The signed-in staff member, kept in sessionStorage: it lasts while the tab is open and is gone
 * when it closes (a shared office computer does not keep anyone signed in), and it is not sent
 * with every request like a cookie would be.
 */
const KEY = 'appeals.session';
type Listener = (session: Session | null) => void;
const listeners = new Set<Listener>();

function load(): Session | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    const parsed = raw ? (JSON.parse(raw) as Session) : null;
    return parsed && typeof parsed.accessToken === 'string' && parsed.user ? parsed : null;
  } catch {
    return null;
  }
}

let current = load();

/** The session now (the same object until it changes, as React's useSyncExternalStore needs). */
export function getSession(): Session | null {
  return current;
}

export function saveSession(session: Session | null): void {
  current = session;
  try {
    if (session) sessionStorage.setItem(KEY, JSON.stringify(session));
    else sessionStorage.removeItem(KEY);
  } catch {
    // storage blocked: the session lasts until the page is reloaded
  }
  for (const listener of listeners) listener(session);
}

export function onSessionChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
