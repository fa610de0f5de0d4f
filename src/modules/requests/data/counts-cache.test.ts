// The dashboards' per-unit counts are kept for 5 s, and forgotten at once when this module changes a request.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../../../core/testing/index.ts';
import { OPEN_STATES } from '../domain/states.ts';
import { cachedCountsByUnit, invalidateCounts } from './repository.ts';
import { registerOffline } from '../service.ts';
import { demoResidentId } from '../seed.ts';
import { staffRequestActor } from '../testing/actors.ts';

describe('cached counts by unit', () => {
  let t: TestApp;
  let root: number;
  before(async () => {
    t = await createTestApp();
    root = Number((await t.core.pool.query("SELECT id FROM units WHERE slug = 'city-government'")).rows[0].id);
  });
  after(async () => t.dispose());

  const total = async () => (await cachedCountsByUnit(t.core.db, root, OPEN_STATES, '2026-11-26', '2026-12-01')).reduce((n, c) => n + c.open, 0);

  it('serves the same counts within 5 s, and fresh ones after invalidateCounts', async () => {
    const first = await total();
    assert.ok(first > 0, 'the demo has open requests');
    // A change made outside this module's service (here: SQL) is not seen until the counts expire or are invalidated.
    await t.core.pool.query("UPDATE req_requests SET state = 'archived' WHERE id = (SELECT id FROM req_requests WHERE state = 'processing' ORDER BY id LIMIT 1)");
    assert.equal(await total(), first);
    invalidateCounts(t.core.db);
    assert.equal(await total(), first - 1);
  });

  it('is invalidated by the service on a registration', async () => {
    const before = await total();
    const actor = await staffRequestActor(t, 'czj_admin');
    const reg = await registerOffline(t.core, actor, {
      unitId: actor.kind === 'staff' ? actor.user.unitId : 0,
      channel: 'in_person',
      receiptFacts: { submittedOn: '2026-11-25' },
      application: { applicantKind: 'person', name: '计数测试', idType: 'resident_id', idNumber: demoResidentId('19800101', 41), phone: '13908781234', email: '', address: '楚雄市', infoDescription: '2026年政府采购意向公开情况', forms: ['paper'], delivery: 'pickup' },
    });
    assert.ok(reg.ok, JSON.stringify(!reg.ok && reg));
    assert.equal(await total(), before + 1, 'the new request is counted at once');
  });
});
