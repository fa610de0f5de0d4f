import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, textOf, type TestApp, type TestClient } from '../../../core/testing/index.ts';
import { systemActor, verifyAuditChain } from '../../../core/audit/index.ts';
import { createItem } from '../service.ts';

const staffList = '/staff/catalog/city-government/consultations';

/** Loads the public page like a browser and returns its CSRF token and submission key. */
async function openForm(c: TestClient, code: string): Promise<{ _csrf: string; submissionKey: string }> {
  const page = await c.get(`/openness/consultations/${code}`);
  assert.equal(page.statusCode, 200);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1];
  const key = /name="submissionKey" value="([^"]+)"/.exec(page.body)?.[1];
  assert.ok(csrf && key, 'the page has the comment form');
  return { _csrf: csrf, submissionKey: key };
}

describe('意见征集 on a draft catalog', () => {
  let t: TestApp;
  let office: TestClient;
  let open = '';
  let upcoming = '';
  const comments = (code: string) =>
    t.core.pool.query('SELECT c.* FROM consultation_comments c JOIN consultations k ON k.id = c.consultation_id WHERE k.code = $1 ORDER BY c.id', [code]);

  before(async () => {
    t = await createTestApp({ now: '2026-11-26T02:00:00Z' });
    office = await t.signIn('gkb');
    // The city's catalog has version 1 (the demo catalog of the first start) and version 2 to adopt.
    const root = Number((await t.core.pool.query("SELECT id FROM units WHERE slug = 'city-government'")).rows[0].id);
    const made = await createItem(t.core, systemActor, {
      rootUnitId: root,
      ownerUnitId: null,
      reason: '编制征求意见稿',
      data: {
        domainName: '财政预决算',
        level1: '财政预决算',
        level2: '政府预算',
        content: '政府预算报告和预算表',
        basis: ['《中华人民共和国预算法》'],
        timeLimitText: '本级人民代表大会或其常务委员会批准后20日内',
        timeLimitRule: { kind: 'calendar_days_after_event', days: 20, event: '本级人民代表大会或其常务委员会批准' },
        publisherText: '楚雄市财政局',
        channels: ['政府网站'],
        customChannels: [],
        audience: { society: true, specificGroup: false },
        mode: { proactive: true, onRequest: false },
        level: { county: true, township: false },
      },
    });
    assert.ok(made.ok);
  });
  after(async () => t.dispose());

  it('opens a comment period of at least 7 days, with field errors and input kept', async () => {
    const short = await office.submit(`${staffList}/new`, staffList, { title: '财政预决算领域目录征求意见', description: '征求意见稿说明', startsOn: '2026-11-26', endsOn: '2026-12-01' });
    assert.equal(short.statusCode, 400);
    assert.match(textOf(short.body), /征集期至少7天（含首尾两天），截止日期最早为2026-12-02/);
    assert.match(short.body, /value="财政预决算领域目录征求意见"/);
    const reversed = await office.submit(`${staffList}/new`, staffList, { title: 'x', description: 'y', startsOn: '2026-12-10', endsOn: '2026-12-01' });
    assert.match(textOf(reversed.body), /截止日期不能早于开始日期/);

    const res = await office.submit(`${staffList}/new`, staffList, {
      title: '财政预决算领域目录征求意见',
      description: '《楚雄市财政预决算领域政务公开事项标准目录（征求意见稿）》现公开征求意见。\n请重点关注公开时限。',
      startsOn: '2026-11-26',
      endsOn: '2026-12-02',
    });
    assert.equal(res.statusCode, 303);
    open = /\/consultations\/([a-z0-9]+)$/.exec(String(res.headers.location))![1]!;
    const later = await office.submit(`${staffList}/new`, staffList, { title: '生态环境领域目录征求意见', description: '说明', startsOn: '2026-12-01', endsOn: '2026-12-10' });
    assert.equal(later.statusCode, 303);
    upcoming = /\/consultations\/([a-z0-9]+)$/.exec(String(later.headers.location))![1]!;

    const list = textOf((await t.client().get('/openness/city-government/consultations')).body);
    assert.match(list, /生态环境领域目录征求意见 2026-12-01 至 2026-12-10 未开始/);
    assert.match(list, /财政预决算领域目录征求意见 2026-11-26 至 2026-12-02 征集中/);
  });

  it('lets a unit admin manage only their own unit', async () => {
    const czj = await t.signIn('czj_admin');
    assert.equal((await czj.get(staffList)).statusCode, 403);
    assert.equal((await czj.get('/staff/catalog/finance/consultations')).statusCode, 200);
    assert.equal((await czj.get(`/staff/catalog/finance/consultations/${open}`)).statusCode, 404, 'not a consultation of that unit');
    assert.equal((await (await t.signIn('czj_editor')).get('/staff/catalog/finance/consultations')).statusCode, 403);
  });

  it('refuses a comment without contact, or over 5,000 characters, keeping the input', async () => {
    const c = t.client();
    const noContact = await c.post(`/openness/consultations/${open}/comments`, { ...(await openForm(c, open)), name: '', contact: '', body: '建议把部门预决算纳入目录。' });
    assert.equal(noContact.statusCode, 400);
    assert.match(textOf(noContact.body), /请填写联系方式（手机号码、固定电话或电子邮箱）/);
    assert.match(noContact.body, />建议把部门预决算纳入目录。<\/textarea>/);

    const long = await c.post(`/openness/consultations/${open}/comments`, { ...(await openForm(c, open)), contact: '13912345678', body: '长'.repeat(5001) });
    assert.equal(long.statusCode, 400);
    assert.match(textOf(long.body), /意见内容不能超过5000个字（现为5001个字）/);
    assert.match(long.body, /value="13912345678"/);
    assert.equal((await comments(open)).rows.length, 0);
  });

  it('stores one comment for a double submit with the same key', async () => {
    const c = t.client();
    const form = { ...(await openForm(c, open)), name: '张三', contact: '13912345678', body: '建议在政府预算事项中写明公开到功能分类项级科目。' };
    const first = await c.post(`/openness/consultations/${open}/comments`, form);
    const second = await c.post(`/openness/consultations/${open}/comments`, form);
    assert.equal(first.statusCode, 303);
    assert.equal(second.statusCode, 303);
    assert.equal(second.headers.location, `/openness/consultations/${open}`);
    assert.match(textOf((await c.get(`/openness/consultations/${open}`)).body), /您的意见已收到（提交时间 2026-11-26 10:00）/);
    const other = t.client();
    const email = await other.post(`/openness/consultations/${open}/comments`, { ...(await openForm(other, open)), contact: 'reader@example.com', body: '建议增加“三公”经费的公开渠道。' });
    assert.equal(email.statusCode, 303);
    const rows = (await comments(open)).rows;
    assert.deepEqual(rows.map((r) => r.contact), ['13912345678', 'reader@example.com']);
    const audited = await t.core.pool.query("SELECT summary FROM audit_log WHERE action = 'catalog.comment-submitted'");
    assert.equal(audited.rows.length, 2);
    assert.doesNotMatch(JSON.stringify(audited.rows), /13912345678|张三/, 'no personal data in the audit log');
  });

  it('refuses a comment before the period starts', async () => {
    const c = t.client();
    const page = await c.get(`/openness/consultations/${upcoming}`);
    assert.match(textOf(page.body), /意见征集将于2026-12-01开始/);
    assert.doesNotMatch(page.body, /name="submissionKey"/, 'no form before the start');
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? /name="_csrf" value="([^"]+)"/.exec((await c.get('/staff/login')).body)![1]!;
    const res = await c.post(`/openness/consultations/${upcoming}/comments`, { _csrf: token, submissionKey: 'a'.repeat(24), contact: '13912345678', body: '提前提交' });
    assert.equal(res.statusCode, 409);
    assert.match(textOf(res.body), /意见征集将于2026-12-01开始，请届时再提交。/);
  });

  it('shows staff masked contacts, and the full one on an audited page', async () => {
    const page = await office.get(`${staffList}/${open}`);
    assert.equal(page.statusCode, 200);
    assert.match(textOf(page.body), /139\*\*\*\*5678/);
    assert.match(textOf(page.body), /r\*{5}@example\.com/);
    assert.doesNotMatch(page.body, /13912345678/);
    const id = (await comments(open)).rows[0].id;
    const full = await office.get(`${staffList}/${open}/comments/${id}`);
    assert.match(textOf(full.body), /联系方式 13912345678/);
    const viewed = await t.core.pool.query("SELECT count(*)::int AS n FROM audit_log WHERE action = 'catalog.comment-contact-viewed'");
    assert.equal(viewed.rows[0].n, 1);
  });

  it('refuses to close while the period runs or a comment is unanswered', async () => {
    const early = await office.submit(`${staffList}/${open}`, `${staffList}/${open}/close`, {});
    assert.equal(early.statusCode, 409);
    assert.match(textOf(early.body), /征集期到2026-12-02才截止/);
    t.clock.set('2026-12-03T02:00:00Z');
    office = await t.signIn('gkb'); // a week later: a new session
    const late = await office.submit(`${staffList}/${open}`, `${staffList}/${open}/close`, {});
    assert.equal(late.statusCode, 409);
    assert.match(textOf(late.body), /还有2条意见没有答复/);
    assert.doesNotMatch(textOf(late.body), /才截止/);
  });

  it('refuses a comment after the period ended', async () => {
    const c = t.client();
    const page = await c.get(`/openness/consultations/${open}`);
    assert.match(textOf(page.body), /意见征集已于2026-12-02结束，不再接收意见/);
    const token = /name="_csrf" value="([^"]+)"/.exec((await c.get('/staff/login')).body)![1]!;
    const res = await c.post(`/openness/consultations/${open}/comments`, { _csrf: token, submissionKey: 'b'.repeat(24), contact: '13912345678', body: '迟到的意见' });
    assert.equal(res.statusCode, 409);
    assert.match(textOf(res.body), /意见征集已于2026-12-02结束，不再接收意见。/);
  });

  it('needs a reason for 不采纳, then closes and publishes the answers without contact data', async () => {
    const [a, b] = (await comments(open)).rows;
    const url = `${staffList}/${open}`;
    const noReason = await office.submit(url, `${url}/comments/${b.id}/answer`, { [`answer_${b.id}`]: 'not_adopted', [`reason_${b.id}`]: '' });
    assert.equal(noReason.statusCode, 400);
    assert.match(textOf(noReason.body), /选择“不采纳”时请填写理由/);
    assert.match(noReason.body, new RegExp(`name="answer_${b.id}" value="not_adopted" checked`));
    assert.equal((await office.submit(url, `${url}/comments/${a.id}/answer`, { [`answer_${a.id}`]: 'adopted', [`reason_${a.id}`]: '' })).statusCode, 303);
    assert.equal(
      (await office.submit(url, `${url}/comments/${b.id}/answer`, { [`answer_${b.id}`]: 'not_adopted', [`reason_${b.id}`]: '“三公”经费已在部门预决算事项中公开。' })).statusCode,
      303,
    );
    const closed = await office.submit(url, `${url}/close`, {});
    assert.equal(closed.statusCode, 303);
    assert.match(textOf((await office.get(url)).body), /已结束征集并公布采纳情况，采纳的目录为第2版/);
    const row = (await t.core.pool.query('SELECT adopted_version, closed_at FROM consultations WHERE code = $1', [open])).rows[0];
    assert.equal(row.adopted_version, 2);
    assert.equal(row.closed_at.toISOString(), '2026-12-03T02:00:00.000Z');

    const pub = await t.client().get(`/openness/consultations/${open}`);
    const text = textOf(pub.body);
    assert.match(text, /意见采纳情况 公布日期 2026-12-03 采纳后的目录版本 第2版 收到意见 2条（采纳1条，部分采纳0条，不采纳1条）/);
    assert.match(text, /第1条意见 建议在政府预算事项中写明公开到功能分类项级科目。 处理结果 采纳/);
    assert.match(text, /第2条意见 建议增加“三公”经费的公开渠道。 处理结果 不采纳 理由 “三公”经费已在部门预决算事项中公开。/);
    assert.doesNotMatch(pub.body, /13912345678/);
    assert.doesNotMatch(pub.body, /139\*\*\*\*5678/);
    assert.doesNotMatch(pub.body, /reader@example\.com/);
    assert.doesNotMatch(pub.body, /张三/);

    const again = await office.submit(url, `${url}/comments/${a.id}/answer`, { [`answer_${a.id}`]: 'not_adopted', [`reason_${a.id}`]: '改变主意' });
    assert.equal(again.statusCode, 409);
    assert.match(textOf(again.body), /采纳情况已经公布，不能再修改答复/);
    const actions = (await t.core.pool.query("SELECT action FROM audit_log WHERE action LIKE 'catalog.c%' ORDER BY id")).rows.map((r) => r.action);
    assert.deepEqual(actions, [
      'catalog.consultation-created',
      'catalog.consultation-created',
      'catalog.comment-submitted',
      'catalog.comment-submitted',
      'catalog.comment-contact-viewed',
      'catalog.comment-answered',
      'catalog.comment-answered',
      'catalog.consultation-closed',
    ]);
    t.clock.set('2026-11-26T02:00:00Z');
  });

  it('limits comment posts to 10 a minute', async () => {
    // Seven posts so far in this file; the limit answers with 429 and a Chinese message.
    const c = t.client();
    let last = 0;
    let body = '';
    for (let i = 0; i < 5 && last !== 429; i++) {
      const res = await c.post(`/openness/consultations/${open}/comments`, { contact: '', body: '' });
      last = res.statusCode;
      body = res.body;
    }
    assert.equal(last, 429);
    assert.match(textOf(body), /操作过于频繁，请稍后再试/);
  });

  it('keeps the audit chain intact', async () => {
    assert.equal((await verifyAuditChain(t.core.db)).ok, true);
  });
});
