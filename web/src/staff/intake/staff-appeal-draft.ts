import { iinCheck, LIMITS, phoneCheck } from '../../portal/appeal-form/appeal-draft';
import type { AppealKind, StaffAppealInput } from '../work-api';

/**
 * An appeal taken down by staff (on the phone, at a reception): the portal's limits and IIN/phone
 * checks, but staff rules: the IIN and a contact are not required (the caller may not know the IIN
 * by heart), and an anonymous report is possible (API.md "Intake").
 */
export interface StaffAppealDraft {
  type: AppealKind | '';
  categoryId: string;
  branchId: string;
  language: 'kk' | 'ru';
  anonymous: boolean;
  fullName: string;
  iin: string;
  phone: string;
  email: string;
  address: string;
  subject: string;
  text: string;
}

/** Field names as the API names them inside the call's or visit's `appeal` object. */
export const APPEAL_FIELDS = ['type', 'categoryId', 'branchId', 'applicant.fullName', 'applicant.iin', 'applicant.phone', 'applicant.email', 'applicant.address', 'subject', 'text', 'language'] as const;
export type AppealField = (typeof APPEAL_FIELDS)[number];

export function emptyStaffDraft(carry: Partial<StaffAppealDraft> = {}): StaffAppealDraft {
  return { type: 'statement', categoryId: '', branchId: '', language: 'ru', anonymous: false, fullName: '', iin: '', phone: '', email: '', address: '', subject: '', text: '', ...carry };
}

const chars = (s: string) => [...s.trim()].length;

/** Problems as portal:check.* keys (the staff pages reuse the portal's wording of them). */
export function checkStaffDraft(d: StaffAppealDraft, branchRequired = true): Partial<Record<AppealField, string>> {
  const p: Partial<Record<AppealField, string>> = {};
  if (!d.type) p.type = 'check.choose';
  if (!d.categoryId) p.categoryId = 'check.choose';
  if (branchRequired && !d.branchId) p.branchId = 'check.choose';
  if (!d.anonymous) {
    if (!d.fullName.trim()) p['applicant.fullName'] = 'check.required';
    else if (chars(d.fullName) > LIMITS.fullName) p['applicant.fullName'] = 'check.tooLong';
    if (d.iin.trim()) p['applicant.iin'] = iinCheck(d.iin);
    if (d.phone.trim()) p['applicant.phone'] = phoneCheck(d.phone);
    if (d.email.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(d.email.trim())) p['applicant.email'] = 'check.email';
    if (chars(d.address) > LIMITS.address) p['applicant.address'] = 'check.tooLong';
  }
  if (!d.subject.trim()) p.subject = 'check.required';
  else if (chars(d.subject) > LIMITS.subject) p.subject = 'check.tooLong';
  if (!d.text.trim()) p.text = 'check.required';
  else if (chars(d.text) > LIMITS.text) p.text = 'check.tooLong';
  for (const k of Object.keys(p) as AppealField[]) if (!p[k]) delete p[k];
  return p;
}

/** The API's AppealInput (without channel): trimmed, empty optional fields left out. */
export function toAppealInput(d: StaffAppealDraft): Omit<StaffAppealInput, 'channel'> {
  const opt = (s: string) => (s.trim() ? s.trim() : undefined);
  return {
    type: d.type as AppealKind,
    categoryId: d.categoryId,
    branchId: d.branchId,
    language: d.language,
    subject: d.subject.trim(),
    text: d.text.trim(),
    ...(d.anonymous
      ? { anonymous: true }
      : { applicant: { fullName: d.fullName.trim(), iin: opt(d.iin), phone: opt(d.phone), email: opt(d.email), address: opt(d.address) } }),
  };
}
