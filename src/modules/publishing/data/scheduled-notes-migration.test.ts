// The stored notes of scheduled publications written in UTC ISO form are rewritten in Beijing time by
// the migration that changed how they are written (migrations/0014_pubreq_fixes.sql).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createTestApp, type TestApp } from '../../../core/testing/index.ts';
import { publishTestRecord } from '../testing/public-fixture.ts';

const MIGRATION = new URL('../../../../migrations/0014_pubreq_fixes.sql', import.meta.url);

describe('migration of scheduled-publication notes to Beijing time', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(async () => t?.dispose());

  it('rewrites "2026-12-07T11:45:00.000Z" as "2026-12-07 19:45（北京时间）" and leaves other notes alone', async () => {
    const r = await publishTestRecord(t, { title: '定时发布说明迁移测试', publishedOn: '2026-11-20', writtenOn: '2026-11-20', formedOn: '2026-11-20' });
    const q = (text: string, params: unknown[] = []) => t.core.pool.query(text, params);
    await q(`INSERT INTO pub_review_log (record_id, action, actor_name, note, at) VALUES ($1, 'scheduled', '测试', '2026-12-07T11:45:00.000Z', now()), ($1, 'scheduled', '测试', '2026-12-31T16:30:00.000Z', now()), ($1, 'approved', '测试', '2026-12-07T11:45:00.000Z', now())`, [r.id]);
    await q(
      `INSERT INTO pub_record_versions (record_id, lock_version, event, is_public, snapshot, change_note, changed_by_name, changed_at)
       SELECT record_id, lock_version + 100, 'scheduled', false, snapshot, '定时发布：2026-12-07T11:45:00.000Z', '测试', now() FROM pub_record_versions WHERE record_id = $1 ORDER BY lock_version DESC LIMIT 1`,
      [r.id],
    );
    const statements = fs
      .readFileSync(MIGRATION, 'utf8')
      .split('--> statement-breakpoint')
      .filter((s) => /pub_review_log|pub_record_versions/.test(s));
    assert.equal(statements.length, 2);
    for (const s of statements) await q(s);
    const log = (await q(`SELECT action, note FROM pub_review_log WHERE record_id = $1 AND actor_name = '测试' ORDER BY id`, [r.id])).rows;
    assert.deepEqual(log, [
      { action: 'scheduled', note: '2026-12-07 19:45（北京时间）' },
      { action: 'scheduled', note: '2027-01-01 00:30（北京时间）' },
      { action: 'approved', note: '2026-12-07T11:45:00.000Z' },
    ]);
    const v = (await q(`SELECT change_note FROM pub_record_versions WHERE record_id = $1 AND event = 'scheduled'`, [r.id])).rows;
    assert.deepEqual(v, [{ change_note: '定时发布：2026-12-07 19:45（北京时间）' }]);
  });
});
