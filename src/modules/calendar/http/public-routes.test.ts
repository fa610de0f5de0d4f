import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, textOf, type TestApp } from '../../../core/testing/index.ts';

describe('working-day calculator page', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(async () => t.dispose());

  it('shows the empty form and the holiday arrangements of each stored year', async () => {
    const res = await t.client().get('/calendar');
    assert.equal(res.statusCode, 200);
    const text = textOf(res.body);
    assert.match(res.body, /<form method="get" action="\/calendar"/);
    assert.match(text, /起算日期/);
    assert.match(text, /工作日天数/);
    assert.doesNotMatch(text, /计算结果/);
    for (const y of [2024, 2025, 2026]) assert.match(text, new RegExp(`${y}年放假和调休上班安排`));
    assert.match(text, /依据：国办发明电〔2024〕12号/);
    // 2026 春节: nine days off, two 调休 Saturdays.
    assert.match(text, /春节 2026-02-15（星期日） 至 2026-02-23（星期一） 9天 2026-02-14（星期六）、2026-02-28（星期六）/);
    assert.match(text, /国庆节、中秋节 2025-10-01（星期三） 至 2025-10-08（星期三） 8天 2025-09-28（星期日）、2025-10-11（星期六）/);
    // Newest year first.
    assert.ok(text.indexOf('2026年放假和调休上班安排') < text.indexOf('2025年放假和调休上班安排'));
  });

  it('computes the due date of the regulation example and lists the skipped days', async () => {
    const res = await t.client().get('/calendar?start=2025-09-22&days=20');
    assert.equal(res.statusCode, 200);
    const text = textOf(res.body);
    assert.match(text, /期限届满日 2025-10-24（星期五）/);
    assert.match(text, /起算日期 2025-09-22（星期一）/);
    assert.match(text, /起算日不计入（《民法典》第二百零一条），自 2025-09-23 起计算/);
    assert.match(text, /跳过的非工作日共12天（周末4天，法定节假日8天）/);
    assert.match(text, /2025-09-27（星期六） 周末/);
    assert.match(text, /2025-10-01（星期三） 法定节假日（国庆节、中秋节）/);
    assert.match(text, /2025-10-19（星期日） 周末/);
    assert.match(res.body, /name="start"[^>]*value="2025-09-22"/);
    assert.match(res.body, /name="days"[^>]*value="20"/);
  });

  it('re-renders with Chinese field errors and the input kept (400)', async () => {
    const res = await t.client().get('/calendar?start=2025-02-30&days=abc');
    assert.equal(res.statusCode, 400);
    const text = textOf(res.body);
    assert.match(text, /提交的内容有2处问题/);
    assert.match(text, /起算日期应为有效日期，格式如 2025-10-24/);
    assert.match(text, /工作日天数应为整数/);
    assert.match(res.body, /value="2025-02-30"/);
    assert.match(res.body, /value="abc"/);
    assert.match(res.body, /aria-invalid="true"/);
    assert.doesNotMatch(text, /计算结果/);

    const empty = await t.client().get('/calendar?start=&days=');
    assert.equal(empty.statusCode, 400);
    assert.match(textOf(empty.body), /请填写起算日期/);
    assert.match(textOf(empty.body), /请填写工作日天数/);

    const big = await t.client().get('/calendar?start=2025-09-22&days=401');
    assert.equal(big.statusCode, 400);
    assert.match(textOf(big.body), /工作日天数不能大于400/);
  });

  it('does not echo a huge value back in full', async () => {
    const res = await t.client().get(`/calendar?start=${'x'.repeat(3000)}&days=1`);
    assert.equal(res.statusCode, 400);
    assert.match(res.body, new RegExp(`value="${'x'.repeat(50)}"`));
    assert.doesNotMatch(res.body, new RegExp('x'.repeat(51)));
  });

  it('counts the year after the last one entered provisionally, and says so', async () => {
    // Fri 2026-12-25 + 10: 28–31 Dec (4), 元旦 Fri 1 Jan and the weekend skipped, 4–8 Jan (9), Mon 11 Jan (10).
    const res = await t.client().get('/calendar?start=2026-12-25&days=10');
    assert.equal(res.statusCode, 200);
    const text = textOf(res.body);
    assert.match(text, /期限届满日 2027-01-11（星期一）/);
    assert.match(text, /法定节假日（元旦（暂定））/);
    assert.match(text, /暂定： 2027年的节假日安排尚未录入/);
  });

  it('says which year is missing beyond the provisional one instead of guessing (422)', async () => {
    const res = await t.client().get('/calendar?start=2027-12-25&days=10');
    assert.equal(res.statusCode, 422);
    assert.match(textOf(res.body), /无法计算 工作日历缺少 2028 年的节假日安排/);
    assert.match(res.body, /value="2027-12-25"/);
  });

  it('works for 0 days: the due date is the start date', async () => {
    const res = await t.client().get('/calendar?start=2026-10-01&days=0');
    assert.equal(res.statusCode, 200);
    assert.match(textOf(res.body), /期限届满日 2026-10-01（星期四）/);
    assert.match(textOf(res.body), /计算期间没有跳过任何非工作日/);
  });
});
