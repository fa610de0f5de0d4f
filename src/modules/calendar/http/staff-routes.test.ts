import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, textOf, type TestApp, type TestClient } from '../../../core/testing/index.ts';
import { verifyAuditChain } from '../../../core/audit/index.ts';

/** The fields of the form posting to `action`, as a browser would send them. */
function formFields(html: string, action: string): Record<string, string> {
  const start = html.indexOf(`action="${action}"`);
  assert.ok(start >= 0, `a form posting to ${action}`);
  const form = html.slice(start, html.indexOf('</form>', start));
  const unescape = (s: string) => s.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
  const out: Record<string, string> = {};
  for (const m of form.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)) out[m[1]!] = unescape(m[2]!);
  return out;
}

// A plausible start of the 2027 schedule (元旦 and 春节), typed the way an admin would.
const SCHEDULE_2027 = ['2027-01-01~2027-01-03 放假 元旦', '', '2027-02-06~2027-02-14 放假 春节', '2027-02-20 上班 春节'].join('\n');

describe('calendar administration', () => {
  let t: TestApp;
  let admin: TestClient;
  before(async () => {
    t = await createTestApp();
    admin = await t.signIn('admin');
  });
  after(async () => t.dispose());

  it('lists the stored years with their counts and warns that 2027 is missing', async () => {
    const res = await admin.get('/staff/calendar');
    assert.equal(res.statusCode, 200);
    const text = textOf(res.body);
    assert.match(text, /2026年 国务院办公厅关于2026年部分节假日安排的通知（2025-11-04） 33天 6天 248天 修改 2026年/);
    assert.match(text, /2025年 国办发明电〔2024〕12号 \d+天 5天 248天/);
    assert.match(text, /已录入的年度（共3个）/);
    assert.match(text, /工作日历尚未录入2027年的节假日安排/);
    // Deadlines into a year not entered are counted provisionally (as requests do), not refused.
    assert.match(text, /跨入2027年的期限按暂定日历计算（周末和全部法定节假日，不含调休），标注“暂定”/);
    assert.match(text, /最后录入年份的下一年尚未录入时，跨入该年的期限按暂定日历计算/);
    assert.doesNotMatch(text, /无法计算/);
    assert.match(res.body, /href="\/staff\/calendar\/new"/);
    assert.match(res.body, /href="\/staff\/calendar\/2026\/edit"/);
  });

  it('lets the openness office look but not edit, and refuses other staff with 403', async () => {
    const gkb = await t.signIn('gkb');
    const list = await gkb.get('/staff/calendar');
    assert.equal(list.statusCode, 200);
    assert.doesNotMatch(list.body, /录入新年度/);
    assert.doesNotMatch(list.body, /\/edit"/);
    assert.equal((await gkb.get('/staff/calendar/new')).statusCode, 403);
    assert.equal((await gkb.get('/staff/calendar/2026/edit')).statusCode, 403);

    const editor = await t.signIn('czj_editor');
    assert.equal((await editor.get('/staff/calendar')).statusCode, 403);
    assert.equal((await editor.get('/staff/calendar/new')).statusCode, 403);
    const post = await editor.submit('/staff', '/staff/calendar/new', { year: '2027', source: 'x', lines: '2027-01-01 放假 元旦', base: 'new' });
    assert.equal(post.statusCode, 403);
    const preview = await editor.submit('/staff', '/staff/calendar/new/preview', { year: '2027', source: 'x', lines: '2027-01-01 放假 元旦' });
    assert.equal(preview.statusCode, 403);
    assert.equal((await t.client().get('/staff/calendar')).statusCode, 303, 'anonymous visitors are sent to sign in');
  });

  it('re-renders the form with line-numbered errors and the input kept', async () => {
    const lines = '2027-01-01 放假 元旦\n2027-02-30 放假 春节\n2027-02-08 上班 春节';
    const res = await admin.submit('/staff/calendar/new', '/staff/calendar/new/preview', { year: '2027', source: '', lines });
    assert.equal(res.statusCode, 400);
    const text = textOf(res.body);
    assert.match(text, /请填写依据（发文字号或通知名称）/);
    assert.match(text, /放假和调休上班安排有2处问题，请逐行修改/);
    assert.match(text, /第2行：“2027-02-30”不是有效日期/);
    assert.match(text, /第3行：2027-02-08 是星期一，调休上班日应为周六或周日/);
    assert.match(res.body, /name="year"[^>]*value="2027"/);
    assert.ok(res.body.includes(`>${lines}</textarea>`), 'textarea keeps the text');

    const taken = await admin.submit('/staff/calendar/new', '/staff/calendar/new/preview', { year: '2026', source: 'x', lines: '2026-01-01 放假 元旦' });
    assert.equal(taken.statusCode, 400);
    assert.match(textOf(taken.body), /2026年已录入。如需更正，请在工作日历列表中选择“修改”/);

    const badYear = await admin.submit('/staff/calendar/new', '/staff/calendar/new/preview', { year: '20x7', source: 'x', lines: '2027-01-01 放假 元旦' });
    assert.equal(badYear.statusCode, 400);
    assert.match(textOf(badYear.body), /年度应为整数/);
  });

  it('previews a new year, saves it on confirmation, and then computes into 2027', async () => {
    const provisionalDue = async () => JSON.parse((await t.client().get('/api/v1/calendar/add?start=2026-12-25&days=10')).body).provisional;
    assert.equal(await provisionalDue(), true, 'before it is entered, 2027 counts as 暂定');

    const form = await admin.get('/staff/calendar/new');
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /name="year"[^>]*value="2027"/, 'suggests the year after the last one');

    const preview = await admin.submit('/staff/calendar/new', '/staff/calendar/new/preview', { year: '2027', source: '国办发明电〔2026〕9号', lines: SCHEDULE_2027 });
    assert.equal(preview.statusCode, 200);
    const text = textOf(preview.body);
    assert.match(text, /核对新录入的2027年工作日历/);
    assert.match(text, /放假天数 12天/);
    assert.match(text, /调休上班天数 1天/);
    // 261 weekdays in 2027, 6 of them off (01-01, 02-08…02-12), one 调休 Saturday.
    assert.match(text, /全年工作日 256天/);
    assert.match(text, /新增的日期（13天）/);
    assert.match(text, /2027-02-20（星期六） 调休上班 春节/);
    assert.equal(await provisionalDue(), true, 'a preview saves nothing');

    const fields = formFields(preview.body, '/staff/calendar/new');
    assert.equal(fields.year, '2027');
    assert.equal(fields.base, 'new');
    assert.match(fields.lines!, /^2027-01-01 放假 元旦\n2027-01-02 放假 元旦\n/);
    const saved = await admin.post('/staff/calendar/new', fields);
    assert.equal(saved.statusCode, 303);
    assert.equal(saved.headers.location, '/staff/calendar');
    const list = await admin.get('/staff/calendar');
    assert.match(textOf(list.body), /已保存2027年工作日历：放假12天，调休上班1天，全年工作日256天。/);
    assert.match(textOf(list.body), /2027年 国办发明电〔2026〕9号 12天 1天 256天/);
    assert.doesNotMatch(textOf(list.body), /尚未录入2027年/);

    const api = await t.client().get('/api/v1/calendar/add?start=2026-12-25&days=10');
    assert.equal(api.statusCode, 200);
    const body = JSON.parse(api.body);
    assert.equal(body.due, '2027-01-11');
    assert.equal(body.provisional, false);
    assert.deepEqual(
      body.skipped.map((s: { date: string }) => s.date),
      ['2026-12-26', '2026-12-27', '2027-01-01', '2027-01-02', '2027-01-03', '2027-01-09', '2027-01-10'],
    );
    assert.match(textOf((await t.client().get('/calendar')).body), /2027年放假和调休上班安排/);

    const audit = await t.core.pool.query(
      `SELECT actor_name, summary FROM audit_log WHERE action = 'calendar.year-added' AND target_type = 'calendar_year' AND target_id = '2027'`,
    );
    assert.equal(audit.rowCount, 1);
    assert.equal(audit.rows[0].actor_name, '系统管理员（admin）');
    assert.deepEqual(audit.rows[0].summary, { before: null, after: { holidays: 12, workdays: 1, source: '国办发明电〔2026〕9号' } });

    // Confirming the same page again must not overwrite the now stored year.
    const again = await admin.post('/staff/calendar/new', fields);
    assert.equal(again.statusCode, 400);
    assert.match(textOf(again.body), /2027年已录入/);
  });

  it('shows what a correction changes, refuses a stale confirmation, and saves the correction', async () => {
    const edit = await admin.get('/staff/calendar/2027/edit');
    assert.equal(edit.statusCode, 200);
    assert.match(edit.body, /2027-01-03 放假 元旦\n2027-02-06 放假 春节/);
    assert.match(textOf(edit.body), /年度： 2027年/);

    // 春节 one day shorter, 元旦 adds a make-up Sunday, 02-20 becomes a day off.
    const lines = ['2027-01-01~2027-01-03 放假 元旦', '2027-01-10 上班 元旦', '2027-02-06~2027-02-13 放假 春节', '2027-02-20 放假 春节'].join('\n');
    const preview = await admin.submit('/staff/calendar/2027/edit', '/staff/calendar/2027/edit/preview', { source: '国办发明电〔2026〕9号', lines });
    assert.equal(preview.statusCode, 200);
    const text = textOf(preview.body);
    assert.match(text, /核对2027年工作日历的修改/);
    assert.match(text, /依据 国办发明电〔2026〕9号（未变）/);
    assert.match(text, /新增的日期（1天） 日期 类型 节日 2027-01-10（星期日） 调休上班 元旦/);
    assert.match(text, /删除的日期（1天） 日期 类型 节日 2027-02-14（星期日） 放假 春节/);
    assert.match(text, /改变的日期（1天） 日期 原来 改为 2027-02-20（星期六） 调休上班（春节） 放假（春节）/);
    // +1 for the make-up Sunday, −1 for 02-20 no longer being a make-up day; 02-14 was a Sunday anyway.
    assert.match(text, /全年工作日 256天（未变）/);
    const fields = formFields(preview.body, '/staff/calendar/2027/edit');

    // Someone else saves a different correction in between.
    const other = await admin.submit('/staff/calendar/2027/edit', '/staff/calendar/2027/edit/preview', { source: '国办发明电〔2026〕10号', lines: SCHEDULE_2027 });
    const saveOther = await admin.post('/staff/calendar/2027/edit', formFields(other.body, '/staff/calendar/2027/edit'));
    assert.equal(saveOther.statusCode, 303);

    const stale = await admin.post('/staff/calendar/2027/edit', fields);
    assert.equal(stale.statusCode, 409);
    assert.match(textOf(stale.body), /在您核对期间，2027年的工作日历已被修改/);
    assert.match(textOf(stale.body), /依据 国办发明电〔2026〕10号 → 国办发明电〔2026〕9号/);

    const saved = await admin.post('/staff/calendar/2027/edit', formFields(stale.body, '/staff/calendar/2027/edit'));
    assert.equal(saved.statusCode, 303);
    const api = await t.client().get('/api/v1/calendar/days?from=2027-01-10&to=2027-01-10');
    assert.deepEqual(JSON.parse(api.body).days, [{ date: '2027-01-10', working: true, kind: 'workday', name: '元旦' }]);
    const corrected = await t.core.pool.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'calendar.year-corrected' AND target_id = '2027'`);
    assert.equal(corrected.rows[0].n, 2);
  });

  it('does not save a confirmation without changes, and 404s for a year not stored', async () => {
    const edit = await admin.get('/staff/calendar/2026/edit');
    const lines = /<textarea[^>]*>([\s\S]*?)<\/textarea>/.exec(edit.body)![1]!;
    const source = /name="source"[^>]*value="([^"]*)"/.exec(edit.body)![1]!;
    const preview = await admin.submit('/staff/calendar/2026/edit', '/staff/calendar/2026/edit/preview', { source, lines });
    assert.equal(preview.statusCode, 200);
    assert.match(textOf(preview.body), /内容与已保存的数据相同，无需保存。/);
    assert.doesNotMatch(preview.body, /确认保存/);

    assert.equal((await admin.get('/staff/calendar/2031/edit')).statusCode, 404);
    assert.equal((await admin.get('/staff/calendar/abc/edit')).statusCode, 404);
    const post = await admin.submit('/staff/calendar', '/staff/calendar/2031/edit/preview', { source: 'x', lines: '2031-01-01 放假 元旦' });
    assert.equal(post.statusCode, 404);
  });

  it('keeps the audit chain intact', async () => {
    assert.equal((await verifyAuditChain(t.core.db)).ok, true);
  });
});
