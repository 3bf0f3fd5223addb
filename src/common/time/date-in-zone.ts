/** One formatter per zone, built once: building one costs far more than formatting with it. */
const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * The calendar date (YYYY-MM-DD) an instant falls on in a time zone. On the intake hot path in
 * place of luxon's `DateTime.fromJSDate(at, { zone }).toISODate()`, which works out the zone's
 * offset afresh on every call and was a measurable share of the API's CPU (docs/benchmarks.md).
 * The 'en-CA' locale formats dates as YYYY-MM-DD.
 */
export function dateInZone(at: Date, zone: string): string {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(zone, formatter);
  }
  return formatter.format(at);
}
