import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { chartsOf, createTestApp, tableRows, textOf, type TestApp, type TestClient } from '../../../core/testing/index.ts';
import { OPEN_STATES } from '../domain/states.ts';
import { docxParagraphs } from '../../../core/testing/office.ts';
import { zipSync, unzipSync } from 'fflate';
import { Document, Packer, Paragraph } from 'docx';
import { APPLICATION, VALID_ID, applyOnline, csrfOf, hiddenFields } from './test-helpers.ts';

/** Posts a form of the request page (loads the page first for its CSRF token). */
async function act(c: TestClient, no: string, action: string, form: Record<string, string>) {
  return c.submit(`/staff/requests/${no}`, `/staff/requests/${no}/do/${action}`, form);
}

async function rowOf(t: TestApp, no: string) {
  return (await t.core.pool.query('SELECT * FROM req_requests WHERE request_no = $1', [no])).rows[0];
}

describe('staff pages of 依申请公开', () => {
  let t: TestApp;
  let no = '';
  let code = '';
  let handlerId = 0;
  const clients = new Map<string, TestClient>();
  /** One signed-in client per account (sign-in is rate limited). */
  const as = async (username: string) => {
    let c = clients.get(username);
    if (!c) clients.set(username, (c = await t.signIn(username)));
    return c;
  };
  /** Moves the clock, keeping the signed-in sessions alive (they expire after 30 idle minutes). */
  const moveClock = async (iso: string) => {
    t.clock.set(iso);
    await t.core.pool.query('UPDATE sessions SET last_seen_at = $1', [new Date(iso)]);
  };
  before(async () => {
    // Monday 2 November 2026, 10:00 in 楚雄.
    t = await createTestApp({ now: '2026-11-02T02:00:00Z' });
    handlerId = await t.createStaff('czj_handler', 'finance', ['editor']);
    const r = await applyOnline(t.client());
    no = r.requestNo;
    code = r.lookupCode;
    assert.ok(no && code);
  });
  after(async () => t.dispose());

  it('flags an applicant\'s Word file with macros and PDF with JavaScript on the request page, served only as downloads', async () => {
    const applicant = t.client();
    const form = await applicant.get('/requests/apply');
    const key = /name="idempotencyKey" value="([^"]+)"/.exec(form.body)![1]!;
    const confirm = await applicant.post('/requests/apply', { _csrf: csrfOf(form.body), idempotencyKey: key, ...APPLICATION });
    const hidden = hiddenFields(confirm.body, '/requests/apply/submit');
    const docx = Buffer.from(await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('申请材料')] }] })));
    const macro = Buffer.from(zipSync({ ...unzipSync(new Uint8Array(docx)), 'word/vbaProject.bin': new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3]) }));
    const pdf = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog /OpenAction 2 0 R >> endobj\n2 0 obj << /S /JavaScript /JS (app.alert(1)) >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');
    const plain = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');
    const boundary = '----gkApplicant';
    const field = (name: string, value: string) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
    const file = (name: string, type: string, bytes: Buffer) =>
      Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="attachments"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`), bytes, Buffer.from('\r\n')]);
    const payload = Buffer.concat([
      ...Object.entries(hidden).flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).map((x) => field(k, x))),
      file('申请书.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', macro),
      file('证明.pdf', 'application/pdf', pdf),
      file('身份证明.pdf', 'application/pdf', plain),
      Buffer.from(`--${boundary}--\r\n`),
    ]);
    const cookie = [...applicant.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const done = await t.app.inject({ method: 'POST', url: '/requests/apply/submit', headers: { cookie, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload });
    const requestNo = /id="request-no">([^<]+)</.exec(done.body)?.[1];
    assert.ok(requestNo, textOf(done.body).slice(0, 600));
    const stored = (await t.core.pool.query('SELECT file_name, active_content FROM req_attachments a JOIN req_requests r ON r.id = a.request_id WHERE r.request_no = $1 ORDER BY a.id', [requestNo])).rows;
    assert.deepEqual(stored.map((r) => [r.file_name, r.active_content === null ? null : String(r.active_content).slice(0, 6)]), [['申请书.docx', '文件内含宏（'], ['证明.pdf', 'PDF 内含'], ['身份证明.pdf', null]]);

    const staff = await as('czj_admin');
    const page = await staff.get(`/staff/requests/${requestNo}`);
    assert.equal(page.statusCode, 200);
    const text = textOf(page.body);
    assert.match(text, /申请书\.docx ?（申请材料，\d+ KB） ?注意：文件内含宏（VBA 代码），只能下载，打开前请确认来源可信。/);
    assert.match(text, /证明\.pdf ?（申请材料，\d+ KB） ?注意：PDF 内含可自动运行的脚本或动作[^，]*，只能下载/);
    assert.doesNotMatch(text, /身份证明\.pdf ?（申请材料，\d+ KB） ?注意/);
    for (const href of [...page.body.matchAll(/href="(\/staff\/requests\/[^"]+\/files\/\d+)"/g)].map((m) => m[1]!)) {
      const res = await staff.get(href);
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers['content-disposition']), /^attachment;/);
    }
  });

  it('lists the new request for the unit with personal data masked, and refuses another unit\'s staff', async () => {
    const c = await as('czj_editor');
    const list = await c.get('/staff/requests?scope=unit');
    assert.equal(list.statusCode, 200);
    const row = new RegExp(`<tr[^>]*><th scope="row" class="nowrap"><a href="/staff/requests/${no}">${no}</a></th>(.*?)</tr>`).exec(list.body)?.[1];
    assert.ok(row, 'the request is listed');
    assert.match(textOf(row), /张\*\* 139\*\*\*\*5678/);
    assert.doesNotMatch(list.body, /张三丰|13912345678|532301199001011238/);
    const other = await as('dgz_editor');
    const page = await other.get(`/staff/requests/${no}`);
    assert.equal(page.statusCode, 403);
    assert.match(textOf(page.body), /其他单位办理，您无权查看/);
    assert.doesNotMatch((await other.get('/staff/requests?scope=unit')).body, new RegExp(no));
    assert.equal((await other.post(`/staff/requests/${no}/do/accept`, { _csrf: csrfOf((await other.get('/staff/requests')).body) })).statusCode, 403);
  });

  it('masks the request page for a reviewer who is not the handler, who may not reveal', async () => {
    const c = await as('czj_reviewer');
    const page = await c.get(`/staff/requests/${no}`);
    assert.equal(page.statusCode, 200);
    assert.match(textOf(page.body), /身份证明 居民身份证 532\*{11}1238/);
    assert.doesNotMatch(page.body, /532301199001011238|13912345678/);
    assert.match(textOf(page.body), /只有承办人和本单位管理员可以查看完整信息/);
    const reveal = await c.post(`/staff/requests/${no}/reveal`, { _csrf: csrfOf(page.body) });
    assert.equal(reveal.statusCode, 403);
  });

  it('accepts the online request on the day both sides confirm: due 20 working days later', async () => {
    const c = await as('czj_editor');
    const future = await act(c, no, 'accept', { confirmedOn: '2026-11-03' });
    assert.equal(future.statusCode, 409);
    assert.match(textOf(future.body), /晚于今天/);
    const early = await act(c, no, 'accept', { confirmedOn: '2026-11-01' });
    assert.equal(early.statusCode, 400);
    assert.match(textOf(early.body), /确认日期 2026-11-01 早于申请提交日期 2026-11-02：双方确认之日不能早于申请提交之日/);
    assert.doesNotMatch(textOf(early.body), /请先填写确认日期/);
    const garbled = await act(c, no, 'accept', { confirmedOn: '2026-13-45' });
    assert.match(textOf(garbled.body), /确认日期格式不正确/);
    const res = await act(c, no, 'accept', { confirmedOn: '2026-11-02', note: '电话确认' });
    assert.equal(res.statusCode, 303);
    const row = await rowOf(t, no);
    assert.equal(row.state, 'reviewing');
    assert.equal(row.received_on, '2026-11-02');
    assert.equal(row.due_on, '2026-11-30');
    const page = await c.get(`/staff/requests/${no}`);
    const text = textOf(page.body);
    assert.match(text, /已确认受理，进入审核/);
    assert.match(text, /答复期限 2026-11-30/);
    assert.match(text, /答复期限 2026-11-30 = 收到申请之日 2026-11-02（当日不计入） \+ 20 个工作日（第三十三条）/);
  });

  it('lets only the unit admin assign the handler, giving the reason to others', async () => {
    const editor = await as('czj_editor');
    const refused = await act(editor, no, 'assign', { handlerId: String(handlerId) });
    assert.equal(refused.statusCode, 409);
    assert.match(textOf(refused.body), /只有本单位管理员、政务公开办可以指定承办人/);
    const admin = await as('czj_admin');
    const ok = await act(admin, no, 'assign', { handlerId: String(handlerId), note: '请按时办理' });
    assert.equal(ok.statusCode, 303);
    assert.equal((await rowOf(t, no)).state, 'processing');
  });

  it('shows the full identity number to the handler only after an audited reveal', async () => {
    const c = await as('czj_handler');
    const page = await c.get(`/staff/requests/${no}`);
    assert.doesNotMatch(page.body, /532301199001011238/);
    const before = Number((await t.core.pool.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'requests.personal-data-viewed' AND target_id = $1`, [no])).rows[0].n);
    const res = await c.post(`/staff/requests/${no}/reveal`, { _csrf: csrfOf(page.body) });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /532301199001011238/);
    assert.match(res.body, /13912345678/);
    assert.match(textOf(res.body), /本次查看已记入审计日志/);
    const audit = await t.core.pool.query(`SELECT actor_name FROM audit_log WHERE action = 'requests.personal-data-viewed' AND target_id = $1 ORDER BY id`, [no]);
    assert.equal(audit.rows.length, before + 1);
    assert.match(audit.rows.at(-1).actor_name, /czj_handler/);
    // The next ordinary view is masked again.
    assert.doesNotMatch((await c.get(`/staff/requests/${no}`)).body, /532301199001011238/);
  });

  it('refuses an extension of 21 working days, approves one of 10 by the head, and refuses a second', async () => {
    const c = await as('czj_handler');
    const tooLong = await act(c, no, 'request_extension', { days: '21', reason: '需要调取档案' });
    assert.equal(tooLong.statusCode, 400);
    assert.match(textOf(tooLong.body), /延期最长不得超过20个工作日（第三十三条），申请的是 21 个工作日/);
    assert.match(tooLong.body, /需要调取档案/, 'the reason is kept');
    assert.equal((await act(c, no, 'request_extension', { days: '10', reason: '需要调取多个年度的档案' })).statusCode, 303);
    const self = await act(c, no, 'decide_extension', { decision: 'approve' });
    assert.equal(self.statusCode, 409, 'a handler cannot approve');
    const head = await as('gkb_head');
    const approved = await act(head, no, 'decide_extension', { decision: 'approve', note: '同意' });
    assert.equal(approved.statusCode, 303);
    assert.equal((await rowOf(t, no)).due_on, '2026-12-14');
    const again = await act(c, no, 'request_extension', { days: '5', reason: '再次延期' });
    assert.equal(again.statusCode, 409);
    assert.match(textOf(again.body), /已经延期一次；依照第三十三条，延期只能一次/);
  });

  it('refuses the head approving an extension they asked for themselves', async () => {
    const other = await applyOnline(t.client(), { infoDescription: '楚雄市2026年城乡居民医保财政补助标准' });
    const head = await as('gkb_head');
    assert.equal((await act(head, other.requestNo, 'accept', { confirmedOn: '2026-11-02' })).statusCode, 303);
    assert.equal((await act(head, other.requestNo, 'request_extension', { days: '5', reason: '涉及多个部门' })).statusCode, 303);
    const own = await act(head, other.requestNo, 'decide_extension', { decision: 'approve' });
    assert.equal(own.statusCode, 409);
    assert.match(textOf(own.body), /不能批准自己提出的延期申请/);
  });

  it('shows the handler\'s dashboard: due within 3 working days, then overdue', async () => {
    const c = await as('czj_handler');
    await moveClock('2026-12-10T02:00:00Z');
    const soon = textOf((await c.get('/staff/requests?scope=mine')).body);
    assert.match(soon, /1 办理中/);
    assert.match(soon, /1 3个工作日内到期（至 2026-12-15）/);
    assert.match(soon, /0 已逾期/);
    await moveClock('2026-12-15T02:00:00Z');
    const late = await c.get('/staff/requests?scope=mine&due=overdue');
    assert.match(textOf(late.body), /1 已逾期/);
    assert.match(late.body, new RegExp(`href="/staff/requests/${no}"`));
    const office = await as('gkb');
    const overdue = await office.get('/staff/requests?scope=city&due=overdue&unit=finance');
    assert.equal(overdue.statusCode, 200);
    assert.match(overdue.body, new RegExp(`href="/staff/requests/${no}"`));
    assert.match(textOf(overdue.body), /按单位和状态：办理中的申请 .*楚雄市财政局/);
    // The chart by unit and state, and its table: the numbers are the open requests in the database.
    const charts = chartsOf(overdue.body);
    assert.deepEqual(charts.map((c) => c.label), ['按单位和状态：办理中的申请']);
    assert.match(charts[0]!.legend, /已逾期/);
    const { rows: db } = await t.core.pool.query<{ name: string; open: number; overdue: number }>(
      `SELECT u.name, count(*)::int AS open, (count(*) FILTER (WHERE r.clock_status = 'running' AND r.due_on < '2026-12-15'))::int AS overdue
         FROM req_requests r JOIN units u ON u.id = r.unit_id WHERE r.state = ANY($1) GROUP BY u.name`,
      [OPEN_STATES],
    );
    const table = tableRows(overdue.body, '各单位办理中的申请');
    for (const d of db) {
      const row = table.find((r) => r[0] === d.name);
      assert.ok(row, d.name);
      assert.equal(Number(row[1]), d.open, `${d.name} 办理中`);
      assert.equal(Number(row[3]), d.overdue, `${d.name} 已逾期`);
    }
    assert.ok(db.some((d) => d.overdue > 0));
    assert.doesNotMatch(overdue.body, /532301199001011238/);
    await moveClock('2026-12-11T02:00:00Z');
  });

  it('refuses a reply without its legal basis, keeping the input, then records the reply', async () => {
    const c = await as('czj_handler');
    const bad = await act(c, no, 'reply', { outcome: 'disclose', legalBasis: '', replyText: '现向您提供2025年部门决算及说明。' });
    assert.equal(bad.statusCode, 400);
    assert.match(textOf(bad.body), /请填写答复的法律依据/);
    assert.match(bad.body, /现向您提供2025年部门决算及说明。/);
    const ok = await act(c, no, 'reply', { outcome: 'disclose', legalBasis: '《中华人民共和国政府信息公开条例》第三十六条第（二）项', replyText: '现向您提供2025年部门决算及说明。' });
    assert.equal(ok.statusCode, 303);
    const row = await rowOf(t, no);
    assert.equal(row.state, 'replied');
    assert.equal(row.replied_on, '2026-12-11');
    assert.equal(row.replied_on_time, true);
    assert.match(row.remedy_text, /60日内向楚雄市人民政府申请行政复议/);
  });

  it('generates the reply letter as a draft, then records it sent online; the applicant downloads it', async () => {
    const c = await as('czj_handler');
    const page = await c.get(`/staff/requests/${no}`);
    const draft = await c.post(`/staff/requests/${no}/letters`, { _csrf: csrfOf(page.body), kind: 'reply', step: 'draft' });
    assert.equal(draft.statusCode, 200);
    assert.match(String(draft.headers['content-type']), /wordprocessingml/);
    const paras = docxParagraphs(draft.rawPayload).filter(Boolean);
    assert.equal(paras[0], '政府信息公开申请答复告知书');
    assert.equal(paras[1], `受理编号：${no}`);
    assert.equal(paras[2], '张三丰：');
    assert.match(paras[3]!, /本机关于2026年11月2日收到您提出的政府信息公开申请/);
    assert.ok(paras.some((p) => p.includes('根据《中华人民共和国政府信息公开条例》第三十六条第（二）项的规定，本机关决定予以公开')));
    assert.ok(paras.includes('现向您提供2025年部门决算及说明。'));
    assert.ok(paras.some((p) => p.includes('60日内向楚雄市人民政府申请行政复议') && p.includes('6个月内')));
    assert.deepEqual(paras.slice(-2), ['楚雄市财政局', '2026年12月11日']);
    assert.equal((await t.core.pool.query('SELECT count(*)::int AS n FROM req_letters l JOIN req_requests r ON r.id = l.request_id WHERE r.request_no = $1', [no])).rows[0].n, 0, 'a draft is not recorded');

    const sent = await c.post(`/staff/requests/${no}/letters`, { _csrf: csrfOf(page.body), kind: 'reply', step: 'send', method: 'online', sentOn: '2026-12-11' });
    assert.equal(sent.statusCode, 303);
    const letters = await t.core.pool.query('SELECT l.* FROM req_letters l JOIN req_requests r ON r.id = l.request_id WHERE r.request_no = $1', [no]);
    assert.equal(letters.rows.length, 1);
    assert.equal(letters.rows[0].method, 'online');
    assert.equal(letters.rows[0].sent_on, '2026-12-11');

    const applicant = t.client();
    const form = await applicant.get('/requests/lookup');
    const looked = await applicant.post('/requests/lookup', { _csrf: csrfOf(form.body), requestNo: no, lookupCode: code });
    const view = await applicant.get(looked.headers.location as string);
    assert.match(textOf(view.body), /当前状态 答复/);
    assert.match(textOf(view.body), /办理结果 予以公开/);
    const href = new RegExp(`href="(/requests/lookup/${no}/letters/\\d+)"`).exec(view.body)?.[1];
    assert.ok(href, 'a download link');
    const file = await applicant.get(href);
    assert.equal(file.statusCode, 200);
    assert.ok(docxParagraphs(file.rawPayload).includes(`受理编号：${no}`));
    assert.equal((await t.client().get(href)).statusCode, 404, 'not without the lookup code');
  });

  it('turns the reply into a draft proactive record once (release to all)', async () => {
    const c = await as('czj_handler');
    const page = await c.get(`/staff/requests/${no}`);
    assert.match(textOf(page.body), /转为主动公开（生成信息草稿）/);
    const res = await c.post(`/staff/requests/${no}/release`, { _csrf: csrfOf(page.body) });
    assert.equal(res.statusCode, 303);
    const ref = (await rowOf(t, no)).published_record_ref as string;
    assert.ok(ref && ref !== 'pending');
    const record = await t.core.pool.query('SELECT state, title FROM pub_records WHERE code = $1', [ref]);
    assert.equal(record.rows[0].state, 'draft');
    assert.equal(record.rows[0].title, '2025年楚雄市财政局部门决算及说明');
    const again = await c.post(`/staff/requests/${no}/release`, { _csrf: csrfOf(page.body) });
    assert.equal(again.statusCode, 409);
    assert.match(textOf(again.body), /该答复已转为主动公开信息/);
  });

  it('sends a letter by e-mail into the mail log, where the applicant\'s address is masked', async () => {
    const c = await as('czj_handler');
    const page = await c.get(`/staff/requests/${no}`);
    assert.equal((await c.post(`/staff/requests/${no}/letters`, { _csrf: csrfOf(page.body), kind: 'reply', step: 'send', method: 'email' })).statusCode, 303);
    const mail = await t.core.pool.query(`SELECT to_address, subject, body FROM mail_outbox WHERE subject LIKE $1 AND to_address = 'zhangsan@example.cn'`, [`%${no}%`]);
    assert.equal(mail.rows.length, 1);
    assert.equal(mail.rows[0].to_address, 'zhangsan@example.cn');
    assert.match(mail.rows[0].body, /张三丰：/);
    const office = await as('gkb');
    const log = await office.get('/staff/mail-log');
    assert.equal(log.statusCode, 200);
    assert.match(log.body, new RegExp(no));
    assert.match(log.body, /z\*\*\*@example\.cn/);
    assert.doesNotMatch(log.body, /zhangsan@example\.cn/);
    const township = await as('dgz_editor');
    assert.doesNotMatch((await township.get('/staff/mail-log')).body, new RegExp(no), 'another unit does not read finance mail');
  });

  it('exports the list as xlsx with personal data masked', async () => {
    const c = await as('czj_admin');
    const res = await c.get('/staff/requests/export.xlsx?scope=unit');
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-disposition']), /filename\*=UTF-8''/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const rows: string[][] = [];
    ws.eachRow((r) => rows.push((r.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
    assert.equal(rows[1]![0], '受理编号');
    const mine = rows.find((r) => r[0] === no);
    assert.ok(mine, 'the request is exported');
    assert.equal(mine[3], '张**');
    assert.equal(mine[4], '532***********1238');
    assert.equal(mine[5], '139****5678');
    assert.equal(mine[9], '答复');
    assert.equal(mine[14], '予以公开');
    assert.ok(!rows.flat().some((v) => v.includes(VALID_ID) || v.includes('13912345678')));
    // It prints: A4 landscape, all 16 columns on one page width, the header repeated on every page.
    assert.deepEqual([ws.pageSetup.paperSize, ws.pageSetup.orientation, ws.pageSetup.fitToWidth, ws.pageSetup.printTitlesRow], [9, 'landscape', 1, '1:2']);
  });

  it('registers an offline request, refusing a receipt date in the future', async () => {
    const c = await as('czj_editor');
    const form = {
      unitId: String((await t.core.pool.query(`SELECT id FROM units WHERE slug = 'finance'`)).rows[0].id),
      channel: 'in_person',
      submittedOn: '2026-12-12',
      applicantKind: 'person',
      name: '李建华',
      idType: 'resident_id',
      idNumber: '532301198511200042',
      phone: '0878-3123456',
      infoDescription: '楚雄市财政局2026年预算绩效目标表',
      forms: 'paper',
      delivery: 'pickup',
    };
    const future = await c.submit('/staff/requests/new', '/staff/requests/new', form);
    assert.equal(future.statusCode, 400);
    assert.match(textOf(future.body), /提交日期 2026-12-12 晚于今天（2026-12-11），不能登记将来的日期/);
    assert.match(future.body, /李建华/);
    // 2026-12-11 + 20 working days falls in 2027, a year the calendar does not have yet: registered with a
    // 暂定 due date (weekends and 元旦 skipped), to be recomputed when 2027 is entered.
    const provisional = await c.submit('/staff/requests/new', '/staff/requests/new', { ...form, submittedOn: '2026-12-11', name: '王跨年' });
    assert.equal(provisional.statusCode, 200, textOf(provisional.body).slice(0, 800));
    const provisionalNo = /已登记申请 (YSQ-\d{4}-\d{6})/.exec(textOf(provisional.body))?.[1];
    assert.ok(provisionalNo);
    assert.match(textOf((await c.get(`/staff/requests/${provisionalNo}`)).body), /答复期限 2027-01-11（暂定）/);
    const ok = await c.submit('/staff/requests/new', '/staff/requests/new', { ...form, submittedOn: '2026-11-20' });
    assert.equal(ok.statusCode, 200, textOf(ok.body).slice(0, 800));
    const newNo = /已登记申请 (YSQ-\d{4}-\d{6})/.exec(textOf(ok.body))?.[1];
    assert.ok(newNo);
    const row = await rowOf(t, newNo);
    assert.equal(row.received_on, '2026-11-20');
    assert.equal(row.due_on, '2026-12-18', '20 working days, start day not counted');
    assert.equal(row.channel, 'in_person');
    assert.equal(Number(row.registered_by), Number((await t.core.pool.query(`SELECT id FROM staff_users WHERE username = 'czj_editor'`)).rows[0].id));
  });

  it('refuses a 补正 notice after 7 working days unless a reason is recorded, then flags it late', async () => {
    const c = await as('czj_admin');
    const unitId = String((await t.core.pool.query(`SELECT id FROM units WHERE slug = 'finance'`)).rows[0].id);
    const reg = await c.submit('/staff/requests/new', '/staff/requests/new', {
      unitId,
      channel: 'registered_mail',
      signedForOn: '2026-11-30',
      applicantKind: 'organisation',
      orgSubtype: 'legal_service',
      name: '云南某某律师事务所',
      contactPerson: '周律师',
      idType: 'other',
      idNumber: 'LS20260001',
      address: '楚雄市鹿城南路1号',
      infoDescription: '有关文件',
      forms: 'paper',
      delivery: 'post',
    });
    assert.equal(reg.statusCode, 200, textOf(reg.body).slice(0, 500));
    const n = /已登记申请 (YSQ-\d{4}-\d{6})/.exec(textOf(reg.body))![1]!;
    assert.equal((await act(c, n, 'accept', {})).statusCode, 303);
    // 2026-11-30 + 7 working days = 2026-12-09; today is 2026-12-11.
    const late = await act(c, n, 'send_clarification', { items: '请写明所需文件的名称或文号', correctBy: '2026-12-25' });
    assert.equal(late.statusCode, 409);
    assert.match(textOf(late.body), /补正告知应当在收到申请之日起7个工作日内（即 2026-12-09 前）发出；逾期发出须记录理由/);
    assert.match(late.body, /请写明所需文件的名称或文号/, 'input kept');
    const ok = await act(c, n, 'send_clarification', { items: '请写明所需文件的名称或文号', correctBy: '2026-12-25', lateReason: '承办人病假' });
    assert.equal(ok.statusCode, 303);
    const row = await rowOf(t, n);
    assert.equal(row.state, 'awaiting_correction');
    assert.equal(row.clarification_late, true);
    assert.match(textOf((await c.get(`/staff/requests/${n}`)).body), /晚于7个工作日期限 2026-12-09（理由：承办人病假）/);
    const letter = await c.submit(`/staff/requests/${n}`, `/staff/requests/${n}/letters`, { kind: 'clarification', step: 'draft' });
    const paras = docxParagraphs(letter.rawPayload).filter(Boolean);
    assert.equal(paras[0], '政府信息公开申请补正通知书');
    assert.ok(paras.includes('请写明所需文件的名称或文号'));
    assert.ok(paras.some((p) => p.includes('请您于2026年12月25日前对以下事项作出补正')));
  });

  it('lets the openness office set whether waiting for a fee stops the clock and name the review body', async () => {
    const admin = await as('czj_admin');
    assert.equal((await admin.get('/staff/requests/settings')).statusCode, 403);
    const office = await as('gkb');
    const page = await office.get('/staff/requests/settings');
    assert.match(page.body, /name="feePausesClock" value="on" checked/);
    const saved = await office.submit('/staff/requests/settings', '/staff/requests/settings', { reviewBody: '楚雄市人民政府', court: '楚雄市人民法院' });
    assert.equal(saved.statusCode, 303);
    const s = (await t.core.pool.query('SELECT fee_pauses_clock, court FROM req_settings')).rows[0];
    assert.equal(s.fee_pauses_clock, false);
    assert.equal(s.court, '楚雄市人民法院');
    assert.doesNotMatch((await office.get('/staff/requests/settings')).body, /name="feePausesClock" value="on" checked/);
  });

  it('lets only the openness office edit a letter template; a new version is used for the next letter', async () => {
    const admin = await as('czj_admin');
    const list = await admin.get('/staff/requests/templates');
    assert.equal(list.statusCode, 200);
    assert.match(textOf(list.body), /答复告知书（予以公开） 默认文本/);
    const refused = await admin.submit('/staff/requests/templates/disclose', '/staff/requests/templates/disclose', { title: 'x', body: 'y', reason: 'z', baseVersion: '0' });
    assert.equal(refused.statusCode, 403);
    const office = await as('gkb');
    const page = await office.get('/staff/requests/templates/disclose');
    const body = /<textarea[^>]*name="body"[^>]*>([\s\S]*?)<\/textarea>/.exec(page.body)![1]!.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
    const missing = await office.submit('/staff/requests/templates/disclose', '/staff/requests/templates/disclose', { title: '政府信息公开申请答复告知书', body: body.replace('{救济途径}', ''), reason: '删去救济途径', baseVersion: '0' });
    assert.equal(missing.statusCode, 400);
    assert.match(textOf(missing.body), /本文书必须包含以下占位符：\{救济途径\}/);
    const saved = await office.submit('/staff/requests/templates/disclose', '/staff/requests/templates/disclose', {
      title: '政府信息公开申请答复告知书',
      body: body.replace('{答复说明}', '{答复说明}\n如有疑问，请在工作日致电咨询。'),
      reason: '增加咨询提示',
      baseVersion: '0',
    });
    assert.equal(saved.statusCode, 303);
    assert.match(textOf((await office.get('/staff/requests/templates/disclose')).body), /已保存为第1版.*第1版.*增加咨询提示/);
    const c = await as('czj_handler');
    const draft = await c.submit(`/staff/requests/${no}`, `/staff/requests/${no}/letters`, { kind: 'reply', step: 'draft' });
    assert.ok(docxParagraphs(draft.rawPayload).includes('如有疑问，请在工作日致电咨询。'));
  });
});
