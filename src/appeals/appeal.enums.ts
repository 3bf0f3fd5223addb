export const CHANNELS = ['portal', 'call_centre', 'reception', 'public_office', 'mail'] as const;
export type Channel = (typeof CHANNELS)[number];

export const APPEAL_TYPES = ['statement', 'complaint', 'proposal', 'request', 'response', 'report'] as const;
export type AppealType = (typeof APPEAL_TYPES)[number];

export const STATUSES = ['registered', 'routed', 'in_progress', 'paused', 'answered', 'closed', 'withdrawn'] as const;
export type Status = (typeof STATUSES)[number];

/** Statuses in which the case is still being worked on (the citizen awaits an answer or a check). */
export const OPEN_STATUSES: readonly Status[] = ['registered', 'routed', 'in_progress', 'paused', 'answered'];

export const OUTCOMES = ['positive', 'explained', 'rejected', 'without_consideration'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const DEADLINE_STATES = ['on_track', 'due_soon', 'overdue', 'met', 'missed'] as const;
export type DeadlineState = (typeof DEADLINE_STATES)[number];

export const LANGUAGES = ['kk', 'ru'] as const;
export type Language = (typeof LANGUAGES)[number];
