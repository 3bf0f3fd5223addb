import { iinProblem, kzPhoneProblem } from '../../shared/kz-checks';
import type { AppealLanguage, AppealType, PortalAppealInput } from '../portal-api';

/** Limits of AppealInput (API.md "Intake"); counters and checks use them. */
export const LIMITS = { subject: 300, text: 10000, fullName: 200, address: 500, email: 254, signatoriesMin: 2, signatoriesMax: 100000 } as const;

/** What the citizen has typed, as strings, before it becomes the API's body. */
export interface AppealDraft {
  type: AppealType | '';
  categoryId: string;
  branchId: string;
  language: AppealLanguage;
  fullName: string;
  iin: string;
  phone: string;
  email: string;
  address: string;
  collective: boolean;
  signatories: string;
  subject: string;
  text: string;
}

/** Form fields top to bottom, named as the API names them, so its errors land on the right input. */
export const FIELD_ORDER = [
  'type',
  'categoryId',
  'branchId',
  'applicant.fullName',
  'applicant.iin',
  'applicant.phone',
  'applicant.email',
  'applicant.address',
  'collective.signatories',
  'subject',
  'text',
  'language',
] as const;
export type FieldName = (typeof FIELD_ORDER)[number];

/** API field paths that the form shows as another input. */
export const FIELD_ALIASES: Record<string, FieldName> = { applicant: 'applicant.fullName', collective: 'collective.signatories' };

export function emptyDraft(language: string): AppealDraft {
  return {
    type: '',
    categoryId: '',
    branchId: '',
    language: language === 'ru' ? 'ru' : 'kk',
    fullName: '',
    iin: '',
    phone: '',
    email: '',
    address: '',
    collective: false,
    signatories: '',
    subject: '',
    text: '',
  };
}

/** A problem is a catalogue key (portal:check.*) the page translates. */
export type Problems = Partial<Record<FieldName, string>>;

const IIN_KEYS = { format: 'check.iinFormat', 'birth-date': 'check.iinBirthDate', checksum: 'check.iinChecksum', 'not-individual': 'check.iinNotIndividual' } as const;
const PHONE_KEYS = { format: 'check.phoneFormat', 'not-kazakh': 'check.phoneNotKazakh' } as const;

export function iinCheck(iin: string): string | undefined {
  const problem = iinProblem(iin.trim());
  return problem ? IIN_KEYS[problem] : undefined;
}

export function phoneCheck(phone: string): string | undefined {
  const problem = kzPhoneProblem(phone.trim());
  return problem ? PHONE_KEYS[problem] : undefined;
}

const chars = (s: string) => [...s].length;

/** Everything the page can tell before sending; the API remains the judge (its errors are shown too). */
export function checkDraft(d: AppealDraft): Problems {
  const p: Problems = {};
  if (!d.type) p.type = 'check.choose';
  if (!d.categoryId) p.categoryId = 'check.choose';
  if (!d.branchId) p.branchId = 'check.choose';
  if (!d.fullName.trim()) p['applicant.fullName'] = 'check.required';
  else if (chars(d.fullName.trim()) > LIMITS.fullName) p['applicant.fullName'] = 'check.tooLong';
  p['applicant.iin'] = d.iin.trim() ? iinCheck(d.iin) : 'check.required';
  if (d.phone.trim()) p['applicant.phone'] = phoneCheck(d.phone);
  else if (!d.email.trim()) p['applicant.phone'] = 'check.contactRequired';
  if (d.email.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(d.email.trim())) p['applicant.email'] = 'check.email';
  if (chars(d.address.trim()) > LIMITS.address) p['applicant.address'] = 'check.tooLong';
  if (d.collective) {
    const n = Number(d.signatories);
    if (!/^\d+$/.test(d.signatories.trim()) || n < LIMITS.signatoriesMin || n > LIMITS.signatoriesMax) p['collective.signatories'] = 'check.signatories';
  }
  if (!d.subject.trim()) p.subject = 'check.required';
  else if (chars(d.subject.trim()) > LIMITS.subject) p.subject = 'check.tooLong';
  if (!d.text.trim()) p.text = 'check.required';
  else if (chars(d.text.trim()) > LIMITS.text) p.text = 'check.tooLong';
  for (const key of Object.keys(p) as FieldName[]) if (!p[key]) delete p[key];
  return p;
}

/** The API's body: trimmed, optional fields left out when empty. Call only when checkDraft found nothing. */
export function toInput(d: AppealDraft): PortalAppealInput {
  const opt = (s: string) => (s.trim() ? s.trim() : undefined);
  return {
    type: d.type as AppealType,
    categoryId: d.categoryId,
    branchId: d.branchId,
    language: d.language,
    subject: d.subject.trim(),
    text: d.text.trim(),
    applicant: { fullName: d.fullName.trim(), iin: d.iin.trim(), phone: opt(d.phone), email: opt(d.email), address: opt(d.address) },
    ...(d.collective ? { collective: { signatories: Number(d.signatories) } } : {}),
  };
}
