// A request received in December whose 20 working days run into a year the calendar does not have yet:
// it is registered with a 暂定 due date, and entering that year recomputes it.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../../core/testing/index.ts';
import { systemActor } from '../../core/audit/index.ts';
import { registerOffline, type RequestActor } from './service.ts';
import { demoResidentId } from './seed.ts';
import { staffRequestActor } from './testing/actors.ts';

describe('requests with a due date in a year not yet in the calendar', () => {
  let t: TestApp;
  let actor: RequestActor;
  let finance: number;
  before(async () => {
    t = await createTestApp({ now: '2026-12-21T02:00:00Z' });
    actor = await staffRequestActor(t, 'czj_admin');
    finance = actor.kind === 'staff' ? actor.user.unitId : 0;
  });
  after(async () => t.dispose());

  it('registers it with a 暂定 due date and makes it final when the year is entered', async () => {
    assert.equal((await t.core.calendar.years()).some((y) => y.year === 2027), false, 'the demo calendar has no 2027');
    const r = await registerOffline(t.core, actor, {
      unitId: finance,
      channel: 'in_person',
      receiptFacts: { submittedOn: '2026-12-21' },
      application: {
        applicantKind: 'person',
        name: '跨年申请人',
        idType: 'resident_id',
        idNumber: demoResidentId('19800101', 31),
        phone: '13908781234',
        email: '',
        address: '楚雄市鹿城镇',
        infoDescription: '2026年度财政专项资金分配结果',
        forms: ['paper'],
        delivery: 'pickup',
      },
    });
    assert.ok(r.ok, JSON.stringify(!r.ok && r));
    // Mon 2026-12-21 + 20 working days: 8 in December, 元旦 2027-01-01 skipped, then 12 → Tue 2027-01-19.
    assert.equal(r.request.dueOn, '2027-01-19');
    const admin = await t.signIn('czj_admin');
    const page = await admin.get(`/staff/requests/${r.requestNo}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /2027-01-19（暂定）/);
    assert.match(page.body, /2027年节假日安排尚未录入/);
    const list = await admin.get('/staff/requests?scope=unit');
    assert.match(list.body, /2027-01-19（暂定）/);

    // The year is entered (a test schedule: one extra holiday on 2027-01-18): the due date moves and is final.
    await t.core.calendar.saveYear(
      { year: 2027, source: '测试用安排', holidays: [{ date: '2027-01-01', name: '元旦' }, { date: '2027-01-18', name: '测试' }], workdays: [] },
      systemActor,
    );
    const row = (await t.core.pool.query('SELECT due_on FROM req_requests WHERE id = $1', [r.request.id])).rows[0];
    assert.equal(row.due_on, '2027-01-20');
    const after = await admin.get(`/staff/requests/${r.requestNo}`);
    assert.match(after.body, /2027-01-20/);
    assert.doesNotMatch(after.body, /暂定/);
  });
});
