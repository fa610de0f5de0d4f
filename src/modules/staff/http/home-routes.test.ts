// The staff home page lists what waits for each person; every number equals the length of the list its
// link opens (the same query on both pages).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, textOf, type TestApp, type TestClient } from '../../../core/testing/index.ts';

interface Shown {
  count: number;
  href: string;
  label: string;
}

function workItems(html: string): Shown[] {
  const out: Shown[] = [];
  const re = /<a href="([^"]+)"><span class="work-count">(\d+)<\/span><span class="work-label">([^<]+)/g;
  for (const m of html.matchAll(re)) out.push({ href: m[1]!.replace(/&amp;/g, '&'), count: Number(m[2]), label: m[3]! });
  return out;
}

/** The length of the list a work item opens, read from that page as a person would. */
async function listLength(c: TestClient, href: string): Promise<number> {
  const page = await c.get(href.replace(/#.*$/, ''));
  assert.equal(page.statusCode, 200, href);
  const text = textOf(page.body);
  if (href.endsWith('#h-awaiting')) return Number(/待我审核（(\d+)）/.exec(text)?.[1] ?? NaN);
  if (href.endsWith('#h-owed')) return Number(/待补充审核（(\d+)）/.exec(text)?.[1] ?? 0);
  if (href.startsWith('/staff/requests') || href.startsWith('/staff/records')) return Number(/共 (\d+) (?:件|条)。/.exec(text)?.[1] ?? NaN);
  if (href.startsWith('/staff/powers/')) return Number(/共(\d+)件。/.exec(text)?.[1] ?? NaN);
  if (href.startsWith('/staff/messages')) return Number(/共 (\d+) 件/.exec(text)?.[1] ?? NaN);
  if (href.startsWith('/staff/annual-reports?')) {
    const body = /<table class="ar-dashboard">[\s\S]*?<tbody>([\s\S]*?)<\/tbody>/.exec(page.body)?.[1] ?? '';
    return (body.match(/<tr/g) ?? []).length;
  }
  if (href.startsWith('/staff/annual-reports/')) return 1;
  if (href.startsWith('/staff/opinion/monitor')) return /没有\S*的线索/.test(text) ? 0 : Number(/共(\d+)条线索。/.exec(text)?.[1] ?? NaN);
  if (href.startsWith('/staff/newmedia/posts')) return text.includes('没有符合条件的稿件') ? 0 : Number(/<caption>共(\d+)篇<\/caption>/.exec(page.body)?.[1] ?? NaN);
  if (href.startsWith('/staff/newmedia/requests')) return text.includes('没有待审核的申请') ? 0 : Number(/共(\d+)件待审核申请。/.exec(text)?.[1] ?? NaN);
  if (href.startsWith('/staff/newmedia?')) return /还没有登记|没有超过\d+天未更新的账号/.test(text) ? 0 : Number(/<caption>共(\d+)个账号<\/caption>/.exec(page.body)?.[1] ?? NaN);
  if (href.startsWith('/staff/opinion')) return text.includes('没有符合条件的舆情') ? 0 : Number(/<caption>共(\d+)条<\/caption>/.exec(page.body)?.[1] ?? NaN);
  throw new Error(`no reader for ${href}`);
}

describe('staff home work queue', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ now: '2026-12-07T02:00:00Z' });
  });
  after(async () => t.dispose());
  const nonZero: string[] = [];

  for (const username of ['gkb', 'gkb_head', 'czj_admin', 'czj_editor', 'czj_reviewer', 'dgz_editor', 'admin']) {
    it(`${username}: every number on the home page equals the length of the list it opens`, async () => {
      const c = await t.signIn(username);
      const home = await c.get('/staff');
      assert.equal(home.statusCode, 200);
      const items = workItems(home.body);
      if (items.some((i) => i.count > 0)) nonZero.push(username);
      for (const item of items) assert.equal(await listLength(c, item.href), item.count, `${item.label} → ${item.href}`);
      if (username !== 'admin') assert.ok(items.length > 0, 'staff of the workflow see their queue');
    });
  }

  it('the comparison is not empty: the demo gives the office and a unit admin something to do', () => {
    assert.ok(nonZero.includes('gkb_head') && nonZero.includes('czj_admin'), nonZero.join(','));
  });

  it('puts late work first and says so in words, not only by colour', async () => {
    const c = await t.signIn('gkb_head');
    const body = (await c.get('/staff')).body;
    const city = body.slice(body.indexOf('id="work-city"'));
    assert.match(city, /class="work-overdue"><a href="\/staff\/requests\?scope=city&amp;due=overdue"><span class="work-count">1<\/span><span class="work-label">全市依申请公开：已超期/);
    assert.ok(city.indexOf('已超期') < city.indexOf('办理中'));
  });
});
