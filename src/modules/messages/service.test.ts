import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../../core/testing/index.ts';
import { act, findItemByNo, submitMessage, verifyCaller, type MessageActor } from './service.ts';
import { FIELDS, callerActor, staffActor, unitId } from './testing/actors.ts';

describe('messages service: intake to 办结 through the real database', () => {
  let t: TestApp;
  let gkb: MessageActor;
  let head: MessageActor;
  let finance: MessageActor;
  let donggua: MessageActor;
  let root: number;
  before(async () => {
    // 2026-09-29 10:00 in Shanghai, a Tuesday before 国庆.
    t = await createTestApp({ now: '2026-09-29T02:00:00Z' });
    gkb = await staffActor(t, 'gkb');
    head = await staffActor(t, 'gkb_head');
    finance = await staffActor(t, 'czj_admin');
    donggua = await staffActor(t, 'dgz_editor');
    root = (gkb as { user: { rootUnitId: number } }).user.rootUnitId;
  });
  after(async () => t.dispose());

  const submit = (key: string, over: Partial<typeof FIELDS> = {}, channel: 'mayor_mailbox' | 'hotline' = 'mayor_mailbox', keepIdentity = false) =>
    submitMessage(t.core, { rootUnitId: root, channel, fields: { ...FIELDS, ...over }, keepIdentity, allowPublication: true, idempotencyKey: key, audit: callerActor.audit });

  it('gives one item and one lookup code however often the same form is sent, also concurrently', async () => {
    const key = 'same-key-0123456789';
    const [a, b] = await Promise.all([submit(key), submit(key)]);
    const c = await submit(key);
    assert.ok(a.ok && b.ok && c.ok);
    assert.equal(a.itemNo, 'HD-2026-000001');
    assert.deepEqual([b.itemNo, c.itemNo], [a.itemNo, a.itemNo]);
    assert.equal(new Set([a.lookupCode, b.lookupCode, c.lookupCode]).size, 1);
    assert.equal(Number((await t.core.pool.query('SELECT count(*) FROM msg_items')).rows[0].count), 1);
    // 投诉 15 working days from 09-29 over 国庆 (domain/clock.test.ts): 2026-10-26.
    assert.equal(a.item.dueOn, '2026-10-26');
    assert.ok(await verifyCaller(t.core, root, a.itemNo, a.lookupCode.toLowerCase()));
    assert.equal(await verifyCaller(t.core, root, a.itemNo, 'WRONGCODE2'), null);
  });

  it('refuses bad input with a message per field and stores nothing', async () => {
    const r = await submit('bad-input-0123456789', { kind: 'gossip', title: '', content: '太短', callerPhone: '12345' });
    assert.deepEqual(r.ok ? null : r.errors, { kind: '请从列表中选择诉求类型', title: '请填写标题', content: '诉求内容至少需要10个字，请写清楚时间、地点和事情经过', callerPhone: '电话号码格式不正确，请填写11位手机号或带区号的固定电话，如 0878-3121234' });
  });

  it('runs 派单 → 退单 → 指定 → 签收 → 延期 → 回复 → 审核 → 不满意重办 → 回复 → 回访 → 办结 → 公开选登, each step in the history and the audit log', async () => {
    const s = await submit('life-cycle-0123456789');
    assert.ok(s.ok);
    const id = s.item.id;
    const fin = await unitId(t, 'finance');
    const dg = await unitId(t, 'donggua');
    assert.deepEqual(await act(t.core, gkb, id, 'dispatch', { unitId: dg, assistUnitIds: [fin] }), { ok: true, state: 'dispatched' });
    let row = (await findItemByNo(t.core.db, root, s.itemNo))!;
    assert.equal(row.signBy, '2026-09-30');
    assert.deepEqual(await act(t.core, donggua, id, 'request_return', { note: '噪音执法属市住建局职责' }), { ok: true, state: 'return_requested' });
    assert.deepEqual(await act(t.core, gkb, id, 'approve_return', { unitId: fin }), { ok: true, state: 'dispatched' });
    assert.deepEqual(await act(t.core, finance, id, 'request_return', { note: '也不是我们' }), { ok: false, errors: {}, reasons: ['该诉求已由政务公开办指定承办单位，指定后不得退回（潍坊12345办法第二十二条）'] });
    assert.deepEqual(await act(t.core, finance, id, 'sign'), { ok: true, state: 'handling' });
    assert.deepEqual(await act(t.core, finance, id, 'request_extension', { days: 5, note: '需现场核查' }), { ok: true, state: 'handling' });
    assert.deepEqual(await act(t.core, head, id, 'approve_extension'), { ok: true, state: 'handling' });
    row = (await findItemByNo(t.core.db, root, s.itemNo))!;
    assert.equal(row.dueOn, '2026-11-02');
    assert.deepEqual(await act(t.core, finance, id, 'reply', { note: '已责令工地夜间停工。' }), { ok: true, state: 'replied' });
    assert.deepEqual(await act(t.core, gkb, id, 'approve_reply'), { ok: true, state: 'visiting' });
    assert.deepEqual(await act(t.core, callerActor, id, 'redo', { note: '仍在夜间施工' }), { ok: true, state: 'handling' });
    row = (await findItemByNo(t.core.db, root, s.itemNo))!;
    // 重办 on 09-29: 15 working days again → 10-26.
    assert.equal(row.dueOn, '2026-10-26');
    assert.deepEqual(await act(t.core, finance, id, 'reply', { note: '已联合执法，工地已停工。' }), { ok: true, state: 'replied' });
    assert.deepEqual(await act(t.core, gkb, id, 'approve_reply'), { ok: true, state: 'visiting' });
    const second = await act(t.core, callerActor, id, 'redo', { note: '还是不满意' });
    assert.equal(second.ok, false);
    assert.deepEqual(await act(t.core, gkb, id, 'record_visit', { satisfaction: 'unsatisfied', note: '电话回访' }), { ok: true, state: 'closed' });
    assert.deepEqual(await act(t.core, gkb, id, 'publish'), { ok: true, state: 'closed' });
    row = (await findItemByNo(t.core.db, root, s.itemNo))!;
    assert.equal(row.repliedOnTime, true);
    assert.equal(row.workingDaysTaken, 0);
    assert.match(row.publicContent, /我叫张\*\*，电话139\*\*\*\*5678。$/);
    const history = (await t.core.pool.query('SELECT action FROM msg_history WHERE item_id = $1 ORDER BY id', [id])).rows.map((r) => r.action);
    assert.deepEqual(history, ['receive', 'dispatch', 'request_return', 'approve_return', 'sign', 'request_extension', 'approve_extension', 'reply', 'approve_reply', 'redo', 'reply', 'approve_reply', 'record_visit', 'publish']);
    const audits = Number((await t.core.pool.query("SELECT count(*) FROM audit_log WHERE target_type = 'message' AND target_id = $1", [s.itemNo])).rows[0].count);
    assert.equal(audits, history.length);
  });

  it('不予受理 gives the reason and the route', async () => {
    const s = await submit('refuse-0123456789', { kind: 'consult', title: '申请公开某文件', content: '请公开2025年某某项目的招标文件全文，谢谢。' });
    assert.ok(s.ok);
    assert.deepEqual(await act(t.core, gkb, s.item.id, 'refuse', { refusalReason: 'disclosure' }), { ok: true, state: 'refused' });
    const row = (await findItemByNo(t.core.db, root, s.itemNo))!;
    assert.equal(row.replyText, '您的诉求不予受理，理由：属于政府信息公开申请。获取政府信息请依照《中华人民共和国政府信息公开条例》提出政府信息公开申请。');
  });
});
