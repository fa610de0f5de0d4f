// Small points of the people's experience, checked over HTTP on the demo city: the staff menu starts
// with 后台首页; the account page names 浏览器和系统 in words; the public statistics page carries no
// developer text; the request form's 核对 page asks for attachments before 返回修改; the 定时发布 hint
// speaks Beijing time; the generated 指南 lists all 15 categories of 第二十条; catalog exports keep
// Chinese quotes.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, textOf, type TestApp } from '../src/core/testing/index.ts';
import { applyOnline } from '../src/modules/requests/http/test-helpers.ts';

describe('small points of the people’s experience', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ now: '2026-12-07T02:00:00Z' });
  });
  after(async () => t.dispose());

  it('puts 后台首页 before 单位管理 in the staff menu', async () => {
    const admin = await t.signIn('czj_admin');
    const nav = /<nav class="site-nav" aria-label="后台导航">[\s\S]*?<\/nav>/.exec((await admin.get('/staff')).body)?.[0] ?? '';
    const labels = [...nav.matchAll(/<a [^>]*>([^<]+)<\/a>/g)].map((m) => m[1]);
    assert.equal(labels[0], '后台首页');
    assert.ok(labels.includes('单位管理'), labels.join(' '));
  });

  it('names the browser and system of each session in words', async () => {
    const ua = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36';
    const c = await t.signIn('czj_editor');
    await t.core.pool.query(`UPDATE sessions SET user_agent = $1`, [ua]).catch(() => undefined);
    const page = await c.get('/staff/account', { 'user-agent': ua });
    assert.equal(page.statusCode, 200);
    const text = textOf(page.body);
    assert.match(text, /浏览器和系统/);
    assert.doesNotMatch(text, /Mozilla\/5\.0|AppleWebKit/);
  });

  it('shows no API address on the public request statistics', async () => {
    const page = await t.client().get('/requests/statistics');
    assert.equal(page.statusCode, 200);
    assert.doesNotMatch(textOf(page.body), /\/api\/|https?:\/\/|JSON|endpoint/i);
  });

  it('asks for attachments on the 核对 page before the 返回修改 button', async () => {
    const { confirm } = await applyOnline(t.client());
    const attach = confirm.body.indexOf('name="attachments"');
    const back = confirm.body.indexOf('返回修改');
    assert.ok(attach > 0 && back > attach, `attachments at ${attach}, 返回修改 at ${back}`);
  });

  it('speaks Beijing time in the 定时发布 hint', async () => {
    const editor = await t.signIn('czj_editor');
    const draft = await editor.submit('/staff/records/new', '/staff/records/new', {
      kind: 'record', interpretationForm: '', catalogItemId: '', generalColumn: 'notice', title: '关于定时发布提示的测试通知', publisherName: '楚雄市财政局', docNo: '',
      writtenOn: '2026-12-01', formedOn: '2026-12-01', subject: '财政、金融、审计', genre: '通知', docType: 'other', keywords: '测试', summary: '测试。',
      bodyHtml: '测试正文。', disclosure: 'proactive', disclosureNote: '', reevaluateOn: '',
    });
    assert.equal(draft.statusCode, 303, textOf(draft.body).slice(0, 300));
    const row = { code: String(draft.headers.location).split('/').pop() };
    await t.core.pool.query(`UPDATE pub_records SET state = 'approved' WHERE code = $1`, [row.code]);
    const page = await (await t.signIn('czj_reviewer')).get(`/staff/records/${row.code}`);
    const text = textOf(page.body);
    assert.match(text, /定时发布的时间（北京时间）/);
    assert.match(text, /2026年12月1日 上午9:00/);
    assert.doesNotMatch(text, /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
  });

  it('lists all 15 categories of 第二十条 in the generated 指南', async () => {
    // A unit without an edited guide shows the generated one.
    const units = (await t.core.pool.query(`SELECT slug FROM units WHERE parent_id IS NOT NULL ORDER BY id`)).rows.map((r) => r.slug as string);
    let text = '';
    for (const slug of units) {
      const res = await t.client().get(`/openness/${slug}/guide`);
      if (res.statusCode === 200 && /主要包括（《条例》第二十条）/.test(res.body)) {
        text = textOf(res.body);
        break;
      }
    }
    assert.ok(text, 'a generated guide');
    for (const category of [
      '行政法规、规章和规范性文件',
      '国民经济和社会发展统计信息',
      '重大建设项目的批准和实施情况',
      '扶贫、教育、医疗、社会保障、促进就业',
      '突发公共事件的应急预案、预警信息及应对情况',
      '环境保护、公共卫生、安全生产、食品药品、产品质量的监督检查情况',
      '公务员招考的职位、名额、报考条件等事项以及录用结果',
      '政府集中采购项目的目录、标准及实施情况',
    ])
      assert.ok(text.includes(category), category);
    assert.match(text, /15\. 法律、法规、规章和国家有关规定规定应当主动公开的其他政府信息/);
  });

  it('keeps Chinese quotes in catalog exports', async () => {
    const csv = await t.client().get('/openness/finance/catalog/export.csv');
    assert.equal(csv.statusCode, 200);
    const body = csv.rawPayload.toString('utf8');
    assert.doesNotMatch(body, /""三公""/, 'no ASCII quotes inside cells');
    if (body.includes('三公')) assert.match(body, /“三公”/);
  });
});
