import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { chartsOf, createTestApp, tableRows, textOf, type TestApp, type TestClient } from '../../../core/testing/index.ts';
import { verifyAuditChain } from '../../../core/audit/index.ts';
import { useReportSources, type ReportSources } from '../data/sources.ts';
import { findReport } from '../data/repository.ts';
import type { RequestFact } from '../domain/section3.ts';
import type { RecordFact } from '../domain/section2.ts';
import { readWordDocument } from '../../../core/testing/office.ts';

async function unitId(t: TestApp, slug: string): Promise<number> {
  return Number((await t.core.pool.query('SELECT id FROM units WHERE slug = $1', [slug])).rows[0].id);
}

/** The requests, records and fees the two other modules would give, held in memory. */
function memorySources(requests: RequestFact[], records: (RecordFact & { unitId: number })[], fees: { unitId: number; requestNo: string; amountFen: number; paidOn: string }[]): ReportSources {
  return {
    async requests(_db, q) {
      return { available: true, facts: requests.filter((r) => q.unitIds.includes(r.unitId)) };
    },
    async fees(_db, q) {
      return { available: true, facts: fees.filter((f) => q.unitIds.includes(f.unitId)) };
    },
    async records(_db, q) {
      return { available: true, facts: records.filter((r) => q.unitIds.includes(r.unitId)) };
    },
  };
}

const REPORT = '/staff/annual-reports/finance/2025';

