import { APPEAL_TYPES, CHANNELS, LANGUAGES, OUTCOMES } from '../appeals/appeal.enums';
import { isCalendarDate } from '../common/validation/calendar-date';
import { isValidIin } from '../common/validation/kz-identifiers';
import { looksLikeLiveNumber } from '../intake/registration-number';

/** The columns of the historical import CSV (documented in README "Historical import"). */
export const IMPORT_COLUMNS = [
  'externalId', 'receivedOn', 'branchCode', 'categoryCode', 'agencyCode', 'channel', 'type', 'language', 'status', 'outcome',
  'answeredOn', 'dueDate', 'subject', 'text', 'answerText', 'applicantName', 'applicantIin', 'number',
] as const;
export const REQUIRED_COLUMNS = ['externalId', 'receivedOn', 'branchCode', 'categoryCode', 'channel', 'type', 'status', 'subject'] as const;
export const IMPORT_STATUSES = ['closed', 'withdrawn'] as const;

export type ImportColumn = (typeof IMPORT_COLUMNS)[number];
export type ImportRecord = Partial<Record<ImportColumn, string>>;

export interface LineError {
  line: number;
  field: string;
  message: string;
}

/** A validated line, with codes resolved to ids, ready to insert. */
export interface ImportedAppeal {
  line: number;
  externalId: string;
  number: string;
  receivedOn: string;
  dueDate: string | null;
  branchId: string;
  categoryId: string;
  agencyId: string | null;
  channel: string;
  type: string;
  language: string;
  status: string;
  outcome: string | null;
  answeredOn: string | null;
  subject: string;
  text: string;
  answerText: string | null;
  applicant: { fullName: string; iin?: string } | null;
}

export interface CodeMaps {
  branches: Map<string, string>;
  categories: Map<string, string>;
  agencies: Map<string, string>;
}

const EXTERNAL_ID = /^[A-Za-z0-9][A-Za-z0-9_.:\/-]{0,63}$/;
const oneOf = (values: readonly string[]) => `must be one of: ${values.join(', ')}`;

/** Every problem of one line (not just the first), or the appeal to import. */
export function validateLine(line: number, r: ImportRecord, maps: CodeMaps, today: string): { errors: LineError[] } | { appeal: ImportedAppeal } {
  const errors: LineError[] = [];
  const fail = (field: string, message: string) => errors.push({ line, field, message });
  const v = (c: ImportColumn) => (r[c] ?? '').trim();
  for (const c of REQUIRED_COLUMNS) if (!v(c)) fail(c, 'is required');

  if (v('externalId') && !EXTERNAL_ID.test(v('externalId'))) fail('externalId', 'must be 1..64 letters, digits or _.:/-');
  const date = (c: ImportColumn) => {
    if (!v(c)) return null;
    if (!isCalendarDate(v(c))) fail(c, 'must be a date written YYYY-MM-DD');
    else if (v(c) < '2012-01-01' || v(c) > today) fail(c, `must be between 2012-01-01 and ${today}`);
    else return v(c);
    return null;
  };
  const receivedOn = date('receivedOn');
  const answeredOn = date('answeredOn');
  const dueDate = v('dueDate') && isCalendarDate(v('dueDate')) ? v('dueDate') : (v('dueDate') && fail('dueDate', 'must be a date written YYYY-MM-DD'), null);
  if (receivedOn && answeredOn && answeredOn < receivedOn) fail('answeredOn', 'must not be before receivedOn');
  if (receivedOn && dueDate && dueDate < receivedOn) fail('dueDate', 'must not be before receivedOn');

  const branchId = v('branchCode') ? maps.branches.get(v('branchCode')) : undefined;
  if (v('branchCode') && !branchId) fail('branchCode', 'no branch has this code');
  const categoryId = v('categoryCode') ? maps.categories.get(v('categoryCode')) : undefined;
  if (v('categoryCode') && !categoryId) fail('categoryCode', 'no category has this code');
  const agencyId = v('agencyCode') ? maps.agencies.get(v('agencyCode')) : undefined;
  if (v('agencyCode') && !agencyId) fail('agencyCode', 'no agency has this code');

  if (v('channel') && !(CHANNELS as readonly string[]).includes(v('channel'))) fail('channel', oneOf(CHANNELS));
  if (v('type') && !(APPEAL_TYPES as readonly string[]).includes(v('type'))) fail('type', oneOf(APPEAL_TYPES));
  const language = v('language') || 'ru';
  if (!(LANGUAGES as readonly string[]).includes(language)) fail('language', oneOf(LANGUAGES));
  const status = v('status');
  if (status && !(IMPORT_STATUSES as readonly string[]).includes(status)) fail('status', `${oneOf(IMPORT_STATUSES)} (a historical appeal is finished)`);
  const outcome = v('outcome') || null;
  if (outcome && !(OUTCOMES as readonly string[]).includes(outcome)) fail('outcome', oneOf(OUTCOMES));
  if (status === 'closed') {
    if (!outcome) fail('outcome', 'is required when status is closed');
    if (!v('agencyCode')) fail('agencyCode', 'is required when status is closed');
  }
  if (outcome && !v('answeredOn')) fail('answeredOn', 'is required when there is an outcome');
  if (!outcome && v('answeredOn')) fail('outcome', 'is required when answeredOn is given');

  const length = (c: ImportColumn, max: number) => {
    if ([...v(c)].length > max) fail(c, `must be at most ${max} characters`);
  };
  length('subject', 300);
  length('text', 10000);
  length('answerText', 10000);
  length('applicantName', 200);
  length('number', 48);
  // Imported numbers keep their own shape (default H-<externalId>): one shaped like a live number
  // would collide with the registration that number's sequence reaches later.
  if (v('number') && looksLikeLiveNumber(v('number'))) fail('number', 'must not have the shape of a live registration number (REGION-YEAR-NNNNNN); leave it empty for H-<externalId>');
  if (v('applicantIin') && !isValidIin(v('applicantIin'))) fail('applicantIin', 'is not a valid IIN');
  if (v('applicantIin') && !v('applicantName')) fail('applicantName', 'is required with applicantIin');

  if (errors.length) return { errors };
  return {
    appeal: {
      line,
      externalId: v('externalId'),
      number: v('number') || `H-${v('externalId')}`.slice(0, 48),
      receivedOn: receivedOn!,
      dueDate,
      branchId: branchId!,
      categoryId: categoryId!,
      agencyId: agencyId ?? null,
      channel: v('channel'),
      type: v('type'),
      language,
      status,
      outcome,
      answeredOn,
      subject: v('subject'),
      text: v('text') || v('subject'),
      answerText: v('answerText') || null,
      applicant: v('applicantName') ? { fullName: v('applicantName'), ...(v('applicantIin') ? { iin: v('applicantIin') } : {}) } : null,
    },
  };
}
