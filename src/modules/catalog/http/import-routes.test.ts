import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { createTestApp, textOf, type TestApp, type TestClient } from '../../../core/testing/index.ts';
import { buildCatalogFixture, buildLargeCatalogWorkbook, buildMultiSheetCatalog, buildWrittenTextCatalog, catalogSheet, FIXTURE_ROWS, WRITTEN_TEXT_ROWS } from '../testing/fixture.ts';
import { withoutDemoCatalog } from '../testing/no-demo-catalog.ts';
import { waitForImportRun } from '../service-import-run.ts';

function cookieOf(c: TestClient): string {
  return [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
}

function remember(c: TestClient, res: LightMyRequestResponse): void {
  for (const k of res.cookies as { name: string; value: string }[]) {
    if (k.value === '') c.cookies.delete(k.name);
    else c.cookies.set(k.name, k.value);
  }
}

function csrfOf(html: string): string {
  const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  assert.ok(token, 'a CSRF token on the page');
  return token;
}

interface Upload {
  name: string;
  bytes: Buffer;
  type?: string;
}

/** Loads the import form, then posts it as multipart/form-data like a browser. */
async function upload(t: TestApp, c: TestClient, slug: string, fields: Record<string, string>, file?: Upload): Promise<LightMyRequestResponse> {
  const page = await c.get(`/staff/catalog/${slug}/import`);
  assert.equal(page.statusCode, 200);
  const boundary = `----gk${crypto.randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries({ _csrf: csrfOf(page.body), ...fields })) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type ?? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'}\r\n\r\n`,
      ),
      file.bytes,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  const res = await t.app.inject({
    method: 'POST',
    url: `/staff/catalog/${slug}/import`,
    headers: { cookie: cookieOf(c), 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat(parts),
  });
  remember(c, res);
  return res;
}

/** Confirms a preview: 303 to the import run's page; waits for the save and returns that page's text. */
async function confirmImport(c: TestClient, slug: string, sealed: Record<string, string>): Promise<string> {
  const confirm = await c.post(`/staff/catalog/${slug}/import/confirm`, sealed);
  assert.equal(confirm.statusCode, 303);
  const location = String(confirm.headers.location);
  const code = new RegExp(`^/staff/catalog/${slug}/import/runs/([A-Za-z0-9_-]{16})$`).exec(location)?.[1];
  assert.ok(code, `redirected to the run page, not ${location}`);
  await waitForImportRun(code);
  const page = await c.get(location);
  assert.equal(page.statusCode, 200);
  return textOf(page.body);
}

function sealedOf(html: string): { payload: string; signature: string; _csrf: string } {
  const payload = /name="payload" value="([^"]+)"/.exec(html)?.[1];
  const signature = /name="signature" value="([^"]+)"/.exec(html)?.[1];
  assert.ok(payload && signature, 'a confirm form on the preview');
  return { payload, signature, _csrf: csrfOf(html) };
}

async function countStandard(t: TestApp): Promise<number> {
  return Number((await t.core.pool.query('SELECT count(*) FROM catalog_items WHERE owner_unit_id IS NULL AND retired_at IS NULL')).rows[0].count);
}

