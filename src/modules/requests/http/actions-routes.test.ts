// The remaining actions of the request page through the routes: consultation, fee notice and payment,
// released files, archive, 补正 and correction, ending for no correction or no payment, withdrawal.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, textOf, type TestApp, type TestClient } from '../../../core/testing/index.ts';
import { docxParagraphs } from '../../../core/testing/office.ts';
import { applyOnline, csrfOf } from './test-helpers.ts';

describe('request actions through the staff pages', () => {
  let t: TestApp;
  let admin: TestClient;
  let handlerId = 0;
  const act = (no: string, action: string, form: Record<string, string>) => admin.submit(`/staff/requests/${no}`, `/staff/requests/${no}/do/${action}`, form);
  const row = async (no: string) => (await t.core.pool.query('SELECT * FROM req_requests WHERE request_no = $1', [no])).rows[0];
  /** A new online request of the finance bureau, accepted on 2026-11-02 and assigned. */
  const accepted = async (description: string, assign = true) => {
    const r = await applyOnline(t.client(), { infoDescription: description });
    assert.equal((await act(r.requestNo, 'accept', { confirmedOn: '2026-11-02' })).statusCode, 303);
    if (assign) assert.equal((await act(r.requestNo, 'assign', { handlerId: String(handlerId) })).statusCode, 303);
    return r.requestNo;
  };
  const moveClock = async (iso: string) => {
    t.clock.set(iso);
    await t.core.pool.query('UPDATE sessions SET last_seen_at = $1', [new Date(iso)]);
  };

  before(async () => {
    t = await createTestApp({ now: '2026-11-02T02:00:00Z' });
    admin = await t.signIn('czj_admin');
    handlerId = Number((await t.core.pool.query(`SELECT id FROM staff_users WHERE username = 'czj_admin'`)).rows[0].id);
  });
  after(async () => t.dispose());

  it('consults a third party (clock paused), writes the 征求意见函, records the answer', async () => {
    const no = await accepted('某建材公司2025年政府采购中标报价明细');
    const sent = await act(no, 'send_consultation', { party: 'third_party', partyName: '楚雄某建材有限公司', question: '是否同意公开贵公司的中标报价明细', sentOn: '2026-11-02' });
    assert.equal(sent.statusCode, 303);
    const paused = await row(no);
    assert.equal(paused.state, 'consulting');
    assert.equal(paused.clock_status, 'paused');
    const page = textOf((await admin.get(`/staff/requests/${no}`)).body);
    assert.match(page, /应于 2026-11-23 前答复/);
    const letter = await admin.submit(`/staff/requests/${no}`, `/staff/requests/${no}/letters`, { kind: 'consultation:C1', step: 'draft' });
    const paras = docxParagraphs(letter.rawPayload).filter(Boolean);
    assert.equal(paras[0], '政府信息公开征求意见函');
    assert.equal(paras[2], '楚雄某建材有限公司：');
    assert.ok(paras.some((p) => p.includes('请于收到本函之日起15个工作日内（2026年11月23日前）以书面形式提出意见')));
    const noReason = await act(no, 'record_consultation_answer', { ref: 'C1', answer: 'disagree', note: '' });
    assert.equal(noReason.statusCode, 400);
    assert.match(textOf(noReason.body), /第三方不同意公开的，请记录其理由/);
    assert.equal((await act(no, 'record_consultation_answer', { ref: 'C1', answer: 'agree', note: '同意公开', answeredOn: '2026-11-02' })).statusCode, 303);
    const resumed = await row(no);
    assert.equal(resumed.state, 'processing');
    assert.equal(resumed.due_on, '2026-11-30');
  });

  it('sends a fee notice of 400 yuan for 70 pages, writes the 收费通知书, records the payment', async () => {
    const no = await accepted('楚雄市2020—2025年全部财政票据存根');
    const none = await act(no, 'send_fee_notice', { method: 'per_page', pages: '30' });
    assert.equal(none.statusCode, 400);
    assert.match(textOf(none.body), /30 页未超过30页，不收费/);
    assert.equal((await act(no, 'send_fee_notice', { method: 'per_page', pages: '70', sentOn: '2026-11-02' })).statusCode, 303);
    const fee = (await t.core.pool.query('SELECT f.amount_yuan, f.pay_by FROM req_fee_notices f JOIN req_requests r ON r.id = f.request_id WHERE r.request_no = $1', [no])).rows[0];
    assert.equal(fee.amount_yuan, 400);
    assert.equal(fee.pay_by, '2026-11-30');
    assert.equal((await row(no)).state, 'awaiting_fee');
    const missing = await admin.submit(`/staff/requests/${no}`, `/staff/requests/${no}/letters`, { kind: 'fee', step: 'draft', howToPay: '' });
    assert.equal(missing.statusCode, 400);
    assert.match(textOf(missing.body), /请填写缴纳方式/);
    const letter = await admin.submit(`/staff/requests/${no}`, `/staff/requests/${no}/letters`, { kind: 'fee', step: 'draft', howToPay: '到楚雄市政务服务中心非税收入窗口缴纳' });
    const paras = docxParagraphs(letter.rawPayload).filter(Boolean);
    assert.equal(paras[0], '政府信息公开信息处理费收费通知书');
    assert.ok(paras.some((p) => p.includes('计收方式：按量计收') && p.includes('应缴金额：人民币400元')));
    assert.ok(paras.some((p) => p.includes('20个工作日内（2026年11月30日前）按以下方式缴纳：到楚雄市政务服务中心非税收入窗口缴纳')));
    assert.equal((await act(no, 'record_payment', { paidOn: '2026-11-02' })).statusCode, 303);
    assert.equal((await row(no)).state, 'processing');
  });

  it('uploads the released information, replies, lists the file in the letter and archives', async () => {
    const no = await accepted('楚雄市财政局2026年部门预算公开说明');
    const page = await admin.get(`/staff/requests/${no}`);
    const boundary = '----gkTest7';
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');
    const payload = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrfOf(page.body)}\r\n`),
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nreleased\r\n`),
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="2026年部门预算.pdf"\r\nContent-Type: application/pdf\r\n\r\n`),
      pdf,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const cookie = [...admin.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const up = await t.app.inject({ method: 'POST', url: `/staff/requests/${no}/files`, headers: { cookie, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload });
    assert.equal(up.statusCode, 303);
    const listed = await admin.get(`/staff/requests/${no}`);
    const href = /href="(\/staff\/requests\/[^"]+\/files\/\d+)">2026年部门预算\.pdf/.exec(listed.body)?.[1];
    assert.ok(href, 'the file is listed');
    const file = await admin.get(href);
    assert.equal(file.statusCode, 200);
    assert.equal(file.headers['content-type'], 'application/pdf');
    assert.deepEqual(file.rawPayload, pdf);
    assert.equal((await (await t.signIn('dgz_editor')).get(href)).statusCode, 403, 'not for another unit');
    assert.equal((await act(no, 'reply', { outcome: 'disclose', legalBasis: '《中华人民共和国政府信息公开条例》第三十六条第（二）项' })).statusCode, 303);
    const letter = await admin.submit(`/staff/requests/${no}`, `/staff/requests/${no}/letters`, { kind: 'reply', step: 'draft' });
    assert.ok(docxParagraphs(letter.rawPayload).some((p) => p.includes('（见附件：2026年部门预算.pdf）')));
    assert.equal((await act(no, 'archive', { note: '办结归档' })).statusCode, 303);
    assert.equal((await row(no)).state, 'archived');
  });

  it('takes a 补正 within 7 working days and restarts the 20 working days on the correction', async () => {
    const no = await accepted('有关文件', false);
    assert.equal((await act(no, 'send_clarification', { items: '请写明文件名称', correctBy: '2026-11-16', sentOn: '2026-11-02' })).statusCode, 303);
    const waiting = await row(no);
    assert.equal(waiting.state, 'awaiting_correction');
    assert.equal(waiting.clarification_late, false);
    const once = await act(no, 'record_correction', { text: '所需文件为楚市财发〔2025〕12号', receivedOn: '2026-11-02' });
    assert.equal(once.statusCode, 303);
    const corrected = await row(no);
    assert.equal(corrected.state, 'reviewing');
    assert.equal(corrected.due_on, '2026-11-30');
    const page = await admin.get(`/staff/requests/${no}`);
    assert.doesNotMatch(page.body, new RegExp(`action="/staff/requests/${no}/do/send_clarification"`), 'the 告知补正 form is not offered again');
    assert.match(page.body, new RegExp(`action="/staff/requests/${no}/do/reply"`));
    const second = await act(no, 'send_clarification', { items: '再次补正', correctBy: '2026-11-20' });
    assert.equal(second.statusCode, 409);
    assert.match(textOf(second.body), /依照第三十条只能一次性告知补正|补正只能一次性告知/);
  });

  it('records a withdrawal by the applicant, with how it was made', async () => {
    const no = await accepted('楚雄市2025年国有资产报告', false);
    const bare = await act(no, 'withdraw', { note: '' });
    assert.equal(bare.statusCode, 400);
    assert.match(textOf(bare.body), /代申请人撤回的，请记录申请人撤回的方式和日期/);
    assert.equal((await act(no, 'withdraw', { note: '申请人2026-11-02来电撤回', on: '2026-11-02' })).statusCode, 303);
    const r = await row(no);
    assert.equal(r.state, 'withdrawn');
    assert.equal(r.outcome, 'other_3');
  });

  it('ends a request for no correction and one for no payment only after their periods', async () => {
    const a = await accepted('相关资料', false);
    assert.equal((await act(a, 'send_clarification', { items: '请写明资料名称', correctBy: '2026-11-04' })).statusCode, 303);
    const early = await act(a, 'end_no_correction', {});
    assert.equal(early.statusCode, 409);
    assert.match(textOf(early.body), /补正期限 2026-11-04 尚未届满/);
    const b = await accepted('楚雄市2015—2025年全部会议纪要');
    assert.equal((await act(b, 'send_fee_notice', { method: 'per_page', pages: '120', sentOn: '2026-11-02' })).statusCode, 303);
    await moveClock('2026-12-01T02:00:00Z');
    assert.equal((await act(a, 'end_no_correction', { on: '2026-12-01' })).statusCode, 303);
    const ra = await row(a);
    assert.equal(ra.state, 'terminated');
    assert.equal(ra.outcome, 'other_1');
    assert.equal((await act(b, 'end_no_payment', { on: '2026-12-01' })).statusCode, 303);
    const rb = await row(b);
    assert.equal(rb.state, 'terminated');
    assert.equal(rb.outcome, 'other_2');
  });
});
