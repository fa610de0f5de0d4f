import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import os from 'node:os';
import { spawnSync } from 'node:child_process';
import { createTestApp, type TestApp } from '../../core/testing/index.ts';
import { markOrphanedImportRuns } from './service-import-run.ts';
import { importRunStatus } from './domain/import-run.ts';

describe('import runs whose process is gone', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(async () => t.dispose());

  it('are marked interrupted at start; runs of live processes and of other hosts are left alone', async () => {
    const { rows: [ids] } = await t.core.pool.query('SELECT (SELECT id FROM units ORDER BY id LIMIT 1) AS unit, (SELECT id FROM staff_users ORDER BY id LIMIT 1) AS staff');
    const deadPid = spawnSync('true').pid; // a process that has exited
    const insert = async (code: string, host: string | null, pid: number | null, state = 'running') => {
      await t.core.pool.query(
        `INSERT INTO import_runs (code, kind, unit_id, staff_user_id, file_name, total_rows, saved_rows, state, started_at, updated_at, owner_host, owner_pid)
         VALUES ($1, 'catalog', $2, $3, 'x.xlsx', 5000, 3750, $4, now(), now(), $5, $6)`,
        [code, ids.unit, ids.staff, state, host, pid],
      );
    };
    await insert('dead-process-run', os.hostname(), deadPid);
    await insert('same-pid-earlier', os.hostname(), process.pid); // this process has started no run yet
    await insert('live-process-run', os.hostname(), process.ppid);
    await insert('other-host-run', 'another-host', deadPid);
    await insert('finished-run', os.hostname(), deadPid, 'done');

    assert.equal(await markOrphanedImportRuns(t.core), 2);
    const { rows } = await t.core.pool.query('SELECT code, state, saved_rows, finished_at, total_rows, updated_at, result, errors FROM import_runs ORDER BY code');
    const state = Object.fromEntries(rows.map((r) => [r.code, r.state]));
    assert.deepEqual(state, {
      'dead-process-run': 'interrupted',
      'finished-run': 'done',
      'live-process-run': 'running',
      'other-host-run': 'running',
      'same-pid-earlier': 'interrupted',
    });
    const dead = rows.find((r) => r.code === 'dead-process-run')!;
    assert.ok(dead.finished_at);
    // Shown at once as interrupted with nothing saved, not as "正在保存 75%" until it goes stale.
    const status = importRunStatus({ state: dead.state, totalRows: dead.total_rows, savedRows: dead.saved_rows, updatedAt: dead.updated_at, result: dead.result, errors: dead.errors }, new Date());
    assert.equal(status.state, 'interrupted');
    assert.equal(status.progressText, '已保存 0 / 5,000 行（0%）');
    assert.match(status.message, /导入已中断/);
    assert.equal(await markOrphanedImportRuns(t.core), 0, 'marking twice changes nothing');
  });
});
