import { AppealType } from '../appeals/appeal.enums';

/**
 * The deadline terms for one appeal type (DOMAIN.md "Deadlines": policy, so data). APPK
 * defaults are seeded by the migration: 15 working days to decide, 3 to forward.
 */
export interface DeadlinePolicy {
  appealType: AppealType;
  /** Working days from the start day (day 0) to the due date. */
  decisionWorkdays: number;
  /** Working days after receipt by which a registered case must have been sent to an agency. */
  forwardingWorkdays: number;
  /** Working days before the due date when the agency is reminded (0: no reminder). */
  reminderLeadWorkdays: number;
  /** Working days after the due date at which an overdue case escalates, one step each, ascending. */
  escalationWorkdays: number[];
  /** Whether a transfer to another agency restarts the citizen's clock (APPK default: no). */
  restartOnTransfer: boolean;
  updatedAt: Date;
}
