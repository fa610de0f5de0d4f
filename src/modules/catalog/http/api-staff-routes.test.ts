import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { createTestApp, textOf, type TestApp, type TestClient } from '../../../core/testing/index.ts';
import { buildCatalogFixture, FIXTURE_ROWS } from '../testing/fixture.ts';
import { waitForImportRun } from '../service-import-run.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function cookieOf(c: TestClient): string {
  return [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
}

async function csrfToken(c: TestClient): Promise<string> {
  const res = await c.get('/api/v1/catalog/staff/csrf-token');
  assert.equal(res.statusCode, 200);
  return res.json().token;
}

/** Posts the import as multipart/form-data, the CSRF token in the x-csrf-token header. */
async function upload(t: TestApp, c: TestClient, slug: string, fields: Record<string, string>, file: { name: string; bytes: Buffer }, token?: string): Promise<LightMyRequestResponse> {
  const boundary = `----gk${crypto.randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${XLSX}\r\n\r\n`), file.bytes, Buffer.from('\r\n'));
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/catalog/units/${slug}/import`,
    headers: { cookie: cookieOf(c), 'content-type': `multipart/form-data; boundary=${boundary}`, ...(token ? { 'x-csrf-token': token } : {}) },
    payload: Buffer.concat(parts),
  });
}

async function ownItems(t: TestApp, slug: string): Promise<number> {
  const r = await t.core.pool.query('SELECT count(*) FROM catalog_items i JOIN units u ON u.id = i.owner_unit_id WHERE u.slug = $1', [slug]);
  return Number(r.rows[0].count);
}

describe('catalog staff API: import and export', () => {
  let t: TestApp;
  let ed: TestClient;
  const financeRows = FIXTURE_ROWS.filter((r) => r.domain === '财政预决算').length;
  before(async () => {
    t = await createTestApp();
    ed = await t.signIn('czj_editor');
  });
  after(async () => t.dispose());

  it('answers 401 without a session', async () => {
    const { buffer } = await buildCatalogFixture({ domain: '财政预决算' });
    const visitor = t.client();
    for (const res of [
      await upload(t, visitor, 'finance', { reason: '导入' }, { name: 'a.xlsx', bytes: buffer }),
      await visitor.json('POST', '/api/v1/catalog/units/finance/import/confirm', { payload: 'x', signature: 'y' }),
      await visitor.get('/api/v1/catalog/units/finance/export?format=xlsx'),
      await visitor.get('/api/v1/catalog/staff/csrf-token'),
    ]) {
      assert.equal(res.statusCode, 401);
      assert.deepEqual(res.json(), { error: { code: 'unauthenticated', message: '请先登录', fields: {} } });
    }
  });

  it('previews an upload, saves it on confirm with progress, and exports it', async () => {
    // The bureau's own items (the demo's standard ones under other names: those would be adopted).
    const { buffer } = await buildCatalogFixture({ domain: '财政预决算', level2Prefix: '本局' });
    const token = await csrfToken(ed);
    const res = await upload(t, ed, 'finance', { reason: '本局目录（接口导入）' }, { name: '财政.xlsx', bytes: buffer }, token);
    assert.equal(res.statusCode, 200, res.body);
    const preview = res.json();
    assert.equal(preview.fileName, '财政.xlsx');
    assert.equal(preview.dataRows, financeRows);
    assert.deepEqual(preview.counts, { create: financeRows, update: 0, adopt: 0, unchanged: 0 });
    assert.equal(preview.rows.length, financeRows);
    assert.deepEqual(preview.rows[0], { row: 4, action: 'create', domain: '财政预决算', level1: '政府预决算', level2: '本局政府预算', changes: [] });
    assert.ok(preview.problems.length > 0);
    assert.ok(preview.problems.every((p: { severity: string }) => p.severity === 'warning'));
    assert.ok(preview.problems.some((p: { column: string; message: string }) => /^[A-Z]$/.test(p.column) && p.message === '公开时限「随部门决算一并公开」无法计算，已按文字保存'), JSON.stringify(preview.problems));
    assert.equal(await ownItems(t, 'finance'), 0, 'nothing saved by the preview');

    const confirm = await ed.json('POST', '/api/v1/catalog/units/finance/import/confirm', preview.confirmation);
    assert.equal(confirm.statusCode, 202, confirm.body);
    const run = confirm.json();
    assert.equal(run.total, financeRows);
    assert.match(run.statusUrl, /^\/api\/v1\/catalog\/units\/finance\/import\/runs\/[A-Za-z0-9_-]{16}$/);
    await waitForImportRun(run.code);
    const status = await ed.get(run.statusUrl);
    assert.equal(status.statusCode, 200);
    assert.deepEqual(status.json(), {
      ...run,
      state: 'done',
      saved: financeRows,
      percent: 100,
      progressText: `已保存 ${financeRows} / ${financeRows} 行（100%）`,
      message: `导入完成：新增${financeRows}项，修改0项，不变0项，目录已更新为第2版。`,
      result: { created: financeRows, updated: 0, adopted: 0, unchanged: 0, version: 2 },
    });
    assert.equal(await ownItems(t, 'finance'), financeRows);
    const page = await ed.get(`/staff/catalog/finance/import/runs/${run.code}`);
    assert.match(textOf(page.body), /保存进度 .*已保存 \d+ \/ \d+ 行（100%） 导入完成/);

    const json = await ed.get('/api/v1/catalog/units/finance/export?format=json');
    assert.equal(json.statusCode, 200);
    assert.match(String(json.headers['content-disposition']), /attachment/);
    assert.ok(JSON.stringify(json.json()).includes('部门整体支出绩效评价结果'));
    const xlsx = await ed.get('/api/v1/catalog/units/finance/export?format=xlsx');
    assert.equal(xlsx.statusCode, 200);
    assert.equal(xlsx.headers['content-type'], XLSX);
    assert.equal(xlsx.rawPayload.subarray(0, 2).toString('latin1'), 'PK');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    assert.match(String(wb.worksheets[0]!.getCell('A1').value), /楚雄市财政局/);
    const csv = await ed.get('/api/v1/catalog/units/finance/export?format=csv');
    assert.equal(csv.statusCode, 200);
    assert.equal(csv.rawPayload.subarray(0, 3).toString('hex'), 'efbbbf', 'UTF-8 BOM');
    const bad = await ed.get('/api/v1/catalog/units/finance/export?format=pdf');
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().error.code, 'validation_error');
  });

  it('answers a bad file with 400, the problems by row and column, and saves nothing', async () => {
    const token = await csrfToken(ed);
    const before = await ownItems(t, 'finance');
    const txt = await upload(t, ed, 'finance', { reason: '导入' }, { name: 'catalog.xlsx', bytes: Buffer.from('序号,一级事项\n1,政府预算\n') }, token);
    assert.equal(txt.statusCode, 400);
    const err = txt.json().error;
    assert.equal(err.code, 'import_file_invalid');
    assert.match(err.message, /^文件“catalog.xlsx”无法导入：文件不是有效的 Excel（.xlsx）文件/);
    assert.equal(err.fields.file, err.message);
    assert.equal(err.problems[0].severity, 'error');

    const { buffer } = await buildCatalogFixture();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
    wb.worksheets[0]!.getCell('B4').value = '涉农资金';
    const bytes = Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const rows = await upload(t, ed, 'finance', { reason: '导入' }, { name: 'domain.xlsx', bytes }, token);
    assert.equal(rows.statusCode, 400);
    const e2 = rows.json().error;
    assert.equal(e2.code, 'import_has_errors');
    assert.match(e2.message, /^文件“domain.xlsx”有 1 处错误，没有可以保存的内容，请改正后重新上传：第4行 B列：领域「涉农资金」不存在/);
    assert.ok(e2.problems.some((p: { row: number; column: string; severity: string }) => p.row === 4 && p.column === 'B' && p.severity === 'error'));

    const missing = await upload(t, ed, 'finance', { reason: '' }, { name: 'a.xlsx', bytes }, token);
    assert.equal(missing.statusCode, 400);
    assert.deepEqual(missing.json().error.fields, { reason: '请填写导入说明' });

    const forged = await ed.json('POST', '/api/v1/catalog/units/finance/import/confirm', { payload: 'abc', signature: 'x'.repeat(43) });
    assert.equal(forged.statusCode, 400);
    assert.match(forged.json().error.message, /导入数据无法验证/);
    assert.equal(await ownItems(t, 'finance'), before);
  });

  it('refuses without permission (403) and without the CSRF header', async () => {
    const { buffer } = await buildCatalogFixture({ domain: '财政预决算' });
    const token = await csrfToken(ed);
    const city = await upload(t, ed, 'city-government', { reason: '导入' }, { name: 'a.xlsx', bytes: buffer }, token);
    assert.equal(city.statusCode, 403);
    assert.equal(city.json().error.message, '只有政务公开办可以修改本市标准目录。');
    const reviewer = await t.signIn('czj_reviewer');
    const r = await upload(t, reviewer, 'finance', { reason: '导入' }, { name: 'a.xlsx', bytes: buffer }, await csrfToken(reviewer));
    assert.equal(r.statusCode, 403);
    assert.equal((await ed.get('/api/v1/catalog/units/ecology-environment/export?format=json')).statusCode, 403);
    const noCsrf = await upload(t, ed, 'finance', { reason: '导入' }, { name: 'a.xlsx', bytes: buffer });
    assert.equal(noCsrf.statusCode, 403);
    assert.equal(noCsrf.json().error.code, 'csrf_invalid');
  });

  it('documents the endpoints in the OpenAPI document', async () => {
    const doc = (await t.client().get('/api/v1/openapi.json')).json();
    for (const path of ['/api/v1/catalog/units/{unitSlug}/import', '/api/v1/catalog/units/{unitSlug}/import/confirm', '/api/v1/catalog/units/{unitSlug}/import/runs/{code}', '/api/v1/catalog/units/{unitSlug}/export']) {
      assert.ok(doc.paths[path], path);
    }
    const docs = await t.client().get('/api/docs');
    assert.match(textOf(docs.body), /上传 .xlsx 标准目录，返回导入预览/);
  });

  it('links 公开主体 to the units it names', async () => {
    const ids = await t.core.pool.query(
      "SELECT i.code, i.level2, i.publisher_unit_ids::text AS ids FROM catalog_items i WHERE owner_unit_id IS NULL AND level2 IN ('政府预算', '部门预算') ORDER BY level2",
    );
    const finance = (await t.core.pool.query("SELECT id FROM units WHERE slug = 'finance'")).rows[0].id;
    const budget = ids.rows.find((r) => r.level2 === '政府预算')!;
    assert.equal(budget.ids, `{${finance}}`, '楚雄市财政局');
    assert.equal(ids.rows.find((r) => r.level2 === '部门预算')!.ids, '{}', '各预算部门（单位）、各乡镇人民政府 are unit types');
    const page = await t.client().get(`/openness/items/${budget.code}`);
    assert.match(page.body, /<th scope="row">公开主体<\/th>\s*<td><a href="\/openness\/finance\/catalog">楚雄市财政局<\/a><\/td>/);
  });
});
