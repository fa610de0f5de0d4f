// The demo 舆情 register loads once, in every step, and the office's board and the public column show it.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, textOf, type TestApp } from '../../../core/testing/index.ts';
import { seedOpinionDemo } from './seed-demo.ts';

let t: TestApp;
let root = 0;
before(async () => {
  t = await createTestApp({ now: '2026-11-26T02:00:00Z' });
  root = Number((await t.core.pool.query("SELECT id FROM units WHERE slug = 'city-government'")).rows[0].id);
  await seedOpinionDemo(t.core, root, () => {});
  await seedOpinionDemo(t.core, root, () => {});
});
after(async () => t.dispose());

describe('demo 舆情 register', () => {
  it('holds a dozen items once: 9 closed, 3 open (one overdue, one raised to 重大)', async () => {
    const r = (await t.core.pool.query("SELECT state, count(*)::int AS n FROM opinion_items WHERE root_unit_id = $1 GROUP BY state ORDER BY state", [root])).rows;
    assert.deepEqual(r, [
      { state: 'closed', n: 9 },
      { state: 'open', n: 3 },
    ]);
    const kinds = (await t.core.pool.query('SELECT DISTINCT kind FROM opinion_steps ORDER BY kind')).rows.map((x) => x.kind);
    assert.deepEqual(kinds, ['assess', 'consult', 'evaluate', 'handover', 'level', 'reassign', 'register', 'respond']);
  });

  it('the board shows the overdue 48 h item in red and the raised one with 2 hours left', async () => {
    const office = await t.signIn('gkb');
    const board = await office.get('/staff/opinion/board');
    assert.equal(board.statusCode, 200);
    const text = textOf(board.body);
    assert.match(text, /网传“楚雄南站将更名” 一般 楚雄市交通运输局 予以回应（48小时）：2026-11-26 06:00前，已超时4小时/);
    assert.match(text, /工业园区周边居民反映夜间异味 重大 楚雄州生态环境局楚雄分局 发布权威信息（5小时）：2026-11-26 12:00前，还剩2小时/);
    // Late answers: the school canteen's press conference (30 h) and the 医保 website answer (50 h).
    assert.match(text, /某小学食堂饭菜质量问题引发家长关注.*超时完成/);
    assert.match(text, /城乡居民医保缴费标准调整被误读为“翻倍”.*超时完成/);
  });

  it('the public column lists the five responses with their units', async () => {
    const page = await t.client().get('/opinion');
    assert.equal(page.statusCode, 200);
    assert.match(textOf(page.body), /共5条/);
    assert.match(textOf(page.body), /公交票价调整后，老年人还能免费乘车吗？ 楚雄市交通运输局/);
  });
});
