import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, textOf, type TestApp } from '../../../core/testing/index.ts';

function csrfOf(html: string): string {
  return /name="_csrf" value="([^"]+)"/.exec(html)![1]!;
}

async function idOf(t: TestApp, name: string): Promise<number> {
  return Number((await t.core.pool.query('SELECT id FROM msg_subjects WHERE name = $1', [name])).rows[0].id);
}

describe('主题分类: edited by the openness office, offered by the intake forms, kept on old items, used by the filter', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ now: '2026-09-29T02:00:00Z' });
  });
  after(async () => t.dispose());

  it('add, rename, reorder, retire; a retired subject stays on an old item and leaves the forms', async () => {
    const gkb = await t.signIn('gkb');
    let page = await gkb.get('/staff/messages/subjects');
    assert.equal(page.statusCode, 200);
    assert.match(textOf(page.body), /城乡建设/, 'the default tree');
    const csrf = csrfOf(page.body);
    const top = await idOf(t, '城乡建设');

    // Bad input: a message at the field, input kept, 400.
    let res = await gkb.post('/staff/messages/subjects', { _csrf: csrf, op: 'add', parentId: String(top), name: '市政设施' });
    assert.equal(res.statusCode, 400);
    assert.match(textOf(res.body), /同一级已有“市政设施”/);
    res = await gkb.post('/staff/messages/subjects', { _csrf: csrf, op: 'add', parentId: '', name: '' });
    assert.equal(res.statusCode, 400);
    assert.match(textOf(res.body), /请填写分类名称/);
    res = await gkb.post('/staff/messages/subjects', { _csrf: csrf, op: 'add', parentId: String(await idOf(t, '市政设施')), name: '路灯' });
    assert.equal(res.statusCode, 400);
    assert.match(textOf(res.body), /分类最多两级/);
    res = await gkb.post('/staff/messages/subjects', { _csrf: csrf, op: 'add', parentId: 'abc', name: '路灯' });
    assert.equal(res.statusCode, 400);

    res = await gkb.post('/staff/messages/subjects', { _csrf: csrf, op: 'add', parentId: String(top), name: '路灯照明' });
    assert.equal(res.statusCode, 303);
    const lamp = await idOf(t, '路灯照明');
    res = await gkb.post('/staff/messages/subjects', { _csrf: csrf, op: 'rename', id: String(lamp), [`name-${lamp}`]: '道路照明' });
    assert.equal(res.statusCode, 303);
    res = await gkb.post('/staff/messages/subjects', { _csrf: csrf, op: 'up', id: String(lamp) });
    assert.equal(res.statusCode, 303);
    const order = (await t.core.pool.query('SELECT name FROM msg_subjects WHERE parent_id = $1 ORDER BY position, id', [top])).rows.map((r) => r.name);
    assert.deepEqual(order, ['市政设施', '住房保障', '物业管理', '道路照明', '建筑施工']);

    // The public form offers it; a message is filed under it.
    const caller = t.client();
    const form = await caller.get('/messages/write/mayor');
    assert.match(form.body, new RegExp(`<option value="${lamp}"[^>]*>城乡建设 › 道路照明</option>`));
    const key = /name="idempotencyKey" value="([^"]+)"/.exec(form.body)![1]!;
    const fields = { _csrf: csrfOf(form.body), idempotencyKey: key, kind: 'help', title: '团结路路灯不亮', content: '团结路中段路灯已经坏了半个月，晚上出行很不安全。', callerName: '李明', callerPhone: '13887801234', callerEmail: '', allowPublication: 'no' };
    const bad = await caller.post('/messages/write/mayor', { ...fields, subjectId: '999999' });
    assert.equal(bad.statusCode, 400);
    assert.match(textOf(bad.body), /请从列表中选择主题分类/);
    const sent = await caller.post('/messages/write/mayor', { ...fields, subjectId: String(lamp) });
    assert.equal(sent.statusCode, 200);
    const itemNo = /id="item-no">([^<]+)</.exec(sent.body)![1]!;

    // Retire: gone from the form, still on the item (marked), the filter still finds it.
    page = await gkb.get('/staff/messages/subjects');
    res = await gkb.post('/staff/messages/subjects', { _csrf: csrfOf(page.body), op: 'retire', id: String(lamp) });
    assert.equal(res.statusCode, 303);
    const form2 = await t.client().get('/messages/write/mayor');
    assert.doesNotMatch(form2.body, /道路照明/);
    const itemPage = await gkb.get(`/staff/messages/${itemNo}`);
    assert.match(textOf(itemPage.body), /主题分类 城乡建设 › 道路照明（已停用）/);
    const byChild = await gkb.get(`/staff/messages?subject=${lamp}`);
    assert.match(byChild.body, new RegExp(itemNo));
    assert.match(textOf(byChild.body), /共 1 件/);
    const byParent = await gkb.get(`/staff/messages?subject=${top}`);
    assert.match(byParent.body, new RegExp(itemNo), 'a first-level subject takes its children');
    const other = await gkb.get(`/staff/messages?subject=${await idOf(t, '教育')}`);
    assert.match(textOf(other.body), /共 0 件/);

    // Only the openness office edits the tree.
    const unit = await t.signIn('czj_admin');
    assert.equal((await unit.get('/staff/messages/subjects')).statusCode, 403);
    const audits = (await t.core.pool.query("SELECT action FROM audit_log WHERE action LIKE 'messages.subject_%' ORDER BY id")).rows.map((r) => r.action);
    assert.deepEqual(audits, ['messages.subject_added', 'messages.subject_renamed', 'messages.subject_moved', 'messages.subject_retired']);
  });

  it('the openness office changes an item\'s 主题分类 after intake: checked, in the history, audited; units may not', async () => {
    const caller = t.client();
    const form = await caller.get('/messages/write/mayor');
    const key = /name="idempotencyKey" value="([^"]+)"/.exec(form.body)![1]!;
    const sent = await caller.post('/messages/write/mayor', { _csrf: csrfOf(form.body), idempotencyKey: key, kind: 'complaint', title: '工地夜间施工噪音', content: '北浦路工地每天夜里施工到凌晨，吵得无法入睡。', callerName: '王芳', callerPhone: '13887805678', callerEmail: '', allowPublication: 'no' });
    assert.equal(sent.statusCode, 200);
    const itemNo = /id="item-no">([^<]+)</.exec(sent.body)![1]!;
    const gkb = await t.signIn('gkb');
    const page = await gkb.get(`/staff/messages/${itemNo}`);
    assert.match(page.body, /id="reclassify"/);
    const csrf = csrfOf(page.body);
    const noise = await idOf(t, '噪声污染');

    // Not one of the choices: a message at the field, the choice kept, nothing changed.
    let res = await gkb.post(`/staff/messages/${itemNo}/subject`, { _csrf: csrf, subjectId: String(await idOf(t, '生态环境')) });
    assert.equal(res.statusCode, 400, 'a first-level subject with children is not offered');
    assert.match(textOf(res.body), /请从列表中选择主题分类/);
    res = await gkb.post(`/staff/messages/${itemNo}/subject`, { _csrf: csrf, subjectId: 'abc' });
    assert.equal(res.statusCode, 400);

    res = await gkb.post(`/staff/messages/${itemNo}/subject`, { _csrf: csrf, subjectId: String(noise) });
    assert.equal(res.statusCode, 303);
    const after = await gkb.get(`/staff/messages/${itemNo}`);
    assert.match(textOf(after.body), /主题分类 生态环境 › 噪声污染/);
    assert.match(textOf(after.body), /更改主题分类.*未分类 → 生态环境 › 噪声污染/s);
    // The same again changes nothing; back to none is allowed.
    res = await gkb.post(`/staff/messages/${itemNo}/subject`, { _csrf: csrf, subjectId: String(noise) });
    assert.equal(res.statusCode, 303);
    res = await gkb.post(`/staff/messages/${itemNo}/subject`, { _csrf: csrf, subjectId: '' });
    assert.equal(res.statusCode, 303);
    const changes = (await t.core.pool.query("SELECT summary FROM audit_log WHERE action = 'messages.subject_changed' AND target_id = $1 ORDER BY id", [itemNo])).rows.map((r) => r.summary.after.subjectId);
    assert.deepEqual(changes, [noise, null]);

    const unit = await t.signIn('czj_admin');
    const unitPage = await unit.get(`/staff/messages/${itemNo}`);
    assert.doesNotMatch(unitPage.body, /id="reclassify"/);
    res = await unit.post(`/staff/messages/${itemNo}/subject`, { _csrf: csrfOf(unitPage.body.includes('_csrf') ? unitPage.body : page.body), subjectId: String(noise) });
    assert.ok(res.statusCode === 403 || res.statusCode === 404, `a unit may not (${res.statusCode})`);
  });
});