/** The fixture with one cell changed. */
async function editedFixture(edit: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const { buffer } = await buildCatalogFixture();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  edit(wb.worksheets[0]!);
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

async function sheetWorkbook(grid: string[][], merges: { top: number; left: number; bottom: number; right: number }[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('目录');
  grid.forEach((row, i) => {
    ws.getRow(i + 1).values = row;
  });
  for (const m of merges) {
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) ws.getCell(r, c).value = null;
    ws.mergeCells(m.top, m.left, m.bottom, m.right);
  }
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

const ROW = ['1', '政府预决算', '政府预算', '收支表', '《中华人民共和国预算法》', '批准后20日内', '楚雄市财政局', '政府网站', '√', '', '√', '', '√', '√'];

describe('catalog import', () => {
  let t: TestApp;
  let gkb: TestClient;
  const fixtureRows = FIXTURE_ROWS.length;
  const financeRows = FIXTURE_ROWS.filter((r) => r.domain === '财政预决算').length;
  before(async () => {
    withoutDemoCatalog();
    t = await createTestApp();
    gkb = await t.signIn('gkb');
  });
  after(async () => t.dispose());

  it('asks for a file and a reason', async () => {
    const res = await upload(t, gkb, 'city-government', { reason: '' });
    assert.equal(res.statusCode, 400);
    const text = textOf(res.body);
    assert.match(text, /请选择要导入的 Excel（.xlsx）文件/);
    assert.match(text, /请填写导入说明/);
  });

  it('refuses a file that is not an xlsx, and an empty one, on the form page', async () => {
    const txt = await upload(t, gkb, 'city-government', { reason: '导入' }, { name: 'catalog.xlsx', bytes: Buffer.from('序号,一级事项\n1,政府预算\n'), type: 'text/csv' });
    assert.equal(txt.statusCode, 400);
    assert.match(textOf(txt.body), /文件“catalog.xlsx”无法导入：文件不是有效的 Excel（.xlsx）文件/);
    assert.match(txt.body, /enctype="multipart\/form-data"/, 'the form again');
    assert.match(txt.body, /导入<\/textarea>/, 'the reason kept');
    const empty = await upload(t, gkb, 'city-government', { reason: '导入' }, { name: 'empty.xlsx', bytes: Buffer.alloc(0) });
    assert.equal(empty.statusCode, 400);
    assert.match(textOf(empty.body), /文件为空（0字节）/);
    const xls = await upload(t, gkb, 'city-government', { reason: '导入' }, { name: 'old.xls', bytes: Buffer.from('d0cf11e0a1b11ae1000000000000', 'hex') });
    assert.match(textOf(xls.body), /旧版 Excel（.xls）/);
    assert.equal(await countStandard(t), 0);
  });

  it('refuses a sheet with missing columns on the form page', async () => {
    const bytes = await sheetWorkbook([['序号', '公开事项', '公开事项', '公开内容（要素）'], ['序号', '一级事项', '二级事项', '公开内容（要素）'], ['1', '政府预决算', '政府预算', '收支表']], []);
    const res = await upload(t, gkb, 'city-government', { reason: '导入', defaultDomain: '财政预决算' }, { name: 'cols.xlsx', bytes });
    assert.equal(res.statusCode, 400);
    assert.match(textOf(res.body), /表头缺少必需的列：公开依据、公开时限、公开主体、公开渠道和载体/);
  });

  it('answers a file over the limit with the 413 page', async () => {
    const res = await upload(t, gkb, 'city-government', { reason: '导入' }, { name: 'big.xlsx', bytes: Buffer.alloc(11 * 1024 * 1024, 1) });
    assert.equal(res.statusCode, 413);
    assert.match(textOf(res.body), /上传的文件过大/);
    const huge = await upload(t, gkb, 'city-government', { reason: '导入' }, { name: 'huge.xlsx', bytes: Buffer.alloc(20 * 1024 * 1024, 0x50) });
    assert.equal(huge.statusCode, 413, 'a 20 MB file');
    assert.match(textOf(huge.body), /上传的文件过大，超过了允许的大小，请压缩或拆分后再上传。/);
    assert.equal(await countStandard(t), 0, 'nothing saved');
  });

  it('lists a merge across several columns as an error and offers no confirm', async () => {
    const second = ROW.map((v, i) => (i === 0 ? '2' : i === 2 ? '政府决算' : v));
    const { grid, merges } = catalogSheet([ROW, second], { title: '楚雄市财政预决算领域基层政务公开标准目录' });
    const bytes = await sheetWorkbook(grid, [...merges, { top: 5, left: 4, bottom: 5, right: 5 }]);
    const res = await upload(t, gkb, 'city-government', { reason: '导入' }, { name: 'merged.xlsx', bytes });
    assert.equal(res.statusCode, 400);
    const text = textOf(res.body);
    assert.match(text, /有 1 处错误，不能导入/);
    assert.match(text, /第5行 D列 错误 合并单元格 D5:E5 跨越了「公开内容（要素）」「公开依据」多列/);
    assert.ok(!res.body.includes('name="payload"'));
    assert.equal(await countStandard(t), 0);
  });

  it('previews the fixture with its counts and problems, then saves it all on confirm', async () => {
    const { buffer } = await buildCatalogFixture();
    const res = await upload(t, gkb, 'city-government', { reason: '导入财政预决算、生态环境领域目录' }, { name: 'fixture.xlsx', bytes: buffer });
    assert.equal(res.statusCode, 200);
    const text = textOf(res.body);
    assert.match(text, new RegExp(`读取的事项行 ${fixtureRows} 行 将新增 ${fixtureRows} 项 将修改 0 项 不变 0 项 导入说明 导入财政预决算、生态环境领域目录`));
    assert.match(text, /发现的问题：错误 0 处，提示 8 处（提示不影响导入）/);
    assert.match(text, /第10行 G列 提示 公开时限「随部门决算一并公开」无法计算，已按文字保存/);
    // 排污许可, 危险废物经营许可 and 重点排污单位名录 name the 州 bureau, which is not one of the city's units.
    assert.equal(FIXTURE_ROWS.filter((r) => r.publisher === '楚雄州生态环境局').length, 3);
    const sewage = FIXTURE_ROWS.findIndex((r) => r.level2 === '排污许可') + 4;
    assert.equal(sewage, 23);
    assert.match(text, new RegExp(`第${sewage}行 H列 提示 公开主体中的「楚雄州生态环境局」不是本市单位名录中的单位，也不是单位类别（如“各乡镇人民政府”），请核对名称；如为上级或其他机关，可忽略本提示`));
    assert.match(text, new RegExp(`确认后将新增 ${fixtureRows} 项、修改 0 项`));
    assert.equal(await countStandard(t), 0, 'nothing saved by the preview');

    const done = await confirmImport(gkb, 'city-government', sealedOf(res.body));
    assert.match(done, new RegExp(`已保存 ${fixtureRows} / ${fixtureRows} 行（100%） 导入完成：新增${fixtureRows}项，修改0项，不变0项，目录已更新为第1版。`));
    const page = await gkb.get('/staff/catalog/city-government');
    assert.match(textOf(page.body), new RegExp(`财政预决算领域（${financeRows}项）`));
    assert.equal(await countStandard(t), fixtureRows);
    const reason = (await t.core.pool.query('SELECT reason, changed_by_name FROM catalog_versions ORDER BY id DESC LIMIT 1')).rows[0];
    assert.deepEqual(reason, { reason: '导入财政预决算、生态环境领域目录', changed_by_name: '李政务（政务公开办）（gkb）' });
  });

  it('previews a changed row as an update and an unchanged file as nothing to do', async () => {
    const { layout } = await buildCatalogFixture();
    const first = layout.rows[1]!;
    const bytes = await editedFixture((ws) => {
      ws.getCell(`${layout.columns.content}${first.row}`).value = '一般公共预算收入决算表、支出决算表（2026年修订）';
    });
    const res = await upload(t, gkb, 'city-government', { reason: '修订政府决算公开内容' }, { name: 'v2.xlsx', bytes });
    assert.equal(res.statusCode, 200);
    const text = textOf(res.body);
    assert.match(text, new RegExp(`将新增 0 项 将修改 1 项 不变 ${fixtureRows - 1} 项`));
    assert.match(text, new RegExp(`${first.row} 财政预决算 政府预决算 政府决算 修改（公开内容（要素））`));
    assert.match(await confirmImport(gkb, 'city-government', sealedOf(res.body)), new RegExp(`新增0项，修改1项，不变${fixtureRows - 1}项，目录已更新为第2版`));

    const again = await upload(t, gkb, 'city-government', { reason: '再导入一次' }, { name: 'v2.xlsx', bytes });
    assert.match(textOf(again.body), /文件中的事项与现有目录完全相同，确认后不会产生新版本/);
  });

  it('refuses a tampered or replayed hidden field and saves nothing', async () => {
    const sheet = catalogSheet([ROW.map((v, i) => (i === 2 ? '新的二级事项' : v))], { title: '楚雄市财政预决算领域基层政务公开标准目录' });
    const bytes = await sheetWorkbook(sheet.grid, sheet.merges);
    const res = await upload(t, gkb, 'city-government', { reason: '新增一项' }, { name: 'one.xlsx', bytes });
    assert.equal(res.statusCode, 200);
    const sealed = sealedOf(res.body);
    const before = await countStandard(t);

    // Forge: change what the items say, keep the signature.
    const json = zlib.inflateRawSync(Buffer.from(sealed.payload, 'base64url')).toString('utf8').replace('新的二级事项', '伪造的二级事项');
    const forged = zlib.deflateRawSync(Buffer.from(json)).toString('base64url');
    const tampered = await gkb.post('/staff/catalog/city-government/import/confirm', { ...sealed, payload: forged });
    assert.equal(tampered.statusCode, 400);
    assert.match(textOf(tampered.body), /导入数据无法验证（可能在预览后被改动），没有保存任何内容/);
    const noSig = await gkb.post('/staff/catalog/city-government/import/confirm', { ...sealed, signature: 'x' });
    assert.equal(noSig.statusCode, 400);

    // The same signed preview posted to another catalog.
    const elsewhere = await gkb.post('/staff/catalog/finance/import/confirm', sealed);
    assert.equal(elsewhere.statusCode, 400);
    assert.match(textOf(elsewhere.body), /该导入预览不属于本目录/);

    assert.equal(await countStandard(t), before);

    assert.match(await confirmImport(gkb, 'city-government', sealed), /导入完成：新增1项/);
    assert.equal(await countStandard(t), before + 1);
  });

  it('flags an unknown domain as an error', async () => {
    const bytes = await editedFixture((ws) => {
      ws.getCell('B4').value = '涉农资金';
    });
    const res = await upload(t, gkb, 'city-government', { reason: '导入' }, { name: 'domain.xlsx', bytes });
    assert.equal(res.statusCode, 400);
    assert.match(textOf(res.body), /第4行 B列 错误 领域「涉农资金」不存在/);
    assert.ok(!res.body.includes('name="payload"'));
  });

  it('keeps other units out and lets a unit import its own items', async () => {
    const ed = await t.signIn('czj_editor');
    assert.equal((await ed.get('/staff/catalog/city-government/import')).statusCode, 403);
    // The bureau's own items: the fixture's rows under other 二级事项 names than the city's.
    const { buffer: own } = await buildCatalogFixture({ domain: '财政预决算', level2Prefix: '本局' });
    const res = await upload(t, ed, 'finance', { reason: '本局目录' }, { name: '财政.xlsx', bytes: own });
    assert.equal(res.statusCode, 200);
    assert.match(textOf(res.body), new RegExp(`将新增 ${financeRows} 项`));
    assert.match(await confirmImport(ed, 'finance', sealedOf(res.body)), new RegExp(`导入完成：新增${financeRows}项`));
    const count = await t.core.pool.query("SELECT count(*) FROM catalog_items i JOIN units u ON u.id = i.owner_unit_id WHERE u.slug = 'finance'");
    assert.equal(Number(count.rows[0].count), financeRows);
    const reviewer = await t.signIn('czj_reviewer');
    assert.equal((await reviewer.get('/staff/catalog/finance/import')).statusCode, 403);
  });

  it("adopts the city's standard items a unit imports, and a unit's own export imports back without copies", async () => {
    const ed = await t.signIn('czj_editor');
    const items = async () => Number((await t.core.pool.query('SELECT count(*) FROM catalog_items')).rows[0].count);
    const adoptedCount = async () =>
      Number((await t.core.pool.query("SELECT count(*) FROM catalog_unit_items c JOIN units u ON u.id = c.unit_id WHERE u.slug = 'finance' AND c.removed_at IS NULL")).rows[0].count);
    const before = await items();
    // The city's standard catalog as exported: every row is a standard item, so the bureau adopts them.
    const city = await gkb.get('/staff/catalog/city-government/export.xlsx');
    assert.equal(city.statusCode, 200);
    const standard = await countStandard(t);
    const res = await upload(t, ed, 'finance', { reason: '采用本市标准目录' }, { name: '标准目录.xlsx', bytes: city.rawPayload });
    assert.equal(res.statusCode, 200, textOf(res.body));
    assert.match(textOf(res.body), new RegExp(`将新增 0 项`));
    assert.match(textOf(res.body), new RegExp(`将采用本市标准事项 ${standard} 项`));
    assert.match(await confirmImport(ed, 'finance', sealedOf(res.body)), new RegExp(`导入完成：新增0项，修改0项，采用标准事项${standard}项`));
    assert.equal(await items(), before, 'no item is copied');
    assert.equal(await adoptedCount(), standard);
    // The bureau's catalog (its own items and the adopted ones), exported and imported back: nothing to do.
    const mine = await ed.get('/staff/catalog/finance/export.xlsx');
    const again = await upload(t, ed, 'finance', { reason: '再次导入' }, { name: '本局目录.xlsx', bytes: mine.rawPayload });
    assert.equal(again.statusCode, 200, textOf(again.body));
    assert.match(textOf(again.body), /文件中的事项与现有目录完全相同/);
    assert.equal(await items(), before);
    // A standard item with other content is refused: a unit cannot change the city's item.
    const changed = new ExcelJS.Workbook();
    await changed.xlsx.load(city.rawPayload as unknown as ArrayBuffer);
    const sheet = changed.worksheets[0]!;
    let edited = false;
    sheet.eachRow((row, n) => {
      const content = row.getCell(5);
      if (!edited && n >= 4 && typeof content.value === 'string' && content.value) {
        content.value = `${content.value}（本局修改）`;
        edited = true;
      }
    });
    const refused = await upload(t, ed, 'finance', { reason: '修改标准事项' }, { name: '改.xlsx', bytes: Buffer.from((await changed.xlsx.writeBuffer()) as ArrayBuffer) });
    assert.equal(refused.statusCode, 400, "a preview with errors answers 400");
    assert.match(textOf(refused.body), /该事项属于本市标准目录，本单位导入时不能修改其内容/);
    assert.doesNotMatch(refused.body, /name="payload"/, 'no confirm form');
  });

  it('imports 5,000 rows', async () => {
    let started = Date.now();
    const bytes = await buildLargeCatalogWorkbook(5000);
    const built = Date.now() - started;
    started = Date.now();
    const res = await upload(t, gkb, 'city-government', { reason: '大批量导入' }, { name: 'large.xlsx', bytes });
    const previewMs = Date.now() - started;
    assert.equal(res.statusCode, 200);
    assert.match(textOf(res.body), /读取的事项行 5000 行 将新增 5000 项/);
    assert.match(textOf(res.body), /共 5000 行，保存需要几秒钟，请勿重复点击/);
    assert.match(res.body, /<form method="post" action="\/staff\/catalog\/city-government\/import\/confirm" data-progress="import-progress">/);
    assert.match(res.body, /<p id="import-progress" class="import-progress" role="status" aria-live="polite" hidden><progress aria-label="保存进度"><\/progress> 正在保存 5000 项/);
    const before = await countStandard(t);
    started = Date.now();
    const confirm = await gkb.post('/staff/catalog/city-government/import/confirm', sealedOf(res.body));
    assert.equal(confirm.statusCode, 303);
    const runUrl = String(confirm.headers.location);
    const code = runUrl.split('/').pop()!;
    // While saving: the page refreshes itself without JavaScript, and the JSON status only moves forward
    // with numbers that agree with each other; nothing is visible in the catalog before the commit.
    const running = await gkb.get(runUrl);
    const samples: { state: string; saved: number; total: number; percent: number; progressText: string }[] = [];
    if (/正在导入/.test(running.body)) {
      assert.match(running.body, /<noscript><meta http-equiv="refresh" content="2"\/?><\/noscript>/);
      assert.match(running.body, /<label for="import-run-progress">保存进度<\/label> <progress id="import-run-progress" max="5000"/);
    }
    for (;;) {
      const s = await gkb.get(`/api/v1/catalog/units/city-government/import/runs/${code}`);
      assert.equal(s.statusCode, 200);
      const status = s.json();
      samples.push(status);
      if (status.state !== 'running') break;
      assert.ok([before, before + 5000].includes(await countStandard(t)));
      await new Promise((r) => setTimeout(r, 20));
    }
    const saveMs = Date.now() - started;
    let last = -1;
    for (const x of samples) {
      assert.equal(x.total, 5000);
      assert.ok(x.saved >= last && x.saved <= x.total, `saved ${x.saved} after ${last}`);
      last = x.saved;
      assert.equal(x.percent, x.state === 'done' ? 100 : Math.min(99, Math.floor((x.saved * 100) / x.total)));
      assert.equal(x.progressText, `已保存 ${x.saved.toLocaleString('en-US')} / 5,000 行（${x.percent}%）`);
    }
    assert.deepEqual(samples.at(-1), { ...samples.at(-1), state: 'done', saved: 5000, percent: 100, progressText: '已保存 5,000 / 5,000 行（100%）' });
    console.log(`progress samples while saving: ${samples.map((x) => x.percent).join(', ')}`);
    await waitForImportRun(code);
    assert.equal(await countStandard(t), before + 5000);
    const sealedKb = Math.round(sealedOf(res.body).payload.length / 1024);
    console.log(`5,000-row import: workbook built in ${built} ms, upload + preview ${previewMs} ms (hidden field ${sealedKb} KB), confirm + save ${saveMs} ms`);
    assert.ok(saveMs < 30_000, `save took ${saveMs} ms`);
    started = Date.now();
    const done = await gkb.get(runUrl);
    assert.match(textOf(done.body), /导入完成：新增5000项，修改0项，不变0项/);
    assert.ok(!done.body.includes('http-equiv'), 'no refresh once done');
    started = Date.now();
    const page = await gkb.get('/staff/catalog/city-government');
    const pageMs = Date.now() - started;
    started = Date.now();
    const diff = await gkb.get('/staff/catalog/city-government/versions/diff?from=1&to=4');
    const diffMs = Date.now() - started;
    assert.match(textOf(diff.body), /新增 5001 项，移除 0 项，修改 1 项。/);
    console.log(`catalog page with ${before + 5000} items: ${pageMs} ms, ${Math.round(page.body.length / 1024)} KB; diff of 5,002 items: ${diffMs} ms`);
  });

  it('imports every domain sheet of a workbook, lists the cover and notes, and applies the level chosen for a sheet without 公开层级', async () => {
    const before = await countStandard(t);
    const res = await upload(t, gkb, 'city-government', { reason: '导入全市标准目录（16个领域）' }, { name: '标准目录.xlsx', bytes: await buildMultiSheetCatalog() });
    assert.equal(res.statusCode, 200);
    const text = textOf(res.body);
    assert.match(text, /工作表 16 张（共 18 张，见下表）/);
    assert.match(text, /读取的事项行 48 行/);
    assert.match(text, /各工作表：共 18 张，导入 16 张，未导入 2 张/);
    assert.match(text, /封面 未导入 没有标准目录的表头（如封面、说明页），不是目录表/);
    assert.match(text, /填报说明 未导入 没有标准目录的表头/);
    // rows read, to add, to change, to adopt, unchanged, with errors, not imported (the note line, listed)
    assert.match(text, /1\.重大建设项目 4 3 0 0 0 0 1 楚雄市重大建设项目领域基层政务公开标准目录/);
    assert.match(text, /安全生产领域 3 3 0 0 0 0 0 楚雄市安全生产领域基层政务公开标准目录；本表没有“公开层级”列，导入时按下面为本表选择的层级（默认县级）/);
    assert.match(text, /工作表「1\.重大建设项目」第7行 提示 整行合并的说明行/);
    assert.match(res.body, /<select id="f-level_0" name="level_0"/);
    assert.match(text, /工作表「安全生产领域」的公开层级/);
    assert.match(text, /工作表「市政服务」的公开层级/);
    const done = await confirmImport(gkb, 'city-government', { ...sealedOf(res.body), level_0: 'both' });
    assert.match(done, /导入完成：新增48项/);
    assert.equal(await countStandard(t), before + 48);
    const levels = async (domain: string) =>
      (
        await t.core.pool.query(
          `SELECT i.level_county AS c, i.level_township AS t FROM catalog_items i JOIN catalog_domains d ON d.id = i.domain_id WHERE d.name = $1 AND i.owner_unit_id IS NULL ORDER BY i.id`,
          [domain],
        )
      ).rows.map((r: { c: boolean; t: boolean }) => `${r.c ? '县' : ''}${r.t ? '乡' : ''}`);
    assert.deepEqual(await levels('安全生产'), ['县乡', '县乡', '县乡'], 'the level chosen for the sheet');
    assert.deepEqual(await levels('市政服务'), ['县', '县', '县'], 'the default for a county-level unit');
    assert.deepEqual(await levels('税收管理'), ['县', '县', '县乡'], 'a one-row header read with its marks');
  });

  it('recognises role names, groups the remaining warnings by kind, lists the first 50 and offers all as xlsx', async () => {
    const rows = Array.from({ length: 80 }, (_, i) => {
      const publisher = i % 2 ? `楚雄州第${i}局` : '应急管理部门、县级人民政府民政部门、乡镇人民政府（街道办事处）';
      return [String(i + 1), '安全生产信息', `警示事项${i + 1}`, '内容', '《中华人民共和国安全生产法》', '实时公开', publisher, '政府网站', '√', '', '√', '', '√', ''];
    });
    const { grid, merges } = catalogSheet(rows, { title: '楚雄市安全生产领域基层政务公开标准目录' });
    const res = await upload(t, gkb, 'city-government', { reason: '导入' }, { name: 'roles.xlsx', bytes: await sheetWorkbook(grid, merges) });
    assert.equal(res.statusCode, 200);
    const text = textOf(res.body);
    assert.doesNotMatch(text, /「应急管理部门」|「县级人民政府民政部门」|「乡镇人民政府（街道办事处）」/, 'roles raise no warning');
    assert.match(text, /发现的问题：错误 0 处，提示 40 处（提示不影响导入），按类别 类别 类型 处数 公开主体不是本市单位 提示 40/);
    assert.match(text, /下载全部 40 处问题（xlsx）/);
    assert.equal((res.body.match(/<td>第\d+行 G列<\/td>/g) ?? []).length, 40);

    const many = Array.from({ length: 120 }, (_, i) => [String(i + 1), '安全生产信息', `州局事项${i + 1}`, '内容', '《中华人民共和国安全生产法》', '实时公开', `楚雄州第${i}局`, '政府网站', '√', '', '√', '', '√', '']);
    const big = catalogSheet(many, { title: '楚雄市安全生产领域基层政务公开标准目录' });
    const res2 = await upload(t, gkb, 'city-government', { reason: '导入' }, { name: 'many.xlsx', bytes: await sheetWorkbook(big.grid, big.merges) });
    const text2 = textOf(res2.body);
    assert.match(text2, /公开主体不是本市单位 提示 120/);
    assert.match(text2, /发现的问题（只列出前 50 处，共 120 处，全部问题请下载）/);
    assert.equal((res2.body.match(/<td>第\d+行 G列<\/td>/g) ?? []).length, 50);
    const packed = /name="problems" value="([^"]+)"/.exec(res2.body)![1]!;
    const xlsx = await gkb.post('/staff/catalog/city-government/import/problems.xlsx', { _csrf: csrfOf(res2.body), problems: packed });
    assert.equal(xlsx.statusCode, 200);
    assert.match(String(xlsx.headers['content-type']), /spreadsheetml/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    assert.equal(ws.rowCount, 121, 'a header and every problem');
    assert.deepEqual((ws.getRow(1).values as unknown[]).slice(1), ['工作表', '行', '列', '类型', '类别', '说明']);
    assert.deepEqual((ws.getRow(121).values as unknown[]).slice(2, 6), [123, 'G', '提示', '公开主体不是本市单位']);
    const bad = await gkb.post('/staff/catalog/city-government/import/problems.xlsx', { _csrf: csrfOf(res2.body), problems: 'not-valid' });
    assert.equal(bad.statusCode, 400);
  });
  it('exports 公开依据 and 公开渠道和载体 exactly as written: import → export, every cell equal', async () => {
    const res = await upload(t, gkb, 'city-government', { reason: '导入原文目录' }, { name: '原文.xlsx', bytes: await buildWrittenTextCatalog() });
    assert.equal(res.statusCode, 200, textOf(res.body));
    assert.match(await confirmImport(gkb, 'city-government', sealedOf(res.body)), new RegExp(`导入完成：新增${WRITTEN_TEXT_ROWS.length}项`));

    // The whole exported sheet: find each written row by its 二级事项 and compare every cell after 序号.
    const xlsx = await gkb.get('/staff/catalog/city-government/export.xlsx');
    assert.equal(xlsx.statusCode, 200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const cellText = (v: ExcelJS.CellValue) => (v === null || v === undefined ? '' : String(v));
    const exported = new Map<string, string[]>();
    ws.eachRow((row) => {
      // seq, 领域, 一级, 二级, …: the row without 序号 and 领域, keyed by 二级事项.
      const cells = Array.from({ length: 15 }, (_, i) => cellText(row.getCell(i + 1).master.value));
      exported.set(`${cells[2]}|${cells[3]}`, cells.slice(2));
    });
    for (const row of WRITTEN_TEXT_ROWS) {
      const got = exported.get(`${row[1]}|${row[2]}`);
      assert.ok(got, `row ${row[2]} exported`);
      assert.deepEqual(got, row.slice(1), `row ${row[2]}: every cell as written`);
    }
    // The CSV says the same.
    const csv = (await gkb.get('/staff/catalog/city-government/export.csv')).body;
    for (const row of WRITTEN_TEXT_ROWS) assert.ok(csv.includes(row[4]!.includes('\n') || row[4]!.includes(',') ? `"${row[4]}"` : row[4]!), `basis of ${row[2]} in the CSV`);

    // The standard channel behind a unit's own words is recognised; the item page shows the text as written.
    const stored = await t.core.pool.query(
      "SELECT code, level2, basis, basis_text, channels, custom_channels, channels_text FROM catalog_items WHERE level2 LIKE '%（原文）' ORDER BY id",
    );
    const by = new Map(stored.rows.map((r) => [r.level2 as string, r]));
    assert.deepEqual(by.get('政府预算（原文）')!.basis, ['《中华人民共和国预算法》', '《中华人民共和国政府信息公开条例》']);
    assert.deepEqual(by.get('政府预算（原文）')!.channels, ['政府网站', '社区/企事业单位/村公示栏（电子屏）']);
    assert.deepEqual(by.get('预算调整（原文）')!.channels, ['两微一端', '政务服务中心']);
    assert.deepEqual(by.get('部门预算（原文）')!.custom_channels, ['部门网站']);
    assert.deepEqual(by.get('"三公"经费预算（原文）')!.channels, ['政府网站', '便民服务站', '社区/企事业单位/村公示栏（电子屏）']);
    const page = textOf((await t.client().get(`/openness/items/${by.get('政府预算（原文）')!.code}`)).body);
    assert.match(page, /公开依据 《中华人民共和国预算法》《中华人民共和国政府信息公开条例》 公开时限/);
    assert.match(page, /公开渠道和载体 政府网站、公示栏 对应标准渠道：公示栏→社区\/企事业单位\/村公示栏（电子屏）/);
    const dept = textOf((await t.client().get(`/openness/items/${by.get('部门决算（原文）')!.code}`)).body);
    assert.match(dept, /（一）《中华人民共和国预算法》；（二）《政府信息公开条例》，（三）财预〔2016〕143号/);
    assert.match(dept, /公开渠道和载体 政府网站、公示栏 /, 'a checklist shows its ticked names');

    // Saved again on the form unchanged: the text stays as written; the history quotes it as written.
    const code = by.get('政府预算（原文）')!.code as string;
    const form = await gkb.get(`/staff/catalog/items/${code}/edit`);
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /name="channelsText" value="政府网站、公示栏"/);
    const field = (name: string) => new RegExp(`name="${name}"[^>]*value="([^"]*)"`).exec(form.body)?.[1] ?? '';
    const saved = await gkb.post(`/staff/catalog/items/${code}`, {
      _csrf: csrfOf(form.body),
      domainName: '财政预决算',
      level1: '政府预决算',
      level2: '政府预算（原文）',
      content: '收支表（含说明）',
      basis: '《中华人民共和国预算法》《中华人民共和国政府信息公开条例》',
      timeLimitText: '批准后20日内',
      publisherText: '楚雄市财政局',
      channels: ['政府网站', '社区/企事业单位/村公示栏（电子屏）'],
      customChannels: field('customChannels'),
      channelsText: field('channelsText'),
      audience: 'society',
      mode: 'proactive',
      level: ['county', 'township'],
      reason: '补充说明',
    });
    assert.equal(saved.statusCode, 303, textOf(saved.body));
    const after = await t.core.pool.query('SELECT basis_text, channels_text FROM catalog_items WHERE code = $1', [code]);
    assert.deepEqual(after.rows[0], { basis_text: '《中华人民共和国预算法》《中华人民共和国政府信息公开条例》', channels_text: '政府网站、公示栏' });
    const history = textOf((await gkb.get(`/staff/catalog/items/${code}/history`)).body);
    assert.match(history, /公开内容（要素）/);
    assert.doesNotMatch(history, /公开依据/, 'the basis did not change');
  });
});
