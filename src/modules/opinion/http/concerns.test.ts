// 回应关切 through HTTP and the database: staff write a response citing records, it appears in the public
// column; bad input is answered at the field; script in text and links never reaches a page.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, textOf, type TestApp, type TestClient } from '../../../core/testing/index.ts';

let t: TestApp;
let office: TestClient;
before(async () => {
  t = await createTestApp({ now: '2026-11-26T02:00:00Z' });
  office = await t.signIn('gkb');
});
after(async () => t.dispose());

const unitId = async (slug: string) => String((await t.core.pool.query('SELECT id FROM units WHERE slug = $1', [slug])).rows[0].id);

describe('回应关切', () => {
  it('refuses bad input at the field and keeps it', async () => {
    const bad = await office.submit('/staff/opinion/concerns/new', '/staff/opinion/concerns', { question: '<script>alert(1)</script>供水价格会涨吗？', answer: '', answeredOn: '2026-11-27', unitId: await unitId('finance'), links: '说明 | javascript:alert(1)', itemCode: 'abc', published: 'yes' });
    assert.equal(bad.statusCode, 400);
    assert.match(textOf(bad.body), /请填写答复.*第1行的地址应以 \/ 或 http:\/\/ 、https:\/\/ 开头.*舆情编号格式如 YQ2026-0003/s);
    assert.match(bad.body, /&lt;script>alert\(1\)&lt;\/script>供水价格会涨吗？<\/textarea>/);
    const future = await office.submit('/staff/opinion/concerns/new', '/staff/opinion/concerns', { question: '供水价格会涨吗？', answer: '不会。', answeredOn: '2026-11-27', unitId: await unitId('finance'), links: '', itemCode: 'YQ2026-0099', published: 'yes' });
    assert.equal(future.statusCode, 400);
    assert.match(textOf(future.body), /答复日期不能晚于今天.*没有这个舆情编号/s);
  });

  it('publishes a response with its unit, date and cited records; an unpublished one stays private', async () => {
    const ok = await office.submit('/staff/opinion/concerns/new', '/staff/opinion/concerns', {
      question: '<b>城区供水价格</b>明年会上涨吗？',
      answer: '2027年城区居民生活用水价格不作调整。\n如需调整，将依法举行价格听证。',
      answeredOn: '2026-11-25',
      unitId: await unitId('finance'),
      links: '楚雄市城区供水价格管理办法 | /records/abc123\n政策解读 | https://www.example.gov.cn/jd/1',
      itemCode: '',
      published: 'yes',
    });
    assert.equal(ok.statusCode, 303);
    await office.submit('/staff/opinion/concerns/new', '/staff/opinion/concerns', { question: '草稿问题', answer: '草稿', answeredOn: '2026-11-25', unitId: await unitId('finance'), links: '', itemCode: '', published: 'no' });
    const pub = t.client();
    const list = await pub.get('/opinion');
    assert.equal(list.statusCode, 200);
    assert.match(textOf(list.body), /共1条/);
    assert.doesNotMatch(list.body, /草稿问题|<b>城区/);
    const href = /href="(\/opinion\/concerns\/hy[0-9a-f]{12})"/.exec(list.body)![1]!;
    const one = await pub.get(href);
    assert.match(one.body, /<h1>&lt;b>城区供水价格&lt;\/b>明年会上涨吗？<\/h1>/);
    assert.match(textOf(one.body), /答复单位 楚雄市财政局 答复日期 2026-11-25/);
    assert.match(one.body, /<a href="\/records\/abc123">楚雄市城区供水价格管理办法<\/a>/);
    assert.match(one.body, /<p>如需调整，将依法举行价格听证。<\/p>/);
  });

  it('another unit cannot write in its name; malformed addresses are 4xx', async () => {
    const dgz = await t.signIn('dgz_editor');
    const r = await dgz.submit('/staff/opinion/concerns/new', '/staff/opinion/concerns', { question: '问', answer: '答', answeredOn: '2026-11-25', unitId: await unitId('finance'), links: '', itemCode: '', published: 'yes' });
    assert.equal(r.statusCode, 400);
    assert.match(textOf(r.body), /只能以本单位名义答复/);
    for (const u of ['/opinion/concerns/x', '/opinion/concerns/hy000000000000', '/opinion?page=999', '/opinion?page=-1']) assert.ok([200, 404].includes((await t.client().get(u)).statusCode), u);
    assert.equal((await t.client().get('/opinion/concerns/hy000000000000')).statusCode, 404);
  });
});
