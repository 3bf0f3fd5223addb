import { useSyncExternalStore } from 'react';
import { getSession, onSessionChange, Session } from './session';

const subscribe = (notify: () => void) => onSessionChange(notify);

/** The current staff session (null when signed out); components redraw when it changes. */
export function useSession(): Session | null {
  return useSyncExternalStore(subscribe, getSession);
}
