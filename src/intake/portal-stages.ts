import { Status } from '../appeals/appeal.enums';

export interface StatusEvent {
  type: string;
  at: Date;
  data: { to?: Status };
}

/**
 * The stages a citizen sees, from the case's history: each change of status, oldest first. A
 * return to the branch (the agency was not competent) is internal and not shown, and a status
 * reached again right after (a transfer to another agency, an extension) is one stage.
 */
export function citizenStages(events: StatusEvent[]): { status: Status; at: string }[] {
  const stages: { status: Status; at: string }[] = [];
  for (const e of events) {
    if (!e.data?.to || e.type === 'returned') continue;
    if (stages.at(-1)?.status === e.data.to) continue;
    stages.push({ status: e.data.to, at: e.at.toISOString() });
  }
  return stages;
}
