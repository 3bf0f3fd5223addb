/**
 * Day swaps decreed each year "for the rational use of working time" (Labour Code art. 85 p. 3):
 * a weekend day becomes a working day and a weekday becomes a day off. Until 2023 they were
 * government resolutions (постановление Правительства), since 2024 orders of the Labour Minister.
 *
 * This is seed data only: after the migration the calendar lives in `calendar_days` and an
 * administrator maintains it. Only swaps confirmed by a published decree, or by a production
 * calendar that agrees with the press, are listed; a year with no entry means "none known", not
 * "none decreed" (see the per-year notes).
 *
 * Sources: press reports quoting the decrees (primeminister.kz, zakon.kz, adilet.zan.kz, Minister
 * of Labour press releases) and the xmlcalendar.ru production calendars for Kazakhstan 2015–2023.
 *
 * A few swaps moved a *Sunday* (the common rest day of the six-day week) to a Friday; for the
 * five-day week that Sunday was worked, so it is a 'workday' like a Saturday. A swap may also
 * move a carry-over day (2020-05-11): the transfer wins over the holiday rules.
 */
export interface KnownTransfer {
  date: string;
  kind: 'holiday' | 'workday';
  name: string;
}

const ddmm = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

/** One decreed swap: the day of rest moves from `worked` to `off`. */
function swap(worked: string, off: string): KnownTransfer[] {
  return [
    { date: worked, kind: 'workday', name: `Рабочий день (день отдыха перенесён на ${ddmm(off)})` },
    { date: off, kind: 'holiday', name: `День отдыха (перенесён с ${ddmm(worked)})` },
  ];
}

export const KNOWN_TRANSFERS: ReadonlyArray<KnownTransfer> = [
  // 2012 — resolution of Dec 2012 (adilet P1200001538). Other 2012 swaps, if any: not confirmed.
  ...swap('2012-12-29', '2012-12-31'),

  // 2013 — Sat 12 Oct → Mon 14 Oct (Kurban Ait on Tue 15 Oct); Sat 28 Dec 2013 → Fri 3 Jan 2014
  // (one resolution, Dec 2013). Spring 2013 swaps, if any: not confirmed.
  ...swap('2013-10-12', '2013-10-14'),
  ...swap('2013-12-28', '2014-01-03'),

  // 2014 — May resolution (PM Masimov): Sun 4 May → Fri 2 May, Sun 11 May → Thu 8 May.
  ...swap('2014-05-04', '2014-05-02'),
  ...swap('2014-05-11', '2014-05-08'),

  // 2015 — none found.

  // 2016 — Sat 5 Mar → Mon 7 Mar.
  ...swap('2016-03-05', '2016-03-07'),

  // 2017 — Sat 18 Mar → Mon 20 Mar; Sat 1 Jul → Fri 7 Jul.
  ...swap('2017-03-18', '2017-03-20'),
  ...swap('2017-07-01', '2017-07-07'),

  // 2018 — Sat 3 Mar → Fri 9 Mar; Sat 28 Apr → Mon 30 Apr; Sat 5 May → Tue 8 May;
  // Sat 25 Aug → Fri 31 Aug; Sat 29 Dec → Mon 31 Dec.
  ...swap('2018-03-03', '2018-03-09'),
  ...swap('2018-04-28', '2018-04-30'),
  ...swap('2018-05-05', '2018-05-08'),
  ...swap('2018-08-25', '2018-08-31'),
  ...swap('2018-12-29', '2018-12-31'),

  // 2019 — Sat 4 May → Fri 10 May.
  ...swap('2019-05-04', '2019-05-10'),

  // 2020 — resolution of autumn 2019: Sun 5 Jan → Fri 3 Jan; Mon 11 May (the carry-over day of
  // Sat 9 May) → Fri 8 May; Sun 20 Dec → Fri 18 Dec.
  ...swap('2020-01-05', '2020-01-03'),
  ...swap('2020-05-11', '2020-05-08'),
  ...swap('2020-12-20', '2020-12-18'),

  // 2021 — Sat 3 Jul → Mon 5 Jul.
  ...swap('2021-07-03', '2021-07-05'),

  // 2022 — Sat 5 Mar → Mon 7 Mar; Sat 27 Aug → Mon 29 Aug; Sat 22 Oct → Mon 24 Oct (added in
  // Oct 2022 when 25 Oct became a holiday).
  ...swap('2022-03-05', '2022-03-07'),
  ...swap('2022-08-27', '2022-08-29'),
  ...swap('2022-10-22', '2022-10-24'),

  // 2023 — resolution of 25 Apr 2023: Sat 1 Jul → Fri 7 Jul.
  ...swap('2023-07-01', '2023-07-07'),

  // 2024 — order of the (acting) Labour Minister of 17 Apr 2024: Sat 4 May → Wed 8 May.
  ...swap('2024-05-04', '2024-05-08'),

  // 2025 — order of the Labour Minister (Nov 2024): Sun 5 Jan → Fri 3 Jan.
  // Later 2025 swaps, if any: not confirmed.
  ...swap('2025-01-05', '2025-01-03'),

  // 2026 — none known (the Nov 2025 New Year announcement listed no swap). 2027 — not announced.
];
