// An item page reached from a unit's catalog (demo data, 楚雄市财政局): the breadcrumb leads back to
// that unit, not to the 楚雄市人民政府 that owns a shared item; and a page that lists published records
// never says that there are none.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, textOf, type TestApp } from '../../../core/testing/index.ts';

const crumbs = (html: string) => textOf(/<nav class="breadcrumbs"[\s\S]*?<\/nav>/.exec(html)?.[0] ?? '');

describe('item pages reached from a unit’s catalog', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ now: '2026-12-07T02:00:00Z' });
  });
  after(async () => t.dispose());

  it('shows the unit in the breadcrumb and no “no records” line beside listed records', async () => {
    const links: string[] = [];
    for (let page = 1; page <= 5; page++) {
      const res = await t.client().get(`/openness/finance/catalog?page=${page}`);
      if (res.statusCode !== 200) break;
      links.push(...[...res.body.matchAll(/href="(\/openness\/items\/[^"?]+\?from=finance)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&')));
    }
    assert.ok(links.length > 0, 'item links on the catalog carry the unit');
    // The items finance holds but the city owns: these once showed 楚雄市人民政府.
    const shared = (await t.core.pool.query(`SELECT i.code FROM catalog_items i WHERE i.owner_unit_id IS NULL OR i.owner_unit_id <> (SELECT id FROM units WHERE slug = 'finance')`)).rows.map((r) => r.code as string);
    let sharedSeen = 0;
    let withRecords = 0;
    for (const href of links) {
      const res = await t.client().get(href);
      assert.equal(res.statusCode, 200, href);
      const c = crumbs(res.body);
      assert.match(c, /政府信息公开 楚雄市财政局 法定主动公开内容/, `${href}: ${c}`);
      assert.doesNotMatch(c, /楚雄市人民政府/, href);
      if (shared.some((code) => href.includes(`/items/${code}?`))) sharedSeen++;
      if (/本事项下主动公开的信息/.test(res.body)) {
        withRecords++;
        assert.doesNotMatch(textOf(res.body), /尚无该事项的公开记录|尚无公开记录/, `${href} lists records`);
      }
    }
    assert.ok(sharedSeen > 0, 'a shared item of the city was among them');
    assert.ok(withRecords > 0, 'an item with published records was among them');
    // Without ?from (or from a unit that does not hold it) the owner stays in the breadcrumb.
    const plain = await t.client().get(links[0]!.replace(/\?from=finance$/, '?from=donggua-nope'));
    assert.equal(plain.statusCode, 200);
  });
});