describe('annual report pages', () => {
  let t: TestApp;
  let editor: TestClient;
  let reviewer: TestClient;
  let gkb: TestClient;
  before(async () => {
    t = await createTestApp();
    const finance = await unitId(t, 'finance');
    const donggua = await unitId(t, 'donggua');
    const r = (requestNo: string, unit: number, applicantType: RequestFact['applicantType'], receivedOn: string, closedOn: string | null, outcome: RequestFact['outcome']): RequestFact => ({
      requestNo,
      unitId: unit,
      applicantType,
      receivedOn,
      closedOn,
      outcome,
    });
    useReportSources(
      t.core,
      memorySources(
        [
          r('YSQ-2025-000001', finance, 'person', '2025-03-01', '2025-03-20', 'granted'),
          r('YSQ-2025-000002', finance, 'person', '2025-04-01', '2025-04-10', 'granted'),
          r('YSQ-2025-000003', finance, 'business', '2025-05-01', '2025-05-25', 'partial'),
          r('YSQ-2025-000004', finance, 'legal', '2025-12-25', null, null),
          r('YSQ-2024-000009', finance, 'person', '2024-12-20', '2025-01-08', 'notHeld'),
          r('YSQ-2025-000005', donggua, 'person', '2025-06-01', '2025-06-05', 'granted'),
        ],
        [
          { unitId: finance, ref: '11532301MB0000000X/2025-00001', title: '楚雄市财政局关于规范财政专项资金管理的通知', docNo: '楚市财发〔2025〕3号', kind: 'normativeDocument', issuedOn: '2025-02-01', repealedOn: null, expiredOn: null },
          { unitId: finance, ref: '11532301MB0000000X/2020-00007', title: '楚雄市财政局政府采购管理办法', docNo: '楚市财发〔2020〕7号', kind: 'normativeDocument', issuedOn: '2020-01-01', repealedOn: '2025-09-01', expiredOn: null },
        ],
        [{ unitId: finance, requestNo: 'YSQ-2025-000002', amountFen: 20_000, paidOn: '2025-03-10' }],
      ),
    );
    editor = await t.signIn('czj_editor');
    reviewer = await t.signIn('czj_reviewer');
    gkb = await t.signIn('gkb');
  });
  after(async () => t.dispose());

  it('sends unit staff to their unit’s reports and lists the years they may generate', async () => {
    const res = await editor.get('/staff/annual-reports');
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/staff/annual-reports/finance');
    const page = await editor.get('/staff/annual-reports/finance');
    assert.equal(page.statusCode, 200);
    assert.match(textOf(page.body), /本单位还没有年度报告/);
    assert.match(page.body, /<option value="2025" selected>2025年度<\/option>/);
    assert.match(page.body, /<option value="2024">2024年度<\/option>/, 'a year before the platform may be entered by hand');
  });

  it('generates the 2025 report from the data, with every number in place', async () => {
    const res = await editor.submit('/staff/annual-reports/finance', '/staff/annual-reports/finance/generate', { year: '2025' });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, REPORT);
    const page = await editor.get(REPORT);
    assert.equal(page.statusCode, 200);
    const text = textOf(page.body);
    assert.match(text, /已生成2025年度年报。/);
    assert.match(text, /本报告统计范围为楚雄市财政局2025年1月1日至12月31日的政府信息公开工作。/);
    assert.match(text, /应发布日期 2026-01-31/);
    for (const h of ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项']) {
      assert.match(page.body, new RegExp(`<h2 id="section-[a-z]+">${h}</h2>`), h);
    }
    // Table 三: 一 new 2 自然人 + 1 商业企业 + 1 法律服务机构; 二 carried 1 自然人.
    const cell = (id: string) => new RegExp(`id="cell-${id.replace(/\./g, '\\.')}" class="[^"]*"><a href="/staff/annual-reports/finance/2025/cells/${id.replace(/\./g, '\\.')}"[^>]*>(\\d+)</a>`).exec(page.body)?.[1];
    assert.equal(cell('s3.new.person'), '2');
    assert.equal(cell('s3.new.total'), '4');
    assert.equal(cell('s3.carried.person'), '1');
    assert.equal(cell('s3.granted.person'), '2');
    assert.equal(cell('s3.partial.business'), '1');
    assert.equal(cell('s3.notHeld.person'), '1');
    assert.equal(cell('s3.total.total'), '4');
    assert.equal(cell('s3.forward.legal'), '1');
    assert.equal(cell('s2.normativeDocument.issued'), '1');
    assert.equal(cell('s2.normativeDocument.repealed'), '1');
    assert.equal(cell('s2.normativeDocument.inForce'), '1');
    assert.equal(cell('s4.review.total'), '0');
    // Entered figures have no list behind them and are not entered yet.
    assert.match(page.body, /id="cell-s2\.licensing" class="num cell-flagged">未填报/);
    // Pre-filled text.
    assert.match(text, /新收政府信息公开申请4件，上年结转1件；办结4件，其中予以公开2件、部分公开1件、不予公开0件、无法提供1件、不予处理0件、其他处理0件；结转下年度继续办理1件。/);
    assert.match(text, /本年度收取信息处理费共计200元。/);
  });

  it('names every failing check and refuses to publish', async () => {
    const page = await reviewer.get(REPORT);
    const text = textOf(page.body);
    assert.match(text, /核对未通过的年报不能发布/);
    assert.match(text, /表二「行政许可·本年处理决定数量」尚未填报/);
    assert.match(text, /表二「行政事业性收费·本年收费金额（单位：万元）」尚未填报/);
    assert.match(text, /表三「二、上年结转政府信息公开申请数量」行「自然人」列为1，但没有2024年度年报可供核对；请先补录2024年度年报/);
    assert.match(text, /正文「五、存在的主要问题及改进情况」仍有“【请填写】”处未完成/);
    assert.doesNotMatch(page.body, /action="\/staff\/annual-reports\/finance\/2025\/publish"/, 'no publish button');
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
    const version = String((await findReport(t.core.db, await unitId(t, 'finance'), 2025))!.version);
    const res = await reviewer.post(`${REPORT}/publish`, { _csrf: token, version });
    assert.equal(res.statusCode, 409);
    assert.match(textOf(res.body), /未能完成操作 .*表二「行政许可·本年处理决定数量」尚未填报/);
  });

  it('lists the requests, records and cases behind a number', async () => {
    const granted = await editor.get(`${REPORT}/cells/s3.granted.person`);
    assert.equal(granted.statusCode, 200);
    const text = textOf(granted.body);
    assert.match(text, /表三「（一）予以公开」行「自然人」列/);
    assert.match(text, /年报中此格为： 2/);
    assert.match(text, /共2条/);
    assert.match(text, /YSQ-2025-000001 自然人 2025-03-01 2025-03-20 （一）予以公开/);
    assert.match(text, /YSQ-2025-000002 自然人 2025-04-01 2025-04-10/);
    assert.doesNotMatch(text, /YSQ-2025-000005/, 'another unit’s request');
    const carried = textOf((await editor.get(`${REPORT}/cells/s3.carried.total`)).body);
    assert.match(carried, /YSQ-2024-000009 自然人 2024-12-20 2025-01-08 （四）无法提供 1.本机关不掌握相关政府信息/);
    const repealed = textOf((await editor.get(`${REPORT}/cells/s2.normativeDocument.repealed`)).body);
    assert.match(repealed, /楚雄市财政局政府采购管理办法 楚市财发〔2020〕7号 2020-01-01 2025-09-01/);
    const entered = await editor.get(`${REPORT}/cells/s2.licensing`);
    assert.equal(entered.statusCode, 200);
    assert.match(textOf(entered.body), /此数字由单位填报，本平台没有对应的清单。/);
    for (const bad of ['s3.granted', 's3.granted.person.x', 's9.a.b', 's3.nope.person', 's2.__proto__']) {
      assert.equal((await editor.get(`${REPORT}/cells/${bad}`)).statusCode, 404, bad);
    }
    assert.equal((await editor.get(`${REPORT}/cells/s3.granted.person?page=0`)).statusCode, 404);
    assert.equal((await editor.get(`${REPORT}/cells/s3.granted.person?page=2`)).statusCode, 404);
  });

  it('refuses bad figures with a message naming the cell and keeps the input', async () => {
    const res = await editor.submit(`${REPORT}/entry`, `${REPORT}/entry`, {
      version: '1',
      's2.licensing': '12x',
      's2.penalty': '45',
      's2.enforcement': '3',
      's2.fees': '1.23456',
    });
    assert.equal(res.statusCode, 400);
    const text = textOf(res.body);
    assert.match(text, /提交的内容有2处问题/);
    assert.match(text, /表二「行政许可·本年处理决定数量」应为不小于0的整数/);
    assert.match(text, /表二「行政事业性收费·本年收费金额（单位：万元）」应为不小于0的金额，最多4位小数/);
    assert.match(res.body, /name="s2\.penalty" type="text"[^>]*value="45"/);
    assert.match(res.body, /href="#f-s2-licensing"/);
    // The message also stands at the cell itself, tied to its input.
    assert.match(res.body, /id="f-s2-licensing"[^>]*aria-describedby="f-s2-licensing-error"/);
    assert.match(res.body, /<p class="field-message cell-message" id="f-s2-licensing-error"><span class="visually-hidden">错误：<\/span>表二「行政许可·本年处理决定数量」应为不小于0的整数<\/p>/);
    assert.doesNotMatch(res.body, /name="s3\.new\.person"/, 'table 三 is computed, not entered');
  });

  it('keeps what the unit enters and what staff write', async () => {
    const res = await editor.submit(`${REPORT}/entry`, `${REPORT}/entry`, { version: '1', 's2.licensing': '1,320', 's2.penalty': '86', 's2.enforcement': '9', 's2.fees': '356.25' });
    assert.equal(res.statusCode, 303);
    const text = await editor.submit(`${REPORT}/text`, `${REPORT}/text`, {
      version: '2',
      action: 'save',
      overview: '（一）主动公开\n2025年，楚雄市财政局制发行政规范性文件1件。\n（二）依申请公开\n新收政府信息公开申请4件。',
      problems: '（一）存在的主要问题\n政策解读形式较为单一。\n（二）改进情况\n增加图解和视频解读。',
      other: '（一）收取信息处理费情况\n本年度收取信息处理费共计200元。',
    });
    assert.equal(text.statusCode, 303);
    const page = textOf((await editor.get(REPORT)).body);
    assert.match(page, /已保存年报正文。/);
    assert.match(page, /政策解读形式较为单一。/);
    assert.doesNotMatch(page, /尚未填报/);
    // Only the carry-over check still fails.
    assert.match(page, /共核对62项，2项未通过/);
  });

  it('takes a hand-entered 2024 report, so 2025’s carry-over can be checked', async () => {
    const start = await editor.submit('/staff/annual-reports/finance', '/staff/annual-reports/finance/manual', { manualYear: '2024' });
    assert.equal(start.statusCode, 303);
    assert.equal(start.headers.location, '/staff/annual-reports/finance/2024/entry');
    const form = await editor.get('/staff/annual-reports/finance/2024/entry');
    assert.match(form.body, /name="s3\.forward\.person"/);
    assert.match(form.body, /aria-label="表三「（三）不予公开 1\.属于国家秘密」行「自然人」列"/);
    assert.equal((form.body.match(/class="cell-input"/g) ?? []).length, 6 + 4 + 175 + 15);
    const unbalanced = await editor.submit('/staff/annual-reports/finance/2024/entry', '/staff/annual-reports/finance/2024/entry', {
      version: '1',
      's3.new.person': '1',
      's3.new.total': '1',
      's3.forward.total': '1',
    });
    assert.equal(unbalanced.statusCode, 303, 'saved: the checks report, they do not refuse saving');
    const shown = textOf((await editor.get('/staff/annual-reports/finance/2024')).body);
    assert.match(shown, /表三「自然人」列：表三「一、本年新收政府信息公开申请数量」行「自然人」列（1）加.*之和为1，不等于.*之和0/);
    assert.match(shown, /表三「四、结转下年度继续办理」行「总计」列为1，但各类申请人之和为0/);
    const fixed = await editor.submit('/staff/annual-reports/finance/2024/entry', '/staff/annual-reports/finance/2024/entry', {
      version: '2',
      's3.new.person': '1',
      's3.new.total': '1',
      's3.forward.person': '1',
      's3.forward.total': '1',
    });
    assert.equal(fixed.statusCode, 303);
    const now = textOf((await editor.get(REPORT)).body);
    assert.match(now, /共核对62项，全部通过。/);
  });

  it('lets only the reviewer publish, and shows the report in the unit’s public column', async () => {
    const mine = await editor.get(REPORT);
    assert.doesNotMatch(mine.body, /action="\/staff\/annual-reports\/finance\/2025\/publish"/, 'the editor has no publish button');
    const token = /name="_csrf" value="([^"]+)"/.exec(mine.body)![1]!;
    assert.equal((await editor.post(`${REPORT}/publish`, { _csrf: token, version: '3' })).statusCode, 403);
    const stale = await reviewer.submit(REPORT, `${REPORT}/publish`, { version: '1' });
    assert.equal(stale.statusCode, 409);
    assert.match(textOf(stale.body), /该年报已被他人修改/);
    const res = await reviewer.submit(REPORT, `${REPORT}/publish`, { version: '3' });
    assert.equal(res.statusCode, 303);
    const page = textOf((await reviewer.get(REPORT)).body);
    assert.match(page, /已发布（2026-11-26 10:00由赵审核（财政局审核人）（czj_reviewer）发布）/);
    assert.match(page, /逾期发布/, 'due 2026-01-31, published 2026-11-26');

    const visitor = t.client();
    const column = await visitor.get('/openness/finance');
    assert.match(column.body, /<a href="\/openness\/finance\/annual-reports">政府信息公开年报<\/a>/, 'the unit column links to its reports');
    const list = await visitor.get('/openness/finance/annual-reports');
    assert.equal(list.statusCode, 200);
    assert.match(textOf(list.body), /楚雄市财政局2025年政府信息公开工作年度报告 （2026-11-26发布）/);
    assert.doesNotMatch(textOf(list.body), /2024年政府信息公开工作年度报告/, 'the hand-entered 2024 report is not published');
    const pub = await visitor.get('/openness/finance/annual-reports/2025');
    assert.equal(pub.statusCode, 200);
    assert.match(pub.body, /<h1>楚雄市财政局2025年政府信息公开工作年度报告<\/h1>/);
    assert.match(pub.body, /<caption>第二十条第（一）项<\/caption>/);
    assert.match(pub.body, /<th colSpan="7" scope="colgroup">申请人情况<\/th>/i);
    assert.doesNotMatch(pub.body, /\/cells\//, 'no staff links in public');
    assert.match(textOf(pub.body), /楚雄市财政局 2026年11月26日/);
    assert.equal((await visitor.get('/openness/finance/annual-reports/2024')).statusCode, 404);
    assert.equal((await visitor.get('/openness/finance/annual-reports/abc')).statusCode, 404);
    assert.equal((await visitor.get('/openness/no-such-unit/annual-reports')).statusCode, 404);

    const docx = await visitor.get('/openness/finance/annual-reports/2025/export.docx');
    assert.equal(docx.statusCode, 200);
    assert.match(String(docx.headers['content-disposition']), /filename\*=UTF-8''%E6%A5%9A/);
    const word = readWordDocument(docx.rawPayload);
    assert.equal(word.paragraphs[0], '楚雄市财政局2025年政府信息公开工作年度报告');
    assert.deepEqual(word.tables[4]![3]!.map((c) => c.text), ['一、本年新收政府信息公开申请数量', '2', '1', '0', '0', '1', '0', '4']);
    const xlsx = await editor.get(`${REPORT}/export.xlsx`);
    assert.equal(xlsx.statusCode, 200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    assert.equal(wb.getWorksheet('二、主动公开')!.getCell('B10').value, 1320);
  });

  it('keeps a report on the current year a draft until the year is over', async () => {
    const gen = await editor.submit('/staff/annual-reports/finance', '/staff/annual-reports/finance/generate', { year: '2026' });
    assert.equal(gen.statusCode, 303, 'a draft on 2026 may be prepared during 2026');
    const version = String((await findReport(t.core.db, await unitId(t, 'finance'), 2026))!.version);
    const res = await reviewer.submit('/staff/annual-reports/finance/2026', '/staff/annual-reports/finance/2026/publish', { version });
    assert.equal(res.statusCode, 409);
    assert.match(textOf(res.body), /2026年度尚未结束，年度报告可以先保存草稿，2027年1月1日起方可发布。/);
    assert.equal((await findReport(t.core.db, await unitId(t, 'finance'), 2026))!.state, 'draft');
  });

  it('freezes a published report until it is withdrawn with a reason', async () => {
    const entry = await editor.get(`${REPORT}/entry`);
    assert.equal(entry.statusCode, 303);
    const empty = await reviewer.submit(REPORT, `${REPORT}/withdraw`, { version: '4', reason: '' });
    assert.equal(empty.statusCode, 400);
    assert.match(textOf(empty.body), /请填写撤回原因/);
    const res = await reviewer.submit(REPORT, `${REPORT}/withdraw`, { version: '4', reason: '更正行政许可数量' });
    assert.equal(res.statusCode, 303);
    assert.equal((await t.client().get('/openness/finance/annual-reports/2025')).statusCode, 404);
    assert.equal((await editor.get(`${REPORT}/entry`)).statusCode, 200);
  });

  it('keeps the case register behind table 四', async () => {
    t.clock.advance(60_000);
    const bad = await editor.submit('/staff/annual-reports/finance/cases/new', '/staff/annual-reports/finance/cases', { kind: 'lawsuit', caseNo: '', body: '', filedOn: '2025-02-30', result: 'upheld', decidedOn: '' });
    assert.equal(bad.statusCode, 400);
    const text = textOf(bad.body);
    for (const m of ['请选择起诉方式（未经复议直接起诉或复议后起诉）', '请填写案号', '请填写受理法院', '立案（申请）日期应为有效日期', '已审结的案件请填写结案日期']) assert.match(text, new RegExp(m.replace(/[()（）]/g, '.')), m);
    const ok = await editor.submit('/staff/annual-reports/finance/cases/new', '/staff/annual-reports/finance/cases', {
      kind: 'review',
      caseNo: '楚市复字〔2025〕12号',
      body: '楚雄市人民政府',
      subject: '不服政府信息公开答复',
      filedOn: '2025-11-20',
      result: 'pending',
      decidedOn: '',
      requestNo: 'YSQ-2025-000003',
    });
    assert.equal(ok.statusCode, 303);
    const list = textOf((await editor.get('/staff/annual-reports/finance/cases')).body);
    assert.match(list, /楚市复字〔2025〕12号 行政复议 楚雄市人民政府 不服政府信息公开答复 2025-11-20 — 尚未审结 YSQ-2025-000003 2025年度：尚未审结；2026年度：尚未审结/);
    const stale = textOf((await editor.get(REPORT)).body);
    assert.match(stale, /案件登记在本年报生成后有变化/);
    const regen = await editor.submit(REPORT, `${REPORT}/regenerate`, { version: '5' });
    assert.equal(regen.statusCode, 303);
    const page = await editor.get(REPORT);
    assert.match(page.body, /id="cell-s4\.review\.pending" class="num"><a [^>]*>1<\/a>/);
    const drill = textOf((await editor.get(`${REPORT}/cells/s4.review.total`)).body);
    assert.match(drill, /楚市复字〔2025〕12号 行政复议 楚雄市人民政府 2025-11-20 — 尚未审结 YSQ-2025-000003/);
    assert.match(textOf(page.body), /更正后|政策解读形式较为单一/, 'text kept on regeneration');
  });

  it('keeps other units and read-only roles out', async () => {
    const dgz = await t.signIn('dgz_editor');
    assert.equal((await dgz.get(REPORT)).statusCode, 403);
    assert.equal((await dgz.get('/staff/annual-reports/finance/cases')).statusCode, 403);
    const auditor = await t.signIn('auditor');
    assert.equal((await auditor.get(REPORT)).statusCode, 200);
    const page = await auditor.get('/staff/annual-reports/finance');
    assert.doesNotMatch(page.body, /action="\/staff\/annual-reports\/finance\/generate"/);
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
    assert.equal((await auditor.post('/staff/annual-reports/finance/generate', { _csrf: token, year: '2025' })).statusCode, 403);
    assert.equal((await t.client().get(REPORT)).statusCode, 303, 'visitors are sent to sign in');
    assert.equal((await editor.get('/staff/annual-reports/finance/1999')).statusCode, 404);
    assert.equal((await editor.get('/staff/annual-reports/finance/20255')).statusCode, 404);
    assert.equal((await editor.get('/staff/annual-reports/finance/2023')).statusCode, 404);
    const badYear = await editor.submit('/staff/annual-reports/finance', '/staff/annual-reports/finance/generate', { year: '2019' });
    assert.equal(badYear.statusCode, 400);
    assert.match(textOf(badYear.body), /年度应在2021年至2026年之间/);
    const garbage = await editor.submit('/staff/annual-reports/finance', '/staff/annual-reports/finance/generate', { year: 'abcd' });
    assert.equal(garbage.statusCode, 400);
  });

  it('gives the openness office a dashboard of every unit with its due date', async () => {
    const res = await gkb.get('/staff/annual-reports?year=2025');
    assert.equal(res.statusCode, 200);
    const text = textOf(res.body);
    assert.match(text, /楚雄市人民政府 人民政府 2026-03-31 未开始 已逾期240天/);
    assert.match(text, /楚雄市财政局 政府部门 2026-01-31 草稿（系统生成） 已逾期299天/);
    assert.match(text, /楚雄市东瓜镇人民政府 乡镇（街道） 2026-01-31 未开始 已逾期299天/);
    assert.equal((await gkb.get('/staff/annual-reports?year=1990')).statusCode, 404);
    // A summary first, then the chart of deadline states whose table counts the units listed below.
    const units = tableRows(res.body, 'class="ar-dashboard"');
    const published = units.filter((r) => r[3]!.startsWith('已发布')).length;
    assert.match(text, new RegExp(`${published}/${units.length} 已发布`));
    assert.ok(text.indexOf(`${published}/${units.length} 已发布`) < text.indexOf('楚雄市人民政府 人民政府'));
    assert.deepEqual(chartsOf(res.body).map((c) => c.label), ['2025年度年报发布情况（按期限）']);
    const counts = tableRows(res.body, 'class="ar-deadlines"');
    assert.deepEqual(counts.map((r) => r[0]), ['已逾期', '即将到期', '未到期', '逾期发布', '已按时发布']);
    for (const [label, n] of counts) assert.equal(Number(n), units.filter((r) => r[4]!.startsWith(label!)).length, label);
    assert.equal(counts.reduce((a, r) => a + Number(r[1]), 0), units.length);
    // Each count opens the units it counts.
    const overdue = await gkb.get('/staff/annual-reports?year=2025&deadline=overdue');
    assert.equal(tableRows(overdue.body, 'class="ar-dashboard"').length, Number(counts[0]![1]));
  });

  it('lets the openness office report for the whole city, and says so', async () => {
    const res = await gkb.submit('/staff/annual-reports/city-government', '/staff/annual-reports/city-government/generate', { year: '2025', scope: 'with_subunits' });
    assert.equal(res.statusCode, 303);
    const page = await gkb.get('/staff/annual-reports/city-government/2025');
    const text = textOf(page.body);
    assert.match(text, /本报告统计范围为楚雄市人民政府本级及所属\d+个部门和单位、\d+个乡镇（街道），各单位2025年1月1日至12月31日的数据合并计算。/);
    assert.match(text, /应发布日期 2026-03-31/);
    assert.match(page.body, /id="cell-s3\.new\.person" class="num"><a [^>]*>3<\/a>/, '2 of the finance bureau and 1 of 东瓜镇');
    const drill = textOf((await gkb.get('/staff/annual-reports/city-government/2025/cells/s3.granted.person')).body);
    assert.match(drill, /YSQ-2025-000005 自然人 2025-06-01 2025-06-05 （一）予以公开 楚雄市东瓜镇人民政府/);
    const own = await gkb.submit('/staff/annual-reports/city-government/2025', '/staff/annual-reports/city-government/2025/regenerate', { version: '1', scope: 'own' });
    assert.equal(own.statusCode, 303);
    const ownText = textOf((await gkb.get('/staff/annual-reports/city-government/2025')).body);
    assert.match(ownText, /本报告统计范围为楚雄市人民政府本级2025年1月1日至12月31日的政府信息公开工作，不含所属部门和乡镇（街道）/);
    const scope = await editor.submit('/staff/annual-reports/finance/2025', '/staff/annual-reports/finance/2025/regenerate', { version: '6', scope: 'with_subunits' });
    assert.equal(scope.statusCode, 303);
    assert.match(textOf((await editor.get(REPORT)).body), /本报告统计范围为楚雄市财政局2025年1月1日至12月31日的政府信息公开工作。/, 'a department reports for itself only');
  });

  it('writes every change to the audit chain', async () => {
    const actions = (await t.core.pool.query(`SELECT action FROM audit_log WHERE action LIKE 'annual-report.%' ORDER BY id`)).rows.map((r) => r.action);
    for (const a of ['annual-report.generated', 'annual-report.figures-saved', 'annual-report.text-saved', 'annual-report.manual-created', 'annual-report.published', 'annual-report.withdrawn', 'annual-report.case-created', 'annual-report.regenerated']) {
      assert.ok(actions.includes(a), a);
    }
    assert.deepEqual(await verifyAuditChain(t.core.db), { ok: true, count: (await t.core.pool.query('SELECT count(*)::int AS n FROM audit_log')).rows[0].n });
  });
});
