import { StreamableFile } from '@nestjs/common';
import { Appeal } from './appeal.entity';
import { toAppealView } from './appeal.view';
import { identitiesIn } from './personal-data-reads.interceptor';

const appeal = (id: string, applicant: Appeal['applicant']): Appeal =>
  Object.assign(new Appeal(), {
    id, number: 'ALA-2026-000001', channel: 'mail', type: 'complaint', status: 'routed', outcome: null, categoryId: 'c', branchId: 'b',
    agencyId: null, subject: 's', text: 't', language: 'ru', anonymous: applicant === null, signatories: null, applicant,
    receivedAt: new Date(), registeredAt: new Date(), dueDate: '2026-12-30', deadlineState: 'on_track', answeredAt: null, closedAt: null,
    receptionId: null, callId: null, repeatOfId: null, version: 1,
  });

describe('identitiesIn: the appeals whose applicant a response shows', () => {
  const named = toAppealView(appeal('a1', { fullName: 'Серик Ахметов', iin: '921029350851' }));
  const anonymous = toAppealView(appeal('a2', null));

  it('finds a view alone, in a page, in a call or visit, and after an object spread; each once', () => {
    expect(identitiesIn(named)).toEqual(['a1']);
    expect(identitiesIn({ items: [named, anonymous, named], total: 3 })).toEqual(['a1']);
    expect(identitiesIn({ id: 'call', appeal: { ...named, branch: { id: 'b' } } })).toEqual(['a1']);
  });

  it('ignores anonymous appeals, look-alikes without the mark, and files', () => {
    expect(identitiesIn(anonymous)).toEqual([]);
    expect(identitiesIn(JSON.parse(JSON.stringify(named)))).toEqual([]);
    expect(identitiesIn(new StreamableFile(Buffer.from('x')))).toEqual([]);
    expect(identitiesIn(undefined)).toEqual([]);
  });

  it('keeps the mark out of the JSON the caller gets', () => {
    expect(Object.keys(JSON.parse(JSON.stringify(named)))).toEqual(Object.keys(named));
    expect(JSON.stringify(named)).not.toContain('identity');
  });
});
