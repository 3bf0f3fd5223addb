import { AppealType } from '../appeals/appeal.enums';

/**
 * APPK defaults (DOMAIN.md "Deadlines"): a decision within 15 working days of receipt for
 * every type. Terms are policy; they become data editable per type in the deadlines issue.
 */
const DECISION_WORKDAYS: Record<AppealType, number> = {
  statement: 15,
  complaint: 15,
  proposal: 15,
  request: 15,
  response: 15,
  report: 15,
};

export function decisionTermWorkdays(type: AppealType): number {
  return DECISION_WORKDAYS[type];
}
