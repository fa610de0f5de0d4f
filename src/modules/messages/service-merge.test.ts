import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../../core/testing/index.ts';
import { act, findItemByNo, submitMessage, type MessageActor } from './service.ts';
import { duplicatesOf, mainItemOf, mergeItem, recordMergedVisit, unmergeItem } from './service-merge.ts';
import { textOf } from '../../core/testing/index.ts';
import { dashboard, unitStatistics } from './service-read.ts';
import { FIELDS, callerActor, staffActor, unitId } from './testing/actors.ts';

describe('并单 through the real database', () => {
  let t: TestApp;
  let gkb: MessageActor;
  let finance: MessageActor;
  let root: number;
  before(async () => {
    t = await createTestApp({ now: '2026-09-29T02:00:00Z' });
    gkb = await staffActor(t, 'gkb');
    finance = await staffActor(t, 'czj_admin');
    root = (gkb as { user: { rootUnitId: number } }).user.rootUnitId;
  });
  after(async () => t.dispose());

  const submit = (key: string, over: Partial<typeof FIELDS> = {}) =>
    submitMessage(t.core, { rootUnitId: root, channel: 'mayor_mailbox', fields: { ...FIELDS, ...over }, keepIdentity: false, allowPublication: true, idempotencyKey: key, audit: callerActor.audit });

  it('finds the repeat, merges it, shares the reply, keeps counts on the main item, refuses undo after the reply', async () => {
    const a = await submit('merge-main-0123456789');
    const b = await submit('merge-repeat-0123456789', { title: '北浦路工地夜间施工噪音', content: '北浦路工地还在夜间施工，噪音很大，上次反映后仍未解决。' });
    const other = await submit('merge-other-0123456789', { callerPhone: '13800001111', title: '路灯不亮', content: '团结路的路灯坏了半个多月，晚上出行很不安全。' });
    assert.ok(a.ok && b.ok && other.ok);
    const fin = await unitId(t, 'finance');
    await act(t.core, gkb, a.item.id, 'dispatch', { unitId: fin });
    await act(t.core, gkb, b.item.id, 'dispatch', { unitId: fin });

    const dups = await duplicatesOf(t.core, (await findItemByNo(t.core.db, root, b.itemNo))!);
    assert.deepEqual(dups.map((d) => [d.itemNo, d.sameCaller]), [[a.itemNo, true]]);

    // Only the openness office merges; a unit cannot.
    assert.equal((await mergeItem(t.core, finance, b.item.id, a.itemNo, '')).ok, false);
    assert.deepEqual(await mergeItem(t.core, gkb, b.item.id, b.itemNo, ''), { ok: false, errors: { mainNo: '不能把诉求并入它自己' }, reasons: ['不能把诉求并入它自己'] });
    assert.deepEqual(await mergeItem(t.core, gkb, b.item.id, a.itemNo, '同一来电人重复反映'), { ok: true });
    // A merged item has no actions of its own, and cannot be a main item.
    assert.deepEqual(await act(t.core, finance, b.item.id, 'sign'), { ok: false, errors: {}, reasons: [`该诉求已并入 ${a.itemNo}，请在主件上办理`] });
    assert.equal((await mergeItem(t.core, gkb, other.item.id, b.itemNo, '')).ok, false);

    // Counts follow the main item: one received by the finance bureau, one open.
    const stats = await unitStatistics(t.core, root, '2026-01-01');
    assert.equal(stats.find((s) => s.unitId === fin)?.received, 1);
    assert.equal((await dashboard(t.core, root, '2026-09-29')).totals.open, 2);

    // Undo, then merge again.
    assert.deepEqual(await unmergeItem(t.core, gkb, b.item.id, ''), { ok: false, errors: { unmergeNote: '请填写撤销并单的理由' }, reasons: ['请填写撤销并单的理由'] });
    assert.deepEqual(await unmergeItem(t.core, gkb, b.item.id, '误并'), { ok: true });
    assert.equal((await findItemByNo(t.core.db, root, b.itemNo))!.mergedInto, null);
    assert.deepEqual(await mergeItem(t.core, gkb, b.item.id, a.itemNo, ''), { ok: true });

    // The main item is answered: the merged caller sees that answer; undo is no longer possible.
    await act(t.core, finance, a.item.id, 'sign');
    await act(t.core, finance, a.item.id, 'reply', { note: '已责令工地夜间停工。' });
    const merged = (await findItemByNo(t.core.db, root, b.itemNo))!;
    assert.equal((await mainItemOf(t.core.db, merged))!.replyText, '已责令工地夜间停工。');
    assert.deepEqual((await unmergeItem(t.core, gkb, b.item.id, '误并')).ok ? null : (await unmergeItem(t.core, gkb, b.item.id, '误并') as { reasons: string[] }).reasons, [`主件 ${a.itemNo} 已经答复，不能撤销并单`]);

    const history = (await t.core.pool.query('SELECT action FROM msg_history WHERE item_id = $1 ORDER BY id', [b.item.id])).rows.map((r) => r.action);
    assert.deepEqual(history, ['receive', 'dispatch', 'merge', 'unmerge', 'merge']);
    const audits = (await t.core.pool.query("SELECT action FROM audit_log WHERE target_id = $1 AND action LIKE 'messages.%merged' ORDER BY id", [b.itemNo])).rows.map((r) => r.action);
    assert.deepEqual(audits, ['messages.merged', 'messages.unmerged', 'messages.merged']);
  });

  it('each caller of a merged group gets the reply and a return visit of their own, with satisfaction (web link and call-taker)', async () => {
    const csrf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)![1]!;
    const a = await submit('visit-main-0123456789', { title: '团结路垃圾清运不及时', content: '团结路小区门口垃圾桶连续三天没有清运，气味很大。' });
    const b = await submit('visit-second-0123456789', { callerPhone: '13800002222', callerName: '周敏', title: '团结路垃圾没人清运', content: '团结路小区门口垃圾三天没有清运，臭气熏天。' });
    const c = await submit('visit-third-0123456789', { callerPhone: '13800003333', callerName: '孙立', title: '团结路垃圾堆积', content: '团结路小区门口垃圾堆积三天，无人清运。' });
    assert.ok(a.ok && b.ok && c.ok);
    assert.ok(a.ok && b.ok && c.ok);
    const fin = await unitId(t, 'finance');
    await act(t.core, gkb, a.item.id, 'dispatch', { unitId: fin });
    assert.deepEqual(await mergeItem(t.core, gkb, b.item.id, a.itemNo, ''), { ok: true });
    assert.deepEqual(await mergeItem(t.core, gkb, c.item.id, a.itemNo, ''), { ok: true });
    // Before the main item's reply is approved, a merged caller cannot rate.
    assert.equal((await recordMergedVisit(t.core, callerActor, b.item.id, { satisfaction: 'satisfied', note: '' })).ok, false);
    await act(t.core, finance, a.item.id, 'sign');
    await act(t.core, finance, a.item.id, 'reply', { note: '已安排环卫车辆每日清运两次。' });
    await act(t.core, gkb, a.item.id, 'approve_reply');

    // Caller b, by the web link: sees the main item's reply and rates 不满意 (a reason is required).
    const web = t.client();
    const form = await web.get('/messages/lookup');
    const shown = await web.post('/messages/lookup', { _csrf: csrf(form.body), itemNo: b.itemNo, code: b.lookupCode });
    assert.match(textOf(shown.body), /已安排环卫车辆每日清运两次/);
    assert.match(textOf(shown.body), /评价办理结果/);
    let res = await web.post('/messages/lookup/rate', { _csrf: csrf(shown.body), itemNo: b.itemNo, code: b.lookupCode, satisfaction: 'unsatisfied', note: '' });
    assert.equal(res.statusCode, 400);
    assert.match(textOf(res.body), /选择不满意的，请写明理由/);
    res = await web.post('/messages/lookup/rate', { _csrf: csrf(shown.body), itemNo: b.itemNo, code: b.lookupCode, satisfaction: 'unsatisfied', note: '第二天又堆满了' });
    assert.equal(res.statusCode, 200);
    assert.match(textOf(res.body), /您的评价 不满意/);
    assert.doesNotMatch(textOf(res.body), /提交评价/, 'rated once');
    res = await web.post('/messages/lookup/rate', { _csrf: csrf(shown.body), itemNo: b.itemNo, code: b.lookupCode, satisfaction: 'satisfied', note: '' });
    assert.equal(res.statusCode, 409);

    // Caller c, by the call-taker on the merged item's page.
    const office = await t.signIn('gkb');
    const page = await office.get(`/staff/messages/${c.itemNo}`);
    assert.match(textOf(page.body), /登记本诉求人的回访结果/);
    res = await office.post(`/staff/messages/${c.itemNo}/merged-visit`, { _csrf: csrf(page.body), satisfaction: '', visitNote: '' });
    assert.equal(res.statusCode, 400);
    assert.match(textOf(res.body), /请选择满意度/);
    res = await office.post(`/staff/messages/${c.itemNo}/merged-visit`, { _csrf: csrf(page.body), satisfaction: 'basically', visitNote: '电话回访' });
    assert.equal(res.statusCode, 303);

    const rows = (await t.core.pool.query('SELECT item_no, state, satisfaction FROM msg_items WHERE id = ANY($1) ORDER BY id', [[a.item.id, b.item.id, c.item.id]])).rows;
    assert.deepEqual(rows.map((r) => [r.item_no, r.state, r.satisfaction]), [
      [a.itemNo, 'visiting', null],
      [b.itemNo, 'closed', 'unsatisfied'],
      [c.itemNo, 'closed', 'basically'],
    ]);
    // The main item's history and page show each caller's own visit; its own caller still rates it.
    const mainHistory = (await t.core.pool.query(`SELECT note FROM msg_history WHERE item_id = $1 AND action = 'merged_visit' ORDER BY id`, [a.item.id])).rows.map((r) => r.note);
    assert.deepEqual(mainHistory, [`并单诉求人 ${b.itemNo} 回访评价：不满意；第二天又堆满了`, `并单诉求人 ${c.itemNo} 回访评价：基本满意；电话回访`]);
    const mainPage = await office.get(`/staff/messages/${a.itemNo}`);
    assert.match(textOf(mainPage.body), new RegExp(`${c.itemNo} .*回访：基本满意`));
    assert.deepEqual(await act(t.core, callerActor, a.item.id, 'record_visit', { satisfaction: 'satisfied' }), { ok: true, state: 'closed' });
  });
});
