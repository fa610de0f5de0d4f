import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../../core/testing/index.ts';
import { buildApp, type App } from '../../app.ts';
import { fixedClock } from '../../core/clock.ts';
import type { Core } from '../../core/services.ts';
import { approveRecord, createDraft, emptyRecordInput, publishRecord, submitRecord, type StaffActor } from './service.ts';
import { runDueScheduledPublications, startScheduler } from './jobs.ts';

async function actorFor(core: Core, username: string): Promise<StaffActor> {
  const r = await core.pool.query(
    `SELECT s.id, s.display_name, s.unit_id, s.roles, coalesce(u.root_id, u.id) AS root_id FROM staff_users s JOIN units u ON u.id = s.unit_id WHERE s.username = $1`,
    [username],
  );
  const row = r.rows[0];
  return { id: Number(row.id), name: `${row.display_name}（${username}）`, unitId: Number(row.unit_id), rootUnitId: Number(row.root_id), roles: row.roles, ip: '', requestId: '' };
}

async function waitFor(check: () => Promise<boolean>, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.fail('condition not reached in time');
}

describe('scheduled publication with two app instances on one database', () => {
  let t: TestApp;
  let second: App;
  const secondClock = fixedClock('2026-11-26T02:00:00Z');
  let editor: StaffActor;
  let reviewer: StaffActor;

  before(async () => {
    t = await createTestApp();
    second = await buildApp({ config: t.config, databaseUrl: t.url, clock: secondClock, seed: false, logger: false, poolSize: 4 });
    editor = await actorFor(t.core, 'czj_editor');
    reviewer = await actorFor(t.core, 'czj_reviewer');
  });
  after(async () => {
    await second.close();
    await t.dispose();
  });

  async function scheduled(title: string, at: string): Promise<string> {
    const c = await createDraft(t.core, editor, { ...emptyRecordInput('楚雄市财政局', '2026-11-26'), generalColumn: 'notice', title, subject: '财政、金融、审计', genre: '通知', writtenOn: '2026-11-25', formedOn: '2026-11-25', bodyHtml: `<p>${title}</p>` });
    assert.ok(c.ok);
    assert.ok((await submitRecord(t.core, editor, c.record.code)).ok);
    assert.ok((await approveRecord(t.core, reviewer, c.record.code)).ok);
    const p = await publishRecord(t.core, editor, c.record.code, { at: new Date(at) });
    assert.ok(p.ok);
    assert.equal(p.record.state, 'scheduled');
    return c.record.code;
  }

  async function publishedOnce(codes: string[]): Promise<void> {
    const rows = (
      await t.core.pool.query(
        `SELECT r.code, r.state, r.index_seq,
           (SELECT count(*)::int FROM pub_review_log l WHERE l.record_id = r.id AND l.action = 'published') AS logs,
           (SELECT count(*)::int FROM audit_log a WHERE a.target_id = r.code AND a.action = 'publishing.published') AS audits,
           (SELECT count(*)::int FROM pub_record_versions v WHERE v.record_id = r.id AND v.event = 'published') AS versions
         FROM pub_records r WHERE r.code = ANY($1)`,
        [codes],
      )
    ).rows;
    assert.equal(rows.length, codes.length);
    for (const r of rows) assert.deepEqual([r.state, r.logs, r.audits, r.versions], ['published', 1, 1, 1], r.code);
    assert.equal(new Set(rows.map((r) => r.index_seq)).size, codes.length, 'distinct 索引号');
  }

  it('publishes nothing before its time, then each due record exactly once when both instances race', async () => {
    const codes = [await scheduled('定时发布甲', '2026-11-26T04:00:00Z'), await scheduled('定时发布乙', '2026-11-26T04:00:00Z'), await scheduled('定时发布丙', '2026-11-26T04:30:00Z')];
    assert.equal(await runDueScheduledPublications(second.core), 0);
    t.clock.set('2026-11-26T04:45:00Z');
    secondClock.set('2026-11-26T04:45:00Z');
    const counts = await Promise.all([
      runDueScheduledPublications(t.core),
      runDueScheduledPublications(second.core),
      runDueScheduledPublications(t.core),
      runDueScheduledPublications(second.core),
    ]);
    assert.ok(counts.reduce((a, b) => a + b, 0) <= 3);
    await publishedOnce(codes);
    const day = (await t.core.pool.query('SELECT DISTINCT published_on FROM pub_records WHERE code = ANY($1)', [codes])).rows;
    assert.deepEqual(day, [{ published_on: '2026-11-26' }]);
  });

  it('runs on the timers of both instances', async () => {
    const codes = [await scheduled('定时发布丁', '2026-11-26T05:00:00Z'), await scheduled('定时发布戊', '2026-11-26T05:00:00Z')];
    t.clock.set('2026-11-26T05:00:01Z');
    secondClock.set('2026-11-26T05:00:01Z');
    const a = startScheduler(t.core, { intervalMs: 20, firstDelayMs: 0 });
    const b = startScheduler(second.core, { intervalMs: 20, firstDelayMs: 0 });
    try {
      await waitFor(async () => Number((await t.core.pool.query("SELECT count(*) AS n FROM pub_records WHERE code = ANY($1) AND state = 'published'", [codes])).rows[0].n) === 2);
      await new Promise((r) => setTimeout(r, 100));
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
    await publishedOnce(codes);
  });

  it('survives a restart: a new instance started after the due time publishes it', async () => {
    const code = await scheduled('定时发布己', '2026-11-26T06:00:00Z');
    await second.close();
    const clock = fixedClock('2026-11-26T06:00:05Z');
    // The module's scheduler starts on Fastify's onReady and runs its first pass within 2 seconds.
    second = await buildApp({ config: t.config, databaseUrl: t.url, clock, seed: false, logger: false, poolSize: 4 });
    await waitFor(async () => (await t.core.pool.query('SELECT state FROM pub_records WHERE code = $1', [code])).rows[0].state === 'published');
    await publishedOnce([code]);
  });

  it('rebuilds, on its first pass, the search rows a crash left missing', async () => {
    const code = await scheduled('检索索引修复测试通知', '2026-11-26T07:00:00Z');
    t.clock.set('2026-11-26T07:00:01Z');
    assert.equal(await runDueScheduledPublications(t.core), 1);
    const id = Number((await t.core.pool.query('SELECT id FROM pub_records WHERE code = $1', [code])).rows[0].id);
    await t.core.pool.query('DELETE FROM pub_search_documents WHERE record_id = $1', [id]);
    const s = startScheduler(t.core, { intervalMs: 60_000, firstDelayMs: 0 });
    try {
      await waitFor(async () => (await t.core.pool.query('SELECT 1 FROM pub_search_documents WHERE record_id = $1', [id])).rowCount === 1);
    } finally {
      await s.stop();
    }
  });
});

