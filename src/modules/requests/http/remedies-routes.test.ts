// The 行政复议机关 and 人民法院 each unit's letters name (行政复议法 2023 第二十四条、第二十七条; 行政诉讼法
// 第十四条、第十五条), through the pages: a department's letter names the city government, the city
// government's its 自治州人民政府, the tax bureau's the next tax authority; a unit's own setting wins; the
// city-wide value applies only to a unit without a default of its kind.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, textOf, type TestApp, type TestClient } from '../../../core/testing/index.ts';
import { docxParagraphs } from '../../../core/testing/office.ts';
import { applyOnline } from './test-helpers.ts';

describe('remedy bodies in letters, per unit', () => {
  let t: TestApp;
  const staff = new Map<string, TestClient>();
  /** A unit admin of the unit, signed in once. */
  const adminOf = async (unit: string) => {
    let c = staff.get(unit);
    if (!c) {
      const username = `${unit.replace(/-/g, '_')}_remedy`;
      await t.createStaff(username, unit, ['unit_admin', 'editor']);
      staff.set(unit, (c = await t.signIn(username)));
    }
    return c;
  };
  /** Applies online to `unit`, accepts and replies; returns the reply letter's paragraphs and the stored remedy. */
  const replyLetter = async (unit: string, description: string) => {
    const c = await adminOf(unit);
    const { requestNo: no } = await applyOnline(t.client(), { unit, infoDescription: description });
    assert.ok(no, 'a request number');
    const act = (action: string, form: Record<string, string>) => c.submit(`/staff/requests/${no}`, `/staff/requests/${no}/do/${action}`, form);
    assert.equal((await act('accept', { confirmedOn: '2026-11-02' })).statusCode, 303);
    const replied = await act('reply', { outcome: 'disclose', legalBasis: '《中华人民共和国政府信息公开条例》第三十六条第（二）项', replyText: '现向您提供所申请的信息。' });
    assert.equal(replied.statusCode, 303, textOf(replied.body).slice(0, 500));
    const letter = await c.submit(`/staff/requests/${no}`, `/staff/requests/${no}/letters`, { kind: 'reply', step: 'draft' });
    assert.equal(letter.statusCode, 200);
    const stored = (await t.core.pool.query('SELECT remedy_text FROM req_requests WHERE request_no = $1', [no])).rows[0].remedy_text as string;
    return { paras: docxParagraphs(letter.rawPayload).filter(Boolean), stored };
  };
  const names = (paras: string[], review: string, court: string) =>
    paras.some((p) => p.includes(`60日内向${review}申请行政复议`) && p.includes(`6个月内向${court}提起行政诉讼`));

  before(async () => {
    t = await createTestApp({ now: '2026-11-02T02:00:00Z' });
  });
  after(async () => t.dispose());

  const cases: [unit: string, review: string, court: string][] = [
    // 第二十四条第一款第（一）项: 本级人民政府工作部门 → 楚雄市人民政府; 行政诉讼法 第十四条: 基层人民法院.
    ['finance', '楚雄市人民政府', '楚雄市人民法院'],
    // 第二十四条第一款第（二）项 (from the 州's side): the city government's own decisions → 州人民政府, named;
    // 行政诉讼法 第十五条第（一）项: 中级人民法院.
    ['city-government', '楚雄彝族自治州人民政府', '楚雄彝族自治州中级人民法院'],
    // 第二十四条第一款第（二）项: a township (下一级人民政府) → 楚雄市人民政府.
    ['donggua', '楚雄市人民政府', '楚雄市人民法院'],
  ];
  for (const [unit, review, court] of cases) {
    it(`names ${review} and ${court} in a letter of ${unit}`, async () => {
      const { paras, stored } = await replyLetter(unit, `${unit}的2025年部门决算`);
      assert.ok(names(paras, review, court), paras.join('\n'));
      assert.equal(stored, `如对本答复不服，可以自收到本告知书之日起60日内向${review}申请行政复议，或者自收到本告知书之日起6个月内向${court}提起行政诉讼。`);
      assert.doesNotMatch(stored, /上一级人民政府/);
    });
  }

  it('names the next tax authority for the tax bureau (第二十七条), on its page and in its 指南', async () => {
    // The tax bureau takes no applications on this platform (a 垂直管理 body); its 指南 and settings name the bodies.
    const office = await t.signIn('admin');
    const page = textOf((await office.get('/staff/units/taxation/edit')).body);
    assert.match(page, /目前写明的行政复议机关 国家税务总局楚雄彝族自治州税务局（按单位类型的默认值）/);
    assert.match(page, /《行政复议法》第二十七条/);
    const guide = textOf((await t.client().get('/openness/taxation/guide')).body);
    assert.match(guide, /依照《中华人民共和国行政复议法》向国家税务总局楚雄彝族自治州税务局申请行政复议/);
    assert.match(guide, /向楚雄市人民法院提起行政诉讼/);
    const city = textOf((await t.client().get('/openness/city-government/guide')).body);
    assert.match(city, /向楚雄彝族自治州人民政府申请行政复议/);
    assert.match(city, /向楚雄彝族自治州中级人民法院提起行政诉讼/);
  });

  it("uses the unit's own setting, saved on its page, and shows what applies and why", async () => {
    const c = await adminOf('finance');
    const page = await c.get('/staff/units/finance/edit');
    assert.equal(page.statusCode, 200);
    const text = textOf(page.body);
    assert.match(text, /目前写明的行政复议机关 楚雄市人民政府（按单位类型的默认值）/);
    assert.match(text, /依据：《行政复议法》第二十四条第一款第（一）项（本级人民政府工作部门）/);
    const bad = await c.submit('/staff/units/finance/edit', '/staff/units/finance/remedies', { reviewBody: '', court: '禄丰市' });
    assert.equal(bad.statusCode, 400);
    assert.match(textOf(bad.body), /请填写人民法院的全称/);
    assert.match(bad.body, /value="禄丰市"/, 'the input is kept');
    const ok = await c.submit('/staff/units/finance/edit', '/staff/units/finance/remedies', { reviewBody: '', court: '禄丰市人民法院' });
    assert.equal(ok.statusCode, 303);
    const { paras } = await replyLetter('finance', '财政局2025年“三公”经费决算');
    assert.ok(names(paras, '楚雄市人民政府', '禄丰市人民法院'), paras.join('\n'));
    const audit = await t.core.pool.query("SELECT summary FROM audit_log WHERE action = 'units.remedies-saved'");
    assert.equal(audit.rows.length, 1);
    // The unit's generated 指南 names the same bodies.
    const guide = textOf((await t.client().get('/openness/finance/guide')).body);
    assert.match(guide, /向楚雄市人民政府申请行政复议/);
    assert.match(guide, /向禄丰市人民法院提起行政诉讼/);
    // The 指南 editor says which bodies the unit's letters name.
    const editor = textOf((await c.get('/staff/catalog/finance/guide')).body);
    assert.match(editor, /本单位的行政复议机关：楚雄市人民政府；人民法院：禄丰市人民法院（依申请公开告知书写明同样的机关/);
  });

  it('keeps the default of its kind over the city-wide value of the request settings', async () => {
    const office = await t.signIn('gkb');
    const saved = await office.submit('/staff/requests/settings', '/staff/requests/settings', { feePausesClock: 'on', reviewBody: '楚雄市人民政府（全市统一）', court: '楚雄市人民法院（全市统一）' });
    assert.equal(saved.statusCode, 303, textOf(saved.body).slice(0, 300));
    const dept = await replyLetter('development-reform', '发改局2025年部门预算');
    assert.ok(names(dept.paras, '楚雄市人民政府', '楚雄市人民法院'), dept.paras.join('\n'));
    const city = await replyLetter('city-government', '市政府2025年重点工作');
    assert.ok(names(city.paras, '楚雄彝族自治州人民政府', '楚雄彝族自治州中级人民法院'), city.paras.join('\n'));
  });
});
