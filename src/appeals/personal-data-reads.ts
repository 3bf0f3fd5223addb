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
}
