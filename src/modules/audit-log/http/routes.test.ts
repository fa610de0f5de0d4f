import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { createTestApp, textOf, type TestApp, type TestClient } from '../../../core/testing/index.ts';
import { writeAudit, systemActor } from '../../../core/audit/index.ts';

describe('audit log pages', () => {
  let t: TestApp;
  let auditor: TestClient;
  let editorId: number;

  before(async () => {
    t = await createTestApp({ now: '2026-11-26T02:00:00Z' });
    auditor = await t.signIn('auditor');
    await t.signIn('czj_editor');
    const r = await t.core.pool.query(`SELECT id FROM staff_users WHERE username = 'czj_editor'`);
    editorId = Number(r.rows[0].id);
  });
  after(async () => t.dispose());

  it('shows the auditor every row, newest first, with Chinese labels and an intact chain', async () => {
    const res = await auditor.get('/staff/audit');
    assert.equal(res.statusCode, 200);
    const text = textOf(res.body);
    const total = Number((await t.core.pool.query('SELECT count(*) AS n FROM audit_log')).rows[0].n);
    assert.match(text, new RegExp(`共 ${total} 条记录`));
    assert.match(text, new RegExp(`哈希链完整：共 ${total} 条记录`));
    assert.match(text, /载入演示账号/);
    assert.match(text, /新增年度节假日安排/);
    assert.match(text, /2026-11-26 10:00/);
    // Newest first: the editor's sign-in comes before the auditor's.
    assert.ok(text.indexOf('张信息（财政局信息员）（czj_editor）') < text.indexOf('审计员（auditor）'));
    assert.match(res.body, /<th scope="col">请求编号<\/th>/);
    assert.match(res.body, /href="\/staff\/audit\/export\.csv"/);
  });

  it('filters by action, actor, unit, date and target', async () => {
    const byAction = textOf((await auditor.get('/staff/audit?action=auth.login')).body);
    assert.match(byAction, /共 2 条记录/);
    assert.match(byAction, /张信息（财政局信息员）（czj_editor）/);
    assert.match(byAction, /审计员（auditor）/);
    assert.doesNotMatch(byAction, /载入演示账号 /);

    const byActor = textOf((await auditor.get('/staff/audit?actor=czj_edit')).body);
    assert.match(byActor, /共 1 条记录/);
    const byName = textOf((await auditor.get(`/staff/audit?actor=${encodeURIComponent('财政局信息员')}`)).body);
    assert.match(byName, /共 1 条记录/);

    const byUnit = await auditor.get('/staff/audit?unit=finance&action=auth.login');
    assert.equal(byUnit.statusCode, 200);
    assert.match(textOf(byUnit.body), /共 1 条记录/);
    assert.match(textOf(byUnit.body), /楚雄市财政局/);
    // The export links carry the filters.
    assert.match(byUnit.body, /href="\/staff\/audit\/export\.xlsx\?unit=finance&amp;action=auth\.login"/);

    assert.match(textOf((await auditor.get('/staff/audit?from=2026-11-27')).body), /共 0 条记录.*没有符合条件的记录/);
    assert.match(textOf((await auditor.get('/staff/audit?to=2026-11-25')).body), /共 0 条记录/);
    assert.match(textOf((await auditor.get('/staff/audit?from=2026-11-26&to=2026-11-26&action=auth.login')).body), /共 2 条记录/);

    const byTarget = textOf((await auditor.get(`/staff/audit?targetType=staff_user&targetId=${editorId}`)).body);
    assert.match(byTarget, /共 1 条记录/);
    assert.match(byTarget, new RegExp(`工作人员账号 #${editorId}`));
  });

  it('pages through 50 rows at a time', async () => {
    await t.core.db.transaction(async (tx) => {
      for (let i = 1; i <= 60; i++) {
        await writeAudit(tx, systemActor, { action: 'test.bulk', targetType: 'thing', targetId: i, summary: { note: `第${i}条` } }, t.clock.now());
      }
    });
    const first = await auditor.get('/staff/audit?action=test.bulk');
    assert.match(textOf(first.body), /共 60 条记录.*第 1 \/ 2 页/);
    assert.equal((first.body.match(/thing #/g) ?? []).length, 50);
    assert.match(textOf(first.body), /thing #60 说明：第60条/);
    assert.match(first.body, /href="\/staff\/audit\?action=test\.bulk&amp;page=2"/);
    const second = await auditor.get('/staff/audit?action=test.bulk&page=2');
    assert.equal((second.body.match(/thing #/g) ?? []).length, 10);
    assert.match(textOf(second.body), /thing #1 说明：第1条/);
    // A page past the end shows the last page.
    assert.match(textOf((await auditor.get('/staff/audit?action=test.bulk&page=9')).body), /第 2 \/ 2 页/);
  });

  it('refuses everyone but the auditor', async () => {
    const unitAdmin = await t.signIn('czj_admin');
    assert.equal((await unitAdmin.get('/staff/audit')).statusCode, 403);
    assert.equal((await unitAdmin.get('/staff/audit/export.csv')).statusCode, 403);
    assert.equal((await unitAdmin.get('/staff/audit/export.xlsx')).statusCode, 403);
    const admin = await t.signIn('admin');
    assert.equal((await admin.get('/staff/audit')).statusCode, 403);
    const anon = await t.client().get('/staff/audit');
    assert.equal(anon.statusCode, 303);
    assert.equal(anon.headers.location, '/staff/login?next=%2Fstaff%2Faudit');
  });

  it('exports CSV with a BOM, a header, quoting and formula-safe cells', async () => {
    await t.core.db.transaction(async (tx) => {
      await writeAudit(tx, systemActor, { action: 'test.formula', targetType: 'thing', targetId: '=2+3', summary: { note: '含有"引号",和逗号' } }, t.clock.now());
    });
    const res = await auditor.get('/staff/audit/export.csv?action=auth.login');
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'text/csv; charset=utf-8');
    assert.match(String(res.headers['content-disposition']), /attachment; filename="audit-log-2026-11-26\.csv"/);
    assert.equal(res.rawPayload.subarray(0, 3).toString('hex'), 'efbbbf');
    const lines = res.body.replace(/^\uFEFF/, '').split('\r\n').filter(Boolean);
    assert.equal(lines[0], '记录编号,时间,操作人,单位,操作,操作代码,对象类型,对象编号,摘要,IP,请求编号');
    // Four sign-ins so far: auditor, czj_editor, then czj_admin and admin in the 403 test.
    assert.equal(lines.length, 5);
    assert.match(lines[1]!, /,系统管理员（admin）,楚雄市人民政府办公室,登录,auth\.login,/);
    const editorLine = lines.find((l) => l.includes('czj_editor'))!;
    assert.match(editorLine, new RegExp(`^\\d+,2026-11-26 10:00:00,张信息（财政局信息员）（czj_editor）,楚雄市财政局,登录,auth\\.login,工作人员账号,${editorId},—,`));

    const formula = await auditor.get('/staff/audit/export.csv?action=test.formula');
    const row = formula.body.split('\r\n')[1]!;
    assert.match(row, /,test\.formula,thing,'=2\+3,"说明：含有""引号"",和逗号",/);
  });

  it('exports the same rows as an Excel workbook with a bold, frozen header', async () => {
    const csv = await auditor.get('/staff/audit/export.csv');
    const csvRows = csv.body.split('\r\n').filter(Boolean).length - 1;
    const res = await auditor.get('/staff/audit/export.xlsx');
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    // One more: the CSV export's own audit row.
    assert.equal(Number(res.headers['x-export-total']), csvRows + 1);
    assert.ok(csvRows > 60, 'all rows, not one page');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('审计日志')!;
    assert.equal(ws.rowCount, csvRows + 2);
    assert.equal(ws.getCell('A1').value, '记录编号');
    assert.equal(ws.getCell('I1').value, '摘要');
    assert.equal(ws.getRow(1).font?.bold, true);
    assert.equal(ws.views[0]?.state, 'frozen');
    assert.equal((ws.views[0] as { ySplit?: number }).ySplit, 1);
    assert.equal(ws.getColumn(9).width, 60);
    // Newest first: this export's own record, the earlier exports' (four in this file), then the rest;
    // the time is text in Asia/Shanghai.
    for (const r of [2, 3, 4, 5]) assert.equal(ws.getCell(`E${r}`).value, '导出含个人信息的清单');
    assert.equal(ws.getCell('E6').value, 'test.formula');
    assert.equal(ws.getCell('B6').value, '2026-11-26 10:00:00');
  });

  it('re-renders the page with field errors for bad filters, never a 500', async () => {
    const badDate = await auditor.get('/staff/audit?from=2026-13-01');
    assert.equal(badDate.statusCode, 400);
    assert.match(textOf(badDate.body), /起始日期应为有效日期，格式如 2025-10-24/);
    assert.match(badDate.body, /value="2026-13-01"/);
    assert.match(textOf(badDate.body), /请先更正上面的筛选条件/);

    const badPage = await auditor.get('/staff/audit?page=-5');
    assert.equal(badPage.statusCode, 400);
    assert.match(textOf(badPage.body), /页码不能小于1/);
    assert.match(badPage.body, /href="#f-page"/);
    assert.match(badPage.body, /<input id="f-page" name="page" type="text" value="-5"/);
    assert.equal((await auditor.get('/staff/audit?page=abc')).statusCode, 400);

    const huge = await auditor.get(`/staff/audit?actor=${'x'.repeat(20000)}&targetId=${'9'.repeat(5000)}`);
    assert.equal(huge.statusCode, 400);
    assert.match(textOf(huge.body), /操作人不能超过50个字/);
    assert.match(textOf(huge.body), /对象编号不能超过100个字/);
    assert.ok(huge.body.length < 30000, 'the huge value is not echoed whole');

    const reversed = await auditor.get('/staff/audit?from=2026-11-27&to=2026-11-01');
    assert.equal(reversed.statusCode, 400);
    assert.match(textOf(reversed.body), /截止日期不能早于起始日期/);

    const unknown = await auditor.get('/staff/audit?unit=nowhere&action=no.such');
    assert.equal(unknown.statusCode, 400);
    assert.match(textOf(unknown.body), /请从列表中选择单位/);
    assert.match(textOf(unknown.body), /请从列表中选择操作/);

    const repeated = await auditor.get('/staff/audit?action=auth.login&action=x&from[]=1');
    assert.notEqual(repeated.statusCode, 500);

    const badExport = await auditor.get('/staff/audit/export.csv?from=2026-02-30');
    assert.equal(badExport.statusCode, 400);
    assert.match(badExport.headers['content-type'] as string, /text\/html/);
    assert.match(textOf(badExport.body), /起始日期应为有效日期/);
    assert.equal((await auditor.get('/staff/audit/export.xlsx?page=0')).statusCode, 400);
  });

  it('shows a broken hash chain in red, naming the row', async () => {
    const { rows } = await t.core.pool.query(`SELECT id FROM audit_log WHERE action = 'auth.login' ORDER BY id LIMIT 1`);
    const id = Number(rows[0].id);
    await t.core.pool.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update');
    try {
      await t.core.pool.query(`UPDATE audit_log SET summary = '{"note":"改过"}' WHERE id = $1`, [id]);
    } finally {
      await t.core.pool.query('ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update');
    }
    const res = await auditor.get('/staff/audit');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /class="status-bad"/);
    assert.match(textOf(res.body), new RegExp(`哈希链在第 ${id} 条记录处断裂：第 ${id} 条记录的内容与其哈希不符`));
  });
});
