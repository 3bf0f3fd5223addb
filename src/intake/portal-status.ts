import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { matchTrackingCode } from './portal-case';
import { PortalStatusView } from './portal.dto';
import { citizenStages, StatusEvent } from './portal-stages';

/** The public status page of a case (API.md "Intake" and v1.1 "Portal"): no personal data. */
@Injectable()
export class PortalStatus {
  constructor(private readonly ds: DataSource) {}

  /** Two queries: the case found by its number with what the page shows, then its events. */
  async get(number: string, trackingCode: string): Promise<PortalStatusView> {
    const rows: (Record<string, any> & { trackingCode: string })[] = await this.ds.query(
      `SELECT a.id, a.tracking_code AS "trackingCode", a.number, a.status, a.outcome, a.due_date AS "dueDate",
              g.name AS "agencyName", g.names AS "agencyNames", a.answered_at AS "answeredAt", a.answer_text AS "answerText"
         FROM appeals a LEFT JOIN agencies g ON g.id = a.agency_id
        WHERE upper(a.number) = upper($1)`,
      [number],
    );
    const row = matchTrackingCode(rows, trackingCode);
    const events: StatusEvent[] = await this.ds.query(`SELECT type, at, data FROM appeal_events WHERE appeal_id = $1 ORDER BY seq`, [row.id]);
    const answered = row.status === 'answered' || row.status === 'closed';
    const view: PortalStatusView = {
      number: row.number,
      status: row.status,
      outcome: row.outcome,
      dueDate: row.dueDate,
      agencyName: row.agencyName,
      agencyNames: row.agencyNames ?? null,
      answeredAt: row.answeredAt?.toISOString() ?? null,
      answerText: answered ? row.answerText : null,
      stages: citizenStages(events),
    };
    if (row.status === 'paused') {
      // The request the citizen is to answer: the reason of the pause that stopped the clock.
      const pause = events.filter((e) => e.type === 'paused').at(-1);
      view.clarificationRequest = ((pause?.data as { reason?: string } | undefined)?.reason ?? '') || undefined;
    }
    return view;
  }
}
