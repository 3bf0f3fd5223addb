import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Principal } from '../common/auth/principal';

/** Records each staff read of a citizen's personal data (DOMAIN.md "Personal data"). */
@Injectable()
export class PersonalDataReads {
  constructor(private readonly ds: DataSource) {}

  async record(principal: Principal, appealIds: string[], purpose: string): Promise<void> {
    if (!appealIds.length) return;
    await this.ds.query(
      `INSERT INTO personal_data_reads (actor_id, appeal_id, purpose) SELECT $1, unnest($2::uuid[]), $3`,
      [principal.userId, appealIds, purpose],
    );
  }

  /** Reads of personal data held outside a case: a call's phone number, a reception visitor. */
  async recordOther(principal: Principal, subject: 'call' | 'visit', ids: string[], purpose: string): Promise<void> {
    if (!ids.length) return;
    const column = subject === 'call' ? 'call_id' : 'visit_id';
    await this.ds.query(`INSERT INTO personal_data_reads (actor_id, ${column}, purpose) SELECT $1, unnest($2::uuid[]), $3`, [
      principal.userId,
      ids,
      purpose,
    ]);
  }
}
