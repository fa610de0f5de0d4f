// A large 权责清单 import saved in the background: the progress page and its JSON status show rows read,
// checked and saved while the transaction is open, nothing is visible before the commit, and a run that
// fails says why and saves nothing.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { PoolClient } from 'pg';
import { createTestApp, textOf, type TestApp } from '../../../core/testing/index.ts';
import { waitForImportRun } from '../../../core/import-runs/run.ts';
import { writeListWorkbook } from '../import/write-list.ts';
import { townshipRows } from '../demo/seed-demo.ts';
import { postMultipart } from '../testing/multipart.ts';

const ROWS = 3000;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let t: TestApp;
before(async () => {
  t = await createTestApp({ now: '2026-11-26T02:00:00Z' });
});
after(async () => t.dispose());

const live = async () => (await t.core.pool.query("SELECT count(*)::int AS n FROM powers_items i JOIN units u ON u.id = i.unit_id WHERE u.slug = 'donggua' AND i.cancelled_at IS NULL")).rows[0].n as number;

async function preview(label: string, rows = ROWS) {
  const base = townshipRows('东瓜镇');
  const list = Array.from({ length: rows }, (_, i) => ({ ...base[i % base.length]!, code: `BIG-${String(i + 1).padStart(5, '0')}` }));
  const c = await t.signIn('dgz_editor');
  const res = await postMultipart(t, c, '/staff/powers/donggua/import', '/staff/powers/donggua/import', { label, publishedOn: '2026-11-01', docNo: '' }, { name: '大清单.xlsx', bytes: await writeListWorkbook('东瓜镇权责清单', list), type: XLSX });
  assert.equal(res.statusCode, 200, textOf(res.body).slice(0, 300));
  assert.match(textOf(res.body), new RegExp(`全部${rows}行可以导入`));
  return { c, code: /name="code" value="([^"]+)"/.exec(res.body)![1]! };
}

describe('权责清单 import progress', () => {
  it(`shows ${ROWS.toLocaleString('en-US')} rows read, checked and saved while saving; nothing public before the commit`, async () => {
    const { c, code } = await preview('2026年版');
    // Hold the editions table so the run stops after writing every row, inside its transaction.
    const blocker: PoolClient = await t.core.pool.connect();
    await blocker.query('BEGIN');
    await blocker.query('LOCK TABLE powers_editions IN EXCLUSIVE MODE');
    let runCode = '';
    try {
      const confirm = await c.submit('/staff/powers/donggua', '/staff/powers/donggua/import/confirm', { code });
      assert.equal(confirm.statusCode, 303);
      const runUrl = String(confirm.headers.location);
      runCode = runUrl.split('/').pop()!;
      const samples: { state: string; read: number; checked: number; saved: number; total: number; percent: number; progressText: string }[] = [];
      for (let i = 0; i < 500; i++) {
        const s = await c.get(`${runUrl}/status`);
        assert.equal(s.statusCode, 200);
        const status = JSON.parse(s.body);
        samples.push(status);
        if (status.saved === ROWS) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      const last = samples.at(-1)!;
      // Every row written (in chunks of 1,000) but not committed: 99 %, still running, list unchanged.
      assert.deepEqual(last, { ...last, state: 'running', read: ROWS, checked: ROWS, saved: ROWS, total: ROWS, percent: 99, progressText: '已保存 3,000 / 3,000 行（99%）' });
      let prev = -1;
      for (const x of samples) {
        assert.ok(x.saved >= prev && [0, 1000, 2000, 3000].includes(x.saved), `saved ${x.saved} after ${prev}`);
        prev = x.saved;
      }
      assert.equal(await live(), 0, 'nothing visible before the commit');
      const page = await c.get(runUrl);
      assert.match(page.body, /<noscript><meta http-equiv="refresh" content="2"\/?><\/noscript>/);
      assert.match(textOf(page.body), /已读取 3,000 行 · 已检查 3,000 行 · 已保存 3,000 行（共 3,000 行）/);
      assert.match(textOf(page.body), /正在保存，已保存 3,000 \/ 3,000 行（99%）。保存完成前权责清单不会改变/);
      assert.match(page.body, /data-import-status="\/staff\/powers\/donggua\/import\/runs\/[A-Za-z0-9_-]{16}\/status"/);
    } finally {
      await blocker.query('COMMIT');
      blocker.release();
    }
    await waitForImportRun(runCode);
    assert.equal(await live(), ROWS);
    const done = await c.get(`/staff/powers/donggua/import/runs/${runCode}`);
    assert.match(textOf(done.body), /权责清单导入完成/);
    assert.match(textOf(done.body), /已导入“2026年版”：新增3,?000项，更新0项，取消0项，并发布为新版本。/);
    assert.doesNotMatch(done.body, /http-equiv="refresh"/);
    // Another unit's staff cannot see the run; a malformed code is 404.
    const other = await t.signIn('czj_editor');
    assert.equal((await other.get(`/staff/powers/donggua/import/runs/${runCode}`)).statusCode, 403);
    assert.equal((await c.get('/staff/powers/donggua/import/runs/nope')).statusCode, 404);
    assert.equal((await c.get('/staff/powers/donggua/import/runs/AAAAAAAAAAAAAAAA/status')).statusCode, 404);
  });

  it('a run that fails says why and saves nothing', async () => {
    const before = await live();
    const { c, code } = await preview('2027年版', 200);
    // Meanwhile the same label is published as an edition of the current list: the save must refuse.
    const office = await t.signIn('gkb');
    const publish = await office.submit('/staff/powers/donggua', '/staff/powers/donggua/editions', { label: '2027年版', publishedOn: '2026-11-20', docNo: '', note: '' });
    assert.equal(publish.statusCode, 303, textOf(publish.body).slice(0, 300));
    const confirm = await c.submit('/staff/powers/donggua', '/staff/powers/donggua/import/confirm', { code });
    const runCode = String(confirm.headers.location).split('/').pop()!;
    await waitForImportRun(runCode);
    const page = await c.get(String(confirm.headers.location));
    assert.match(textOf(page.body), /权责清单导入未完成/);
    assert.match(textOf(page.body), /没有保存任何内容：本单位已有同名版本，请换一个版本名称/);
    assert.equal(await live(), before);
  });
});
