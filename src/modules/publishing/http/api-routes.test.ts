// The public JSON API of records: list with filters and pagination, one record by 索引号, search;
// malformed input answers 400 with {error:{code,message,fields}}; /api/docs lists the endpoints.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, textOf, type TestApp } from '../../../core/testing/index.ts';
import { withdrawRecord } from '../service.ts';
import type { RecordRow } from '../data/repository.ts';
import { linkForTest, publishTestRecord, staffActor } from '../testing/public-fixture.ts';

describe('records API', { timeout: 180_000 }, () => {
  let t: TestApp;
  let policy: RecordRow;
  let interp: RecordRow;
  let hidden: RecordRow;
  let withdrawn: RecordRow;
  const get = async (url: string) => {
    const res = await t.client().get(url, { accept: 'application/json' });
    return { status: res.statusCode, body: JSON.parse(res.body) as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
  };

  before(async () => {
    t = await createTestApp();
    const base = { unit: 'lvhe', publisherName: '楚雄市吕合镇人民政府', subject: '民政、扶贫、救灾' };
    const day = (d: string) => ({ publishedOn: d, writtenOn: d, formedOn: d });
    for (let i = 1; i <= 5; i++) await publishTestRecord(t, { ...base, ...day(`2026-0${i}-15`), title: `吕合镇第${i}季度临时救助公示`, genre: '公告', keywords: ['临时救助'] });
    policy = await publishTestRecord(t, { ...base, ...day('2026-09-01'), title: '吕合镇临时救助实施细则', docNo: '吕政发〔2026〕11号', docType: 'normative', genre: '规定', generalColumn: 'policy', bodyHtml: '<p>第一条 为规范临时救助工作，制定本细则。</p>' });
    interp = await publishTestRecord(t, { ...base, ...day('2026-09-01'), kind: 'interpretation', interpretationForm: 'official', title: '吕合镇临时救助实施细则负责人解读', genre: '解读', generalColumn: 'policy' });
    await linkForTest(t, policy.id, interp.id);
    hidden = await publishTestRecord(t, { ...base, ...day('2026-09-02'), title: '吕合镇临时救助对象身份信息', disclosure: 'withheld', disclosureGrounds: ['art15-privacy'], reevaluateOn: '2027-09-01' });
    withdrawn = await publishTestRecord(t, { ...base, ...day('2026-09-03'), title: '吕合镇临时救助资金发放通知' });
    assert.ok((await withdrawRecord(t.core, await staffActor(t, 'gkb'), withdrawn.code, 'replaced', '已由新通知替代')).ok);
  });
  after(async () => t?.dispose());

  it('lists published records newest first with filters and pages', async () => {
    const all = await get('/api/v1/records?unit=lvhe&pageSize=3');
    assert.equal(all.status, 200);
    // 5 公示 + policy + interpretation; not the withheld or the withdrawn one.
    assert.equal(all.body.total, 7);
    assert.equal(all.body.items.length, 3);
    assert.deepEqual(
      all.body.items.map((i: { title: string }) => i.title),
      ['吕合镇临时救助实施细则负责人解读', '吕合镇临时救助实施细则', '吕合镇第5季度临时救助公示'],
    );
    const page3 = await get('/api/v1/records?unit=lvhe&pageSize=3&page=3');
    assert.deepEqual(
      page3.body.items.map((i: { title: string }) => i.title),
      ['吕合镇第1季度临时救助公示'],
    );
    const normative = await get('/api/v1/records?unit=lvhe&type=normative');
    assert.equal(normative.body.total, 1);
    const p = normative.body.items[0];
    assert.equal(p.indexNo, policy.indexNo);
    assert.equal(p.url, `/records/${policy.indexNo}`);
    assert.equal(p.docNo, '吕政发〔2026〕11号');
    assert.deepEqual(p.unit, { slug: 'lvhe', name: '楚雄市吕合镇人民政府' });
    assert.equal(p.docType, 'normative');
    assert.equal(p.column, 'policy');
    const y = await get('/api/v1/records?unit=lvhe&year=2025');
    assert.equal(y.body.total, 0);
  });

  it('gets one record by 索引号, with links both ways', async () => {
    const res = await get(`/api/v1/records/${policy.indexNo}`);
    assert.equal(res.status, 200);
    assert.equal(res.body.title, '吕合镇临时救助实施细则');
    assert.equal(res.body.state, 'published');
    assert.equal(res.body.bodyHtml, '<p>第一条 为规范临时救助工作，制定本细则。</p>');
    assert.deepEqual(
      res.body.interpretations.map((i: { title: string }) => i.title),
      ['吕合镇临时救助实施细则负责人解读'],
    );
    const i = await get(`/api/v1/records/${interp.indexNo}`);
    assert.equal(i.body.kind, 'interpretation');
    assert.equal(i.body.interpretationForm, 'official');
    assert.deepEqual(
      i.body.policies.map((x: { indexNo: string }) => x.indexNo),
      [policy.indexNo],
    );
    const w = await get(`/api/v1/records/${withdrawn.indexNo}`);
    assert.equal(w.body.state, 'withdrawn');
    assert.equal(w.body.withdrawal.reason, 'replaced');
    assert.equal(w.body.withdrawal.note, '已由新通知替代');
    assert.deepEqual(w.body.changes.map((c: { event: string }) => c.event), ['published', 'withdrawn']);
  });

  it('answers 404 for records that are not public', async () => {
    const res = await get(`/api/v1/records/${hidden.indexNo}`);
    assert.equal(res.status, 404);
    assert.deepEqual(res.body, { error: { code: 'not_found', message: '该信息不存在或未主动公开。', fields: {} } });
  });

  it('searches with highlighted, escaped snippets', async () => {
    const res = await get(`/api/v1/records/search?q=${encodeURIComponent('吕政发[2026]11号')}`);
    assert.equal(res.status, 200);
    assert.equal(res.body.items[0].record.title, '吕合镇临时救助实施细则');
    assert.equal(res.body.items[0].exactDocNo, true);
    const s = await get(`/api/v1/records/search?q=${encodeURIComponent('临时救助 公示')}&unit=lvhe`);
    assert.equal(s.body.total, 5);
    assert.equal(s.body.items[0].titleHtml, '吕合镇第5季度<mark>临时救助公示</mark>');
    const b = await get(`/api/v1/records/search?q=${encodeURIComponent('规范临时救助')}`);
    assert.equal(b.body.items[0].snippetHtml, '第一条 为<mark>规范临时救助</mark>工作，制定本细则。');
    assert.equal(b.body.items[0].snippetText, '第一条 为规范临时救助工作，制定本细则。');
  });

  it('answers malformed input with 400 and the fields at fault', async () => {
    const cases: [string, string][] = [
      ['/api/v1/records?page=0', 'page'],
      ['/api/v1/records?page=abc', 'page'],
      ['/api/v1/records?pageSize=1000', 'pageSize'],
      ['/api/v1/records?type=law', 'type'],
      ['/api/v1/records?year=20x5', 'year'],
      ['/api/v1/records?nonsense=1', 'querystring'],
      ['/api/v1/records?unit=no-such-unit', 'unit'],
      ['/api/v1/records?item=zz-none', 'item'],
      ['/api/v1/records?subject=' + encodeURIComponent('不存在的主题'), 'subject'],
      ['/api/v1/records/search', 'q'],
      ['/api/v1/records/search?q=' + 'a'.repeat(101), 'q'],
      ['/api/v1/records/search?q=' + encodeURIComponent('，。'), 'q'],
      ['/api/v1/records/bad/2026-00001', 'uscc'],
      [`/api/v1/records/${policy.indexNo!.split('/')[0]}/20x6-1`, 'serial'],
    ];
    for (const [url, field] of cases) {
      const res = await get(url);
      assert.equal(res.status, 400, url);
      assert.equal(res.body.error.code, 'validation_error', url);
      assert.ok(typeof res.body.error.message === 'string' && res.body.error.message.length > 0, url);
      assert.ok(Object.keys(res.body.error.fields).some((k) => k.includes(field)), `${url}: ${JSON.stringify(res.body.error.fields)}`);
    }
  });

  it('documents the endpoints in OpenAPI and on /api/docs', async () => {
    const doc = (await get('/api/v1/openapi.json')).body;
    for (const p of ['/api/v1/records', '/api/v1/records/search', '/api/v1/records/{uscc}/{serial}']) assert.ok(doc.paths[p]?.get, p);
    const params = doc.paths['/api/v1/records'].get.parameters.map((x: { name: string }) => x.name);
    for (const n of ['page', 'pageSize', 'unit', 'domain', 'item', 'column', 'type', 'subject', 'year', 'validity']) assert.ok(params.includes(n), n);
    const page = await t.client().get('/api/docs');
    assert.equal(page.statusCode, 200);
    const text = textOf(page.body);
    assert.match(text, /GET \/api\/v1\/records\/search ：?全文检索主动公开信息/);
    assert.match(text, /GET \/api\/v1\/units/);
    assert.match(page.body, /href="\/api\/v1\/openapi.json"/);
    assert.doesNotMatch(page.body, /<script(?! src="\/assets\/js\/site.js")/);
  });
});
