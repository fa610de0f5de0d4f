// 答复告知书文号 through the pages: the openness office sets a unit's pattern (a bad one is refused in
// Chinese at its field, input kept); the reply letter carries 楚市财依申复〔2026〕N号 with N counted
// per unit and year from 1; re-generating the letter keeps its number; concurrent first generations
// of different requests never share a number.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp, type TestClient } from '../../../core/testing/index.ts';
import { docxParagraphs } from '../../../core/testing/office.ts';
import { replyDocNo } from '../service-doc-no.ts';
import { applyOnline } from './test-helpers.ts';

describe('答复告知书文号', () => {
  let t: TestApp;
  let gkb: TestClient;
  let admin: TestClient;
  let financeId = 0;
  const act = (no: string, action: string, form: Record<string, string>) => admin.submit(`/staff/requests/${no}`, `/staff/requests/${no}/do/${action}`, form);
  const replied = async (description: string) => {
    const r = await applyOnline(t.client(), { infoDescription: description });
    assert.equal((await act(r.requestNo, 'accept', { confirmedOn: '2026-11-02' })).statusCode, 303);
    assert.equal((await act(r.requestNo, 'reply', { outcome: 'disclose', legalBasis: '《中华人民共和国政府信息公开条例》第三十六条第（二）项' })).statusCode, 303);
    return r.requestNo;
  };
  const letterRef = async (no: string) => {
    const letter = await admin.submit(`/staff/requests/${no}`, `/staff/requests/${no}/letters`, { kind: 'reply', step: 'draft' });
    assert.equal(letter.statusCode, 200);
    return docxParagraphs(letter.rawPayload).find((p) => p.includes('受理编号'));
  };

  before(async () => {
    t = await createTestApp({ now: '2026-11-02T02:00:00Z' });
    gkb = await t.signIn('gkb');
    admin = await t.signIn('czj_admin');
    financeId = Number((await t.core.pool.query(`SELECT id FROM units WHERE slug = 'finance'`)).rows[0].id);
  });
  after(async () => t.dispose());

  it('refuses a bad pattern in Chinese at its field and keeps the input', async () => {
    const page = await gkb.get('/staff/requests/settings');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /答复告知书文号/);
    const bad = await gkb.submit('/staff/requests/settings', '/staff/requests/settings/doc-numbers', { [`docNo-${financeId}`]: '楚市财依申复2026号' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /文号格式须各含一个 \{年\} 和 \{号\}/);
    assert.match(bad.body, /value="楚市财依申复2026号"/);
    assert.match(bad.body, new RegExp(`id="field-docNo-${financeId}-error"|docNo-${financeId}-error`));
    assert.equal((await t.core.pool.query('SELECT count(*)::int AS n FROM req_doc_no_patterns')).rows[0].n, 0);
  });

  it('numbers reply letters per unit and year and keeps the number on re-generation', async () => {
    // Typed with full-width braces and square brackets: normalised.
    const ok = await gkb.submit('/staff/requests/settings', '/staff/requests/settings/doc-numbers', { [`docNo-${financeId}`]: '楚市财依申复[｛年｝]｛号｝号' });
    assert.equal(ok.statusCode, 303);
    assert.equal((await t.core.pool.query('SELECT pattern FROM req_doc_no_patterns WHERE unit_id = $1', [financeId])).rows[0].pattern, '楚市财依申复〔{年}〕{号}号');

    const first = await replied('楚雄市财政局2026年部门预算公开说明');
    assert.match((await letterRef(first)) ?? '', /^楚市财依申复〔2026〕1号　受理编号：YSQ-2026-\d{6}$/);
    const second = await replied('楚雄市财政局2025年部门决算');
    assert.match((await letterRef(second)) ?? '', /^楚市财依申复〔2026〕2号/);
    // Generated again (and sent): the same number.
    assert.match((await letterRef(first)) ?? '', /^楚市财依申复〔2026〕1号/);
    const sent = await admin.submit(`/staff/requests/${first}`, `/staff/requests/${first}/letters`, { kind: 'reply', step: 'send', method: 'in_person', sentOn: '2026-11-02' });
    assert.equal(sent.statusCode, 303, /error-summary[\s\S]{0,600}/.exec(sent.body)?.[0]);
    assert.equal((await t.core.pool.query('SELECT reply_doc_no FROM req_requests WHERE request_no = $1', [first])).rows[0].reply_doc_no, '楚市财依申复〔2026〕1号');
    assert.equal((await t.core.pool.query('SELECT last_seq FROM req_doc_no_sequences WHERE unit_id = $1 AND year = 2026', [financeId])).rows[0].last_seq, 2);
  });

  it('never gives one number twice when letters are generated at the same time', async () => {
    const nos = [];
    for (let i = 0; i < 6; i++) nos.push(await replied(`楚雄市财政局专项资金分配结果（第${i + 1}批）`));
    const ids = (await t.core.pool.query('SELECT id FROM req_requests WHERE request_no = ANY($1)', [nos])).rows.map((r) => Number(r.id));
    // Each request twice, all at once: six numbers, each request keeping one.
    const got = await Promise.all([...ids, ...ids].map((id) => replyDocNo(t.core, id, '2026-11-04')));
    const byRequest = new Map<number, string>();
    [...ids, ...ids].forEach((id, i) => {
      const prev = byRequest.get(id);
      if (prev) assert.equal(got[i], prev, 'the same request keeps its number');
      byRequest.set(id, got[i]!);
    });
    const numbers = [...byRequest.values()].map((d) => Number(/〔2026〕(\d+)号/.exec(d)?.[1]));
    assert.deepEqual(numbers.sort((a, b) => a - b), [3, 4, 5, 6, 7, 8]);
  });

  it('gives no 文号 where the unit has no pattern', async () => {
    const r = await applyOnline(t.client(), { unit: 'donggua', infoDescription: '东瓜镇2026年惠民资金发放名单' });
    const dgz = await t.signIn('dgz_editor');
    const dact = (action: string, form: Record<string, string>) => dgz.submit(`/staff/requests/${r.requestNo}`, `/staff/requests/${r.requestNo}/do/${action}`, form);
    assert.equal((await dact('accept', { confirmedOn: '2026-11-02' })).statusCode, 303);
    assert.equal((await dact('reply', { outcome: 'disclose', legalBasis: '《中华人民共和国政府信息公开条例》第三十六条第（二）项' })).statusCode, 303);
    const letter = await dgz.submit(`/staff/requests/${r.requestNo}`, `/staff/requests/${r.requestNo}/letters`, { kind: 'reply', step: 'draft' });
    assert.equal(letter.statusCode, 200);
    assert.ok(docxParagraphs(letter.rawPayload).some((p) => /^受理编号：YSQ-/.test(p)));
  });
});
