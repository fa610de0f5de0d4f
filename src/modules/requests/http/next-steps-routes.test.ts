// The request page leads with the next step for whoever looks at it: an editor and the unit admin of
// 财政局 follow one request from receipt to archive; at each state the "下一步" box holds this
// person's one or two forms (the rest folded under <details>), or says who must act.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, textOf, type TestApp, type TestClient } from '../../../core/testing/index.ts';
import { docxParagraphs } from '../../../core/testing/office.ts';
import { applyOnline } from './test-helpers.ts';

/** The "下一步" box and the folded other actions of a request page. */
function parts(html: string) {
  const start = html.indexOf('id="next-steps"');
  const end = html.indexOf('id="actions-title"');
  assert.ok(start > 0 && end > start, 'a 下一步 box before the other actions');
  const folded = /<details class="more-actions"[\s\S]*?<\/details>/.exec(html.slice(end))?.[0] ?? '';
  return { next: html.slice(start, end), nextText: textOf(html.slice(start, end)), folded };
}

describe('request page: next steps per person and state', () => {
  let t: TestApp;
  let admin: TestClient;
  let editor: TestClient;
  let editorId = 0;
  let no = '';
  const page = async (c: TestClient) => parts((await c.get(`/staff/requests/${no}`)).body);
  const act = (c: TestClient, action: string, form: Record<string, string>) => c.submit(`/staff/requests/${no}`, `/staff/requests/${no}/do/${action}`, form);
  const form = (action: string) => `action="/staff/requests/${no}/do/${action}"`;

  before(async () => {
    t = await createTestApp({ now: '2026-11-02T02:00:00Z' });
    admin = await t.signIn('czj_admin');
    editor = await t.signIn('czj_editor');
    editorId = Number((await t.core.pool.query(`SELECT id FROM staff_users WHERE username = 'czj_editor'`)).rows[0].id);
    no = (await applyOnline(t.client(), { infoDescription: '2025年楚雄市财政局“三公”经费预算' })).requestNo;
  });
  after(async () => t.dispose());

  it('登记: the editor confirms receipt, the other actions are folded', async () => {
    const p = await page(editor);
    assert.match(p.nextText, /状态： 登记/);
    assert.ok(p.next.includes(form('accept')));
    assert.ok(p.folded.includes(form('withdraw')), '撤回 is folded');
    assert.ok(!p.next.includes(form('withdraw')));
  });

  it('审核 without 承办人: the editor is told the unit admin must assign; the admin gets the form', async () => {
    assert.equal((await act(editor, 'accept', { confirmedOn: '2026-11-02' })).statusCode, 303);
    const e = await page(editor);
    assert.match(e.nextText, /等待单位管理员指定承办人。/);
    assert.ok(!e.next.includes(form('assign')));
    const a = await page(admin);
    assert.ok(a.next.includes(form('assign')));
    assert.doesNotMatch(a.nextText, /等待单位管理员/);
  });

  it('补正中: the editor who sent the 补正 can write its 补正通知书', async () => {
    assert.equal((await act(editor, 'send_clarification', { items: '请写明所需预算的年度和范围', correctBy: '2026-11-16', sentOn: '2026-11-02' })).statusCode, 303);
    const p = await page(editor);
    assert.match(p.nextText, /等待申请人补正（补正期限 2026-11-16）/);
    assert.match(p.nextText, /补正通知书尚未生成送达/);
    assert.ok(p.next.includes(form('record_correction')));
    const html = (await editor.get(`/staff/requests/${no}`)).body;
    assert.match(html, /<option value="clarification" selected/);
    const draft = await editor.submit(`/staff/requests/${no}`, `/staff/requests/${no}/letters`, { kind: 'clarification', step: 'draft' });
    assert.equal(draft.statusCode, 200);
    assert.equal(docxParagraphs(draft.rawPayload).filter(Boolean)[0], '政府信息公开申请补正通知书');
    // the editor may not write a letter of a notice only the handler may send
    const reply = await editor.submit(`/staff/requests/${no}`, `/staff/requests/${no}/letters`, { kind: 'reply', step: 'draft' });
    assert.notEqual(reply.statusCode, 200);
    const sent = await editor.submit(`/staff/requests/${no}`, `/staff/requests/${no}/letters`, { kind: 'clarification', step: 'send', method: 'in_person', sentOn: '2026-11-02' });
    assert.equal(sent.statusCode, 303);
    assert.doesNotMatch((await page(editor)).nextText, /补正通知书尚未生成送达/);
  });

  it('办理: the handler answers; the unit admin is told who must', async () => {
    assert.equal((await act(editor, 'record_correction', { text: '2025年度本级“三公”经费预算', receivedOn: '2026-11-02' })).statusCode, 303);
    assert.equal((await act(admin, 'assign', { handlerId: String(editorId) })).statusCode, 303);
    const e = await page(editor);
    assert.ok(e.next.includes(form('reply')));
    // 予以公开's 法律依据 is offered under the field (a datalist, no JavaScript needed).
    assert.match(e.next, /<datalist id="f-legalBasis-list">.*<option value="《中华人民共和国政府信息公开条例》第三十六条第（二）项"/s);
    assert.ok(e.folded.includes(form('request_extension')), '申请延期 is folded');
    const a = await page(admin);
    assert.match(a.nextText, /等待承办人张信息（财政局信息员）答复/);
    assert.ok(!a.next.includes(form('reply')));
    assert.ok(a.folded.includes(form('reply')), 'the admin may still reply, folded');
    // Days typed with a full-width input method (１０) are the number 10; then the head must decide.
    assert.equal((await act(editor, 'request_extension', { days: '１０', reason: '需要调取档案' })).statusCode, 303);
    const pending = await page(editor);
    assert.match(pending.nextText, /延期申请待批准：10 个工作日/);
    assert.match(pending.nextText, /等待政务公开办负责人审批延期申请/);
  });

  it('答复: the 答复告知书 first, then 归档', async () => {
    assert.equal((await act(editor, 'reply', { outcome: 'disclose', legalBasis: '《中华人民共和国政府信息公开条例》第三十六条第（二）项', replyText: '现向您提供所申请的信息。' })).statusCode, 303);
    let p = await page(editor);
    assert.match(p.nextText, /答复告知书尚未生成送达/);
    assert.ok(!p.next.includes(form('archive')));
    assert.equal((await editor.submit(`/staff/requests/${no}`, `/staff/requests/${no}/letters`, { kind: 'reply', step: 'send', method: 'in_person', sentOn: '2026-11-02' })).statusCode, 303);
    p = await page(editor);
    assert.ok(p.next.includes(form('archive')));
    assert.equal((await act(editor, 'archive', { note: '' })).statusCode, 303);
    p = await page(editor);
    assert.match(p.nextText, /本申请已归档，无需进一步操作/);
  });
});
