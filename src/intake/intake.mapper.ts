import { branchScopeRoot } from '../access/access-scope';
import { Principal } from '../common/auth/principal';
import { AppError } from '../common/errors/app-error';
import { Channel } from '../appeals/appeal.enums';
import { Applicant } from '../appeals/appeal.entity';
import { AppealInput, ApplicantInput, PortalAppealInput } from './appeal-input.dto';
import { NewAppeal } from './register-appeal.use-case';

/** Small clock skew between a client and the server is not "the future". */
const FUTURE_TOLERANCE_MS = 60_000;
const EARLIEST_RECEIPT = Date.parse('2000-01-01T00:00:00Z');

export function receivedAtFrom(value: string | undefined, fallback: Date, field = 'receivedAt'): Date {
  if (value === undefined) return fallback;
  const at = new Date(value);
  if (at.getTime() > Date.now() + FUTURE_TOLERANCE_MS) throw AppError.validation(field, 'must not be in the future', 'in_future');
  if (at.getTime() < EARLIEST_RECEIPT) throw AppError.validation(field, 'must not be before 2000-01-01', 'too_early', { min: '2000-01-01' });
  return at;
}

function applicantFrom(input: ApplicantInput): Applicant {
  const { fullName, iin, phone, email, address } = input;
  const applicant: Applicant = { fullName };
  if (iin !== undefined) applicant.iin = iin;
  if (phone !== undefined) applicant.phone = phone;
  if (email !== undefined) applicant.email = email;
  if (address !== undefined) applicant.address = address;
  return applicant;
}

/** Staff intake from any channel; `defaults` carry what the channel implies (call, session). */
export function newAppealFromStaff(
  input: AppealInput,
  channel: Channel,
  principal: Principal,
  defaults: { receivedAt: Date; fieldPrefix?: string; receptionId?: string; callId?: string; branchId?: string },
): NewAppeal {
  const prefix = defaults.fieldPrefix ?? '';
  const anonymous = input.anonymous === true;
  if (anonymous && input.applicant) throw AppError.validation('applicant', 'must be absent for an anonymous appeal', 'not_allowed');
  const branchId = input.branchId ?? defaults.branchId;
  if (!branchId) throw AppError.validation(`${prefix}branchId`, 'is required', 'required');
  return {
    channel,
    type: input.type,
    categoryId: input.categoryId,
    branchId,
    subject: input.subject,
    text: input.text,
    language: input.language,
    anonymous,
    signatories: input.collective?.signatories ?? null,
    applicant: input.applicant ? applicantFrom(input.applicant) : null,
    receivedAt: receivedAtFrom(input.receivedAt, defaults.receivedAt, `${prefix}receivedAt`),
    createdBy: principal.userId,
    receptionId: defaults.receptionId,
    callId: defaults.callId,
    scopeBranchId: branchScopeRoot(principal, `${prefix}branchId`),
    branchField: `${prefix}branchId`,
  };
}

export function newAppealFromPortal(input: PortalAppealInput): NewAppeal {
  return {
    channel: 'portal',
    type: input.type,
    categoryId: input.categoryId,
    branchId: input.branchId,
    subject: input.subject,
    text: input.text,
    language: input.language,
    anonymous: false,
    signatories: input.collective?.signatories ?? null,
    applicant: applicantFrom(input.applicant),
    receivedAt: new Date(),
    createdBy: null,
    scopeBranchId: null,
    branchField: 'branchId',
  };
}
