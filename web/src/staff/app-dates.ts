import { APP_TIME_ZONE } from '../i18n/format';

/** Today's date (YYYY-MM-DD) in the service's zone: "today" for lists is Almaty's day, not the device's. */
export function todayInAppZone(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: APP_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** A date plus n calendar days (n may be negative), as YYYY-MM-DD. */
export function addDays(date: string, n: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Almaty has no daylight saving: a local date and time is that instant at +05:00. */
export function localToInstant(date: string, time: string): string {
  return new Date(`${date}T${time}:00+05:00`).toISOString();
}

/** HH:MM of an instant in the service's zone. */
export function timeOf(instant: string, locale = 'en-GB'): string {
  return new Intl.DateTimeFormat(locale, { timeZone: APP_TIME_ZONE, hour: '2-digit', minute: '2-digit', hour12: false }).format(new Date(instant));
}

/** The date (YYYY-MM-DD) of an instant in the service's zone. */
export function dateOf(instant: string): string {
  return todayInAppZone(new Date(instant));
}

/** mm:ss (or h:mm:ss) of a duration in seconds: the call timer. */
export function clock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const two = (n: number) => String(n).padStart(2, '0');
  const h = Math.floor(s / 3600);
  return h > 0 ? `${h}:${two(Math.floor((s % 3600) / 60))}:${two(s % 60)}` : `${two(Math.floor(s / 60))}:${two(s % 60)}`;
}
