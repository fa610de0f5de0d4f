import { unzipSync, zipSync } from 'fflate';
// The back-office pages of 主动公开 through HTTP: every workflow action, refusals with reasons,
// permission checks, the conflict page, attachments, export and the timeliness dashboard.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import ExcelJS from 'exceljs';
import { Document, Packer, Paragraph } from 'docx';
import { chartsOf, createTestApp, tableRows, textOf, type TestApp, type TestClient } from '../../../core/testing/index.ts';

function draftFields(over: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  return {
    kind: 'record',
    interpretationForm: '',
    catalogItemId: '',
    generalColumn: 'notice',
    title: '楚雄市财政局关于做好2026年度部门决算公开工作的通知',
    publisherName: '楚雄市财政局',
    docNo: '',
    writtenOn: '2026-11-20',
    formedOn: '2026-11-20',
    subject: '财政、金融、审计',
    genre: '通知',
    docType: 'other',
    keywords: '部门决算、公开',
    summary: '部署各预算单位做好2026年度部门决算公开工作。',
    bodyHtml: '各预算单位：\n\n请于2026年12月31日前完成部门决算公开。',
    disclosure: 'proactive',
    disclosureNote: '',
    reevaluateOn: '',
    ...over,
  };
}

async function tokenOf(c: TestClient, page: string): Promise<string> {
  const res = await c.get(page);
  const token = /name="_csrf" value="([^"]+)"/.exec(res.body)?.[1];
  assert.ok(token, `a CSRF token on ${page} (status ${res.statusCode})`);
  return token;
}

/** Posts a form from the record page (as the browser would, with the page's CSRF token). */
async function postFrom(c: TestClient, code: string, action: string, form: Record<string, string | string[]> = {}) {
  const token = await tokenOf(c, `/staff/records/${code}`);
  return c.post(`/staff/records/${code}/${action}`, { _csrf: token, ...form });
}

function codeOf(location: unknown): string {
  const m = /^\/staff\/records\/([A-Za-z0-9_-]+)$/.exec(String(location));
  assert.ok(m, `a record address in ${String(location)}`);
  return m[1]!;
}

async function newDraft(c: TestClient, over: Record<string, string | string[]> = {}, url = '/staff/records/new'): Promise<string> {
  const res = await c.submit(url, url, draftFields(over));
  assert.equal(res.statusCode, 303, textOf(res.body).slice(0, 600));
  return codeOf(res.headers.location);
}

async function stateOf(t: TestApp, code: string): Promise<{ state: string; index_no: string | null; review_owed: boolean; lock_version: number; published_late: boolean | null; validity: string }> {
  return (await t.core.pool.query('SELECT state, index_no, review_owed, lock_version, published_late, validity FROM pub_records WHERE code = $1', [code])).rows[0];
}

/** A multipart upload from the record page, with the page's CSRF token. */
async function upload(t: TestApp, c: TestClient, code: string, file: { name: string; bytes: Buffer }, fields: Record<string, string> = {}) {
  const token = await tokenOf(c, `/staff/records/${code}`);
  const boundary = `----gk${crypto.randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries({ _csrf: token, ...fields })) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`));
  parts.push(file.bytes, Buffer.from(`\r\n--${boundary}--\r\n`));
  return t.app.inject({
    method: 'POST',
    url: `/staff/records/${code}/attachments`,
    headers: { cookie: [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat(parts),
  });
}

describe('publishing staff pages', () => {
  let t: TestApp;
  let editor: TestClient;
  let reviewer: TestClient;
  let unitAdmin: TestClient;
  let other: TestClient;
  let gkb: TestClient;

  before(async () => {
    t = await createTestApp();
    editor = await t.signIn('czj_editor');
    reviewer = await t.signIn('czj_reviewer');
    unitAdmin = await t.signIn('czj_admin');
    other = await t.signIn('dgz_editor');
    gkb = await t.signIn('gkb');
  });
  after(async () => t.dispose());

  it('shows the records page with the nav entry and a link to a new record', async () => {
    const res = await editor.get('/staff/records');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<a href="\/staff\/records" aria-current="page">信息发布<\/a>/);
    assert.match(textOf(res.body), /信息发布（主动公开） 楚雄市财政局/);
    assert.match(res.body, /href="\/staff\/records\/new"/);
    // An editor is not a reviewer: no review queue.
    assert.doesNotMatch(textOf(res.body), /待我审核/);
    const rev = await reviewer.get('/staff/records');
    assert.match(textOf(rev.body), /待我审核（\d+）/);
  });

  it('refuses a form with missing metadata, a malformed 文号 and impossible dates, keeping the input', async () => {
    const res = await editor.submit(
      '/staff/records/new',
      '/staff/records/new',
      draftFields({ title: '', docNo: '楚市政通2017-47', writtenOn: '2099-01-01', formedOn: '2026-02-30', subject: '', keywords: '保留的关键词' }),
    );
    assert.equal(res.statusCode, 400);
    const text = textOf(res.body);
    assert.match(text, /提交的内容有\d+处问题/);
    assert.match(text, /请填写标题/);
    assert.match(text, /成文日期的年份2099不正确/);
    assert.match(text, /信息形成（变更）日期不是有效日期/);
    assert.match(text, /请选择主题分类/);
    assert.match(res.body, /id="f-docNo-error"/);
    assert.match(res.body, /value="保留的关键词"/);
    assert.match(res.body, /value="楚市政通2017-47"/);
    assert.match(res.body, /请于2026年12月31日前完成部门决算公开。/);
  });

  it('refuses a 依申请公开 record without a legal ground and re-evaluation date', async () => {
    const res = await editor.submit('/staff/records/new', '/staff/records/new', draftFields({ disclosure: 'on_request' }));
    assert.equal(res.statusCode, 400);
    const text = textOf(res.body);
    assert.match(text, /依申请公开的信息，须选择依据：《政府信息公开条例》第十四、十五、十六条，或仅涉及特定对象/);
    assert.match(text, /请填写复查日期/);
  });

  it('shows HTML and script in the title and body inert', async () => {
    const code = await newDraft(editor, {
      title: '<script>alert(1)</script>关于<b>加粗</b>的通知',
      bodyHtml: '<p onclick="alert(2)">正文段落</p><script>alert(3)</script><img src=x onerror=alert(4)><a href="javascript:alert(5)">链接</a>',
    });
    const res = await editor.get(`/staff/records/${code}`);
    assert.equal(res.statusCode, 200);
    assert.doesNotMatch(res.body, /<script>alert/);
    // No real tag carries an event handler or a javascript: link; the <img> is dropped (core/html/sanitize.ts).
    assert.doesNotMatch(res.body, /<[^>]*\s(onclick|onerror)=/);
    assert.doesNotMatch(res.body, /href="javascript/);
    // Preact escapes "<" in text: the title is shown as typed, as text.
    assert.match(res.body, /<h1>&lt;script>alert\(1\)&lt;\/script>关于&lt;b>加粗&lt;\/b>的通知<\/h1>/);
    assert.match(res.body, /<p>正文段落<\/p>/);
    assert.match(res.body, /<div class="record-body"><p>正文段落<\/p>链接<\/div>/);
  });

  it('shows the content check from the draft on, and approves only once the reviewer confirmed the findings shown', async () => {
    const code = await newDraft(editor, {
      title: '2026年度低保对象公示',
      bodyHtml: '张三，身份证号532301199001011238，联系电话13908781234。\n\n咨询电话：0878-3123456。',
    });
    assert.match(textOf((await editor.get(`/staff/records/${code}`)).body), /内容检查提示（2处）/);
    await postFrom(editor, code, 'submit');
    const detail = await reviewer.get(`/staff/records/${code}`);
    const page = textOf(detail.body);
    assert.match(page, /内容检查提示（2处）/);
    assert.match(page, /严重：\s*居民身份证号/);
    assert.match(page, /532301\*{8}1238/);
    assert.match(page, /手机号码/);
    assert.match(page, /139\*{4}1234/);
    assert.doesNotMatch(page, /0878\*/, 'a landline is not flagged');
    // 审核通过 without confirming: refused, the record stays submitted.
    let res = await postFrom(reviewer, code, 'approve');
    assert.equal(res.statusCode, 409);
    assert.match(textOf(res.body), /内容检查发现2处提示（其中1处为严重问题）/);
    assert.equal((await stateOf(t, code)).state, 'submitted');
    // A confirmation of another list of findings does not count.
    res = await postFrom(reviewer, code, 'approve', { contentConfirmed: '1-00000000' });
    assert.equal(res.statusCode, 409);
    const fingerprint = /name="contentConfirmed" value="([^"]+)"/.exec(detail.body)?.[1];
    assert.ok(fingerprint);
    res = await postFrom(reviewer, code, 'approve', { contentConfirmed: fingerprint });
    assert.equal(res.statusCode, 303);
    assert.equal((await stateOf(t, code)).state, 'approved');
    assert.match(textOf((await reviewer.get(`/staff/records/${code}`)).body), /已逐条核对内容检查提示2处/);
    const clean = await newDraft(editor, { title: '无个人信息的通知' });
    const cleanPage = textOf((await editor.get(`/staff/records/${clean}`)).body);
    assert.match(cleanPage, /内容检查：未发现错敏词/);
    assert.doesNotMatch(cleanPage, /内容检查提示/);
  });

  it('keeps another unit out: 403 on the page and on every action', async () => {
    const code = await newDraft(editor);
    assert.equal((await other.get(`/staff/records/${code}`)).statusCode, 403);
    assert.equal((await other.get(`/staff/records/${code}/edit`)).statusCode, 403);
    const token = await tokenOf(other, '/staff/records');
    for (const action of ['submit', 'approve', 'publish', 'withdraw', 'edit']) {
      const res = await other.post(`/staff/records/${code}/${action}`, { _csrf: token, lockVersion: '1' });
      assert.equal(res.statusCode, 403, action);
    }
    assert.equal((await other.get('/staff/records?unit=finance')).statusCode, 403);
    assert.equal((await editor.get('/staff/records/no-such-record')).statusCode, 404);
    assert.equal((await t.client().get(`/staff/records/${code}`)).statusCode, 303);
    assert.equal((await stateOf(t, code)).state, 'draft');
  });

  it('runs draft → submitted → approved → published through HTTP, refusing own approval', async () => {
    const code = await newDraft(editor);
    let page = await editor.get(`/staff/records/${code}`);
    assert.match(textOf(page.body), /草稿/);
    assert.match(page.body, /action="\/staff\/records\/[^/]+\/submit"/);
    // An editor sees no approve or publish buttons.
    assert.doesNotMatch(page.body, /\/approve"|\/publish"|\/force-publish"/);

    let res = await postFrom(editor, code, 'submit');
    assert.equal(res.statusCode, 303);
    assert.equal((await stateOf(t, code)).state, 'submitted');

    // The reviewer's queue lists it.
    page = await reviewer.get('/staff/records');
    assert.match(page.body, new RegExp(`/staff/records/${code}"`));

    // The editor cannot approve (not a reviewer): the refusal says why.
    res = await editor.post(`/staff/records/${code}/approve`, { _csrf: await tokenOf(editor, `/staff/records/${code}`) });
    assert.equal(res.statusCode, 409);
    assert.match(textOf(res.body), /未能审核通过.*只有本单位的审核人或政务公开办的审核人可以审核/);

    res = await postFrom(reviewer, code, 'approve', { approveNote: '经保密审查，可以公开。' });
    assert.equal(res.statusCode, 303);
    assert.equal((await stateOf(t, code)).state, 'approved');

    res = await postFrom(reviewer, code, 'publish', { when: 'now' });
    assert.equal(res.statusCode, 303);
    const s = await stateOf(t, code);
    assert.equal(s.state, 'published');
    assert.match(s.index_no ?? '', /^[0-9A-Z]{18}\/2026-\d{5}$/);
    page = await reviewer.get(`/staff/records/${code}`);
    const text = textOf(page.body);
    assert.match(text, new RegExp(`索引号 ${s.index_no!.replace('/', '\\/')}`));
    assert.match(text, /审核记录.*提交审核.*审核通过.*经保密审查，可以公开。.*发布/);
    assert.match(page.body, new RegExp(`href="/records/${s.index_no!}"`));
    assert.equal((await t.client().get(`/records/${s.index_no!}`)).statusCode, 200);
  });

  it('refuses a reviewer approving their own submission', async () => {
    const code = await newDraft(reviewer, { title: '审核人自己起草的通知' });
    assert.equal((await postFrom(reviewer, code, 'submit')).statusCode, 303);
    const page = await reviewer.get(`/staff/records/${code}`);
    assert.doesNotMatch(page.body, /\/approve"/);
    const res = await reviewer.post(`/staff/records/${code}/approve`, { _csrf: await tokenOf(reviewer, `/staff/records/${code}`) });
    assert.equal(res.statusCode, 409);
    assert.match(textOf(res.body), /不能审核自己提交的信息/);
    assert.equal((await stateOf(t, code)).state, 'submitted');
  });

  it('sends back with reasons (required) that the editor then sees', async () => {
    const code = await newDraft(editor, { title: '待退回的通知' });
    await postFrom(editor, code, 'submit');
    let res = await postFrom(reviewer, code, 'send-back', { reasons: '  ' });
    assert.equal(res.statusCode, 400);
    assert.match(textOf(res.body), /请填写退回理由/);
    res = await postFrom(reviewer, code, 'send-back', { reasons: '标题应写明年度\n正文缺少联系电话' });
    assert.equal(res.statusCode, 303);
    assert.equal((await stateOf(t, code)).state, 'draft');
    const page = await editor.get(`/staff/records/${code}`);
    assert.match(textOf(page.body), /退回理由 标题应写明年度 正文缺少联系电话/);
  });

  it('refuses a 行政规范性文件 without interpretation, then submits it with its 解读', async () => {
    const code = await newDraft(editor, { title: '楚雄市财政局关于规范财政资金管理的办法', docType: 'normative', docNo: '楚市财发[2026]8号', genre: '办法', generalColumn: 'policy' });
    let res = await postFrom(editor, code, 'submit');
    assert.equal(res.statusCode, 409);
    assert.match(textOf(res.body), /未能提交审核 无解读材料，不予受理/);
    assert.equal((await stateOf(t, code)).state, 'draft');
    // The 文号's brackets were normalised on save.
    assert.match(textOf((await editor.get(`/staff/records/${code}`)).body), /文号 楚市财发〔2026〕8号/);

    const form = await editor.get(`/staff/records/new?interprets=${code}`);
    assert.equal(form.statusCode, 200);
    assert.match(textOf(form.body), /本解读将关联到政策文件《楚雄市财政局关于规范财政资金管理的办法》/);
    const icode = await newDraft(
      editor,
      { kind: 'interpretation', interpretationForm: 'qa', title: '《楚雄市财政局关于规范财政资金管理的办法》政策解读', genre: '解读', generalColumn: 'policy' },
      `/staff/records/new?interprets=${code}`,
    );
    const page = await editor.get(`/staff/records/${code}`);
    assert.match(page.body, new RegExp(`href="/staff/records/${icode}"`));
    res = await postFrom(editor, code, 'submit');
    assert.equal(res.statusCode, 303);
    assert.equal((await stateOf(t, code)).state, 'submitted');
    assert.equal((await stateOf(t, icode)).state, 'submitted');
    // The interpretation's page names its policy and offers no separate submission.
    const ipage = await editor.get(`/staff/records/${icode}`);
    assert.match(textOf(ipage.body), /所解读的政策文件 楚雄市财政局关于规范财政资金管理的办法/);
  });

  it('links an existing interpretation by its code, and unlinks it', async () => {
    const policy = await newDraft(editor, { title: '需解读的实施意见', needsInterpretation: 'on', genre: '意见' });
    const interp = await newDraft(editor, { kind: 'interpretation', interpretationForm: 'text', title: '实施意见的文字解读', genre: '解读' });
    let res = await postFrom(editor, policy, 'interpretations', { interpretation: 'not-a-record' });
    assert.equal(res.statusCode, 400);
    assert.match(textOf(res.body), /没有找到该政策解读/);
    res = await postFrom(editor, policy, 'interpretations', { interpretation: `http://localhost/staff/records/${interp}` });
    assert.equal(res.statusCode, 303);
    assert.match((await editor.get(`/staff/records/${policy}`)).body, new RegExp(`href="/staff/records/${interp}"`));
    res = await postFrom(editor, policy, `interpretations/${interp}/unlink`);
    assert.equal(res.statusCode, 303);
    assert.match(textOf((await editor.get(`/staff/records/${policy}`)).body), /尚未关联政策解读/);
  });

  it('shows a conflict page with both versions when two editors save the same draft', async () => {
    const code = await newDraft(editor, { title: '两人同时编辑的通知' });
    const second = await t.signIn('czj_admin');
    const formA = await editor.get(`/staff/records/${code}/edit`);
    const formB = await second.get(`/staff/records/${code}/edit`);
    const tokenA = /name="_csrf" value="([^"]+)"/.exec(formA.body)![1]!;
    const tokenB = /name="_csrf" value="([^"]+)"/.exec(formB.body)![1]!;
    const version = /name="lockVersion" value="(\d+)"/.exec(formA.body)![1]!;
    let res = await editor.post(`/staff/records/${code}/edit`, { _csrf: tokenA, lockVersion: version, ...draftFields({ title: '两人同时编辑的通知（张信息改）' }) });
    assert.equal(res.statusCode, 303);
    res = await second.post(`/staff/records/${code}/edit`, { _csrf: tokenB, lockVersion: version, ...draftFields({ title: '两人同时编辑的通知（王财改）' }) });
    assert.equal(res.statusCode, 409);
    const text = textOf(res.body);
    assert.match(text, /您的修改尚未保存/);
    assert.match(text, /张信息（财政局信息员）（czj_editor）于 2026-11-26 10:00 保存了新的内容/);
    assert.match(text, /标题 （不同） 两人同时编辑的通知（王财改） 两人同时编辑的通知（张信息改）/);
    // The form below keeps the second editor's input, with the current version to save over.
    assert.match(res.body, /name="title" type="text" value="两人同时编辑的通知（王财改）"/);
    const newVersion = /name="lockVersion" value="(\d+)"/.exec(res.body)![1]!;
    assert.equal(Number(newVersion), Number(version) + 1);
    assert.equal((await t.core.pool.query('SELECT title FROM pub_records WHERE code = $1', [code])).rows[0].title, '两人同时编辑的通知（张信息改）');
    res = await second.post(`/staff/records/${code}/edit`, { _csrf: tokenB, lockVersion: newVersion, ...draftFields({ title: '两人同时编辑的通知（合并）' }) });
    assert.equal(res.statusCode, 303);
  });

  it('force-publishes only with a reason and confirmation, then lists it as review owed until reviewed', async () => {
    const code = await newDraft(editor, { title: '关于暂停办理财政业务的紧急通知' });
    let page = await editor.get(`/staff/records/${code}`);
    assert.doesNotMatch(page.body, /\/force-publish"/);
    page = await unitAdmin.get(`/staff/records/${code}`);
    assert.match(page.body, /\/force-publish"/);
    let res = await postFrom(unitAdmin, code, 'force-publish', { urgentReason: '系统故障须立即告知' });
    assert.equal(res.statusCode, 400);
    assert.match(textOf(res.body), /请勾选确认后再紧急发布/);
    assert.match(res.body, /系统故障须立即告知/);
    res = await postFrom(unitAdmin, code, 'force-publish', { urgentReason: '系统故障须立即告知', confirm: 'on' });
    assert.equal(res.statusCode, 303);
    const s = await stateOf(t, code);
    assert.equal(s.state, 'published');
    assert.equal(s.review_owed, true);
    const list = await reviewer.get('/staff/records');
    assert.match(textOf(list.body), /待补充审核（\d+）/);
    assert.match(list.body, new RegExp(`/staff/records/${code}"`));
    // The admin who forced it cannot also review it.
    assert.doesNotMatch((await unitAdmin.get(`/staff/records/${code}`)).body, /\/review-forced"/);
    res = await postFrom(reviewer, code, 'review-forced', { reviewNote: '已补充审查' });
    assert.equal(res.statusCode, 303);
    assert.equal((await stateOf(t, code)).review_owed, false);
    page = await reviewer.get(`/staff/records/${code}`);
    assert.match(textOf(page.body), /紧急发布 王财（财政局管理员）（czj_admin） 系统故障须立即告知/);
  });

  async function published(title: string, over: Record<string, string | string[]> = {}): Promise<string> {
    const code = await newDraft(editor, { title, ...over });
    assert.equal((await postFrom(editor, code, 'submit')).statusCode, 303);
    assert.equal((await postFrom(reviewer, code, 'approve')).statusCode, 303);
    assert.equal((await postFrom(reviewer, code, 'publish', { when: 'now' })).statusCode, 303);
    return code;
  }

  it('revises a published record with a change note and shows the diff', async () => {
    const code = await published('需要修订的通知');
    const form = await reviewer.get(`/staff/records/${code}/revise`);
    assert.equal(form.statusCode, 200);
    assert.match(textOf(form.body), /当前为第1版，修订后立即在网站上更新并形成第2版/);
    const token = /name="_csrf" value="([^"]+)"/.exec(form.body)![1]!;
    const version = /name="lockVersion" value="(\d+)"/.exec(form.body)![1]!;
    let res = await reviewer.post(`/staff/records/${code}/revise`, { _csrf: token, lockVersion: version, ...draftFields({ title: '需要修订的通知（修订）' }), changeNote: '' });
    assert.equal(res.statusCode, 400);
    assert.match(textOf(res.body), /请填写修订说明/);
    res = await reviewer.post(`/staff/records/${code}/revise`, {
      _csrf: token,
      lockVersion: version,
      ...draftFields({ title: '需要修订的通知（修订）', bodyHtml: '各预算单位：\n\n请于2027年1月15日前完成部门决算公开。' }),
      changeNote: '更正完成时间',
    });
    assert.equal(res.statusCode, 303);
    const page = await reviewer.get(`/staff/records/${code}`);
    assert.match(textOf(page.body), /第2版/);
    const diffHref = /href="(\/staff\/records\/[^"]+\/versions\/\d+)"/.exec(page.body)![1]!;
    const diff = await reviewer.get(diffHref);
    assert.equal(diff.statusCode, 200);
    const text = textOf(diff.body);
    assert.match(text, /标题 需要修订的通知 需要修订的通知（修订）/);
    assert.match(text, /删除： 请于2026年12月31日前完成部门决算公开。/);
    assert.match(text, /新增： 请于2027年1月15日前完成部门决算公开。/);
    assert.match(text, /说明：更正完成时间/);
  });

  it('withdraws with a typed reason and sets validity with the replacing record', async () => {
    const oldCode = await published('旧的管理办法');
    const newCode = await published('新的管理办法');
    const newIndex = (await stateOf(t, newCode)).index_no!;
    let res = await postFrom(reviewer, oldCode, 'validity', { validity: 'repealed', changedOn: '', replacedByIndexNo: newIndex });
    assert.equal(res.statusCode, 400);
    assert.match(textOf(res.body), /请填写废止日期/);
    res = await postFrom(reviewer, oldCode, 'validity', { validity: 'repealed', changedOn: '2026-11-25', replacedByIndexNo: newIndex });
    assert.equal(res.statusCode, 303);
    assert.equal((await stateOf(t, oldCode)).validity, 'repealed');
    assert.match(textOf((await reviewer.get(`/staff/records/${oldCode}`)).body), /有效性 废止（2026-11-25），被替代为：新的管理办法/);

    res = await postFrom(reviewer, newCode, 'withdraw', { reason: 'error', note: '' });
    assert.equal(res.statusCode, 400);
    assert.match(textOf(res.body), /请填写撤回说明/);
    res = await postFrom(reviewer, newCode, 'withdraw', { reason: 'error', note: '附件数据有误，更正后重新发布' });
    assert.equal(res.statusCode, 303);
    assert.equal((await stateOf(t, newCode)).state, 'withdrawn');
    assert.match(textOf((await reviewer.get(`/staff/records/${newCode}`)).body), /已撤回 （2026-11-26 10:00）：内容有误。附件数据有误，更正后重新发布/);
  });

  it('schedules a publication and cancels it', async () => {
    const code = await newDraft(editor, { title: '定时发布的通知' });
    await postFrom(editor, code, 'submit');
    await postFrom(reviewer, code, 'approve');
    const approvedPage = textOf((await reviewer.get(`/staff/records/${code}`)).body);
    assert.match(approvedPage, /例如 2026年12月1日 上午9:00/);
    assert.doesNotMatch(approvedPage, /\d{4}-\d\d-\d\dT\d\d:\d\d/, 'the 定时发布 hint in words, not 2026-12-01T09:00');
    let res = await postFrom(reviewer, code, 'publish', { when: 'schedule', scheduleAt: '2026-11-26T09:00' });
    assert.equal(res.statusCode, 400);
    assert.match(textOf(res.body), /定时发布的时间应晚于现在（2026-11-26 10:00）/);
    res = await postFrom(reviewer, code, 'publish', { when: 'schedule', scheduleAt: '2026-12-01T09:00' });
    assert.equal(res.statusCode, 303);
    assert.equal((await stateOf(t, code)).state, 'scheduled');
    const scheduledPage = textOf((await reviewer.get(`/staff/records/${code}`)).body);
    assert.match(scheduledPage, /将于 2026年12月1日 09:00（北京时间） 自动发布/);
    assert.match(scheduledPage, /定时发布：2026-12-01 09:00（北京时间）/, 'version note in Beijing time');
    assert.doesNotMatch(scheduledPage, /\d{4}-\d\d-\d\dT\d\d:\d\d/, 'no UTC ISO strings');
    res = await postFrom(reviewer, code, 'cancel-schedule');
    assert.equal(res.statusCode, 303);
    assert.equal((await stateOf(t, code)).state, 'approved');
  });

  it('flags a PDF with JavaScript and a Word file with macros to staff, and serves them only as downloads', async () => {
    const code = await newDraft(editor, { title: '带可执行内容附件的通知' });
    const pdf = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog /OpenAction 2 0 R >> endobj\n2 0 obj << /S /J#61vaScript /JS (app.alert(1)) >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');
    let res = await upload(t, editor, code, { name: '脚本.pdf', bytes: pdf });
    assert.equal(res.statusCode, 303, textOf(res.body).slice(0, 400));
    // The notice travels in the flash cookie set by the upload's redirect.
    const flash = (r: { headers: Record<string, unknown> }) => decodeURIComponent(String(r.headers['set-cookie'] ?? ''));
    assert.match(flash(res), /注意：附件“脚本\.pdf”PDF 内含可自动运行的脚本或动作（\/JavaScript、\/JS、\/OpenAction），打开前请确认来源可信/);
    const docx = Buffer.from(await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('宏')] }] })));
    const macro = Buffer.from(zipSync({ ...unzipSync(new Uint8Array(docx)), 'word/vbaProject.bin': new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3]) }));
    res = await upload(t, editor, code, { name: '宏.docx', bytes: macro });
    assert.equal(res.statusCode, 303, textOf(res.body).slice(0, 400));
    assert.match(flash(res), /注意：附件“宏\.docx”文件内含宏（VBA 代码）/);
    const page = await editor.get(`/staff/records/${code}`);
    for (const href of [...page.body.matchAll(/href="(\/staff\/records\/[^"]+\/attachments\/[^"/]+)"/g)].map((m) => m[1]!)) {
      const file = await editor.get(href);
      assert.equal(file.statusCode, 200);
      assert.match(String(file.headers['content-disposition']), /^attachment;/);
    }
    const audit = (await t.core.pool.query(`SELECT summary FROM audit_log WHERE action = 'publishing.attachment-added' AND target_id = $1 ORDER BY id`, [code])).rows;
    assert.match(audit[0].summary.after.activeContent, /PDF 内含/);
    assert.equal(audit[1].summary.after.activeContent, '文件内含宏（VBA 代码）');
  });

  it('uploads attachments checked by content, lists and serves them, and refuses a disguised executable', async () => {
    const code = await newDraft(editor, { title: '带附件的通知' });
    const docx = Buffer.from(await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('附件：2026年度部门决算公开模板')] }] })));
    let res = await upload(t, editor, code, { name: '决算模板.docx', bytes: docx });
    assert.equal(res.statusCode, 303, textOf(res.body).slice(0, 400));
    const page = await editor.get(`/staff/records/${code}`);
    assert.match(textOf(page.body), /决算模板\.docx 附件 DOCX/);
    const href = /href="(\/staff\/records\/[^"]+\/attachments\/[^"/]+)"/.exec(page.body)![1]!;
    const file = await editor.get(href);
    assert.equal(file.statusCode, 200);
    assert.equal(file.rawPayload.length, docx.length);
    assert.match(String(file.headers['content-disposition']), /filename\*=UTF-8''%E5%86%B3%E7%AE%97%E6%A8%A1%E6%9D%BF\.docx/);
    assert.equal((await other.get(href)).statusCode, 403);

    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(500, 0x90)]);
    res = await upload(t, editor, code, { name: '通知.pdf', bytes: exe });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /id="f-file-error"/);

    res = await upload(t, editor, code, { name: '解读方案.docx', bytes: docx }, { role: 'interpretation_plan' });
    assert.equal(res.statusCode, 303);
    assert.match(textOf((await editor.get(`/staff/records/${code}`)).body), /解读方案\.docx 解读方案 DOCX/);

    const removeHref = /action="(\/staff\/records\/[^"]+\/attachments\/[^"/]+\/remove)"/.exec((await editor.get(`/staff/records/${code}`)).body)![1]!;
    res = await editor.post(removeHref, { _csrf: await tokenOf(editor, `/staff/records/${code}`) });
    assert.equal(res.statusCode, 303);
    const after = (await editor.get(`/staff/records/${code}`)).body;
    assert.doesNotMatch(after, />决算模板\.docx<\/a>/);
    assert.match(textOf(after), /删除附件 张信息（财政局信息员）（czj_editor） 删除附件：决算模板\.docx/);
  });

  it('filters the list and exports it to xlsx', async () => {
    const code = await newDraft(editor, { title: '用于筛选的政策文件', generalColumn: 'policy', writtenOn: '2025-03-01', formedOn: '2025-03-01' });
    let res = await editor.get('/staff/records?state=draft&home=column:policy&type=other&year=2025');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, new RegExp(`/staff/records/${code}"`));
    assert.match(textOf(res.body), /共 1 条/);
    res = await editor.get('/staff/records?state=published&home=column:policy&year=2025');
    assert.doesNotMatch(res.body, new RegExp(`/staff/records/${code}"`));
    const xlsx = await editor.get('/staff/records/export.xlsx?state=draft&home=column:policy&year=2025');
    assert.equal(xlsx.statusCode, 200);
    assert.match(String(xlsx.headers['content-type']), /spreadsheetml/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('信息列表')!;
    assert.equal(ws.rowCount, 2);
    assert.equal(ws.getRow(2).getCell(2).text, '用于筛选的政策文件');
    assert.equal(ws.getRow(2).getCell(8).text, '草稿');
    // Garbage filters are ignored, not errors.
    assert.equal((await editor.get('/staff/records?state=x&home=item:abc&type=zzz&year=20255&page=-3')).statusCode, 200);
  });

  it('warns the reviewer before approving a back-dated record that it will be 超期公开', async () => {
    const code = await newDraft(editor, { title: '补录的旧通知', formedOn: '2026-09-01', writtenOn: '2026-09-01' });
    await postFrom(editor, code, 'submit');
    const page = textOf((await reviewer.get(`/staff/records/${code}`)).body);
    // 条例 第二十六条, counted by hand: from 09-02, the weekdays of September with Sunday 09-20 worked
    // (调休) and 09-25 off (中秋) — the 20th working day is Tuesday 2026-09-29.
    assert.match(page, /超期公开：今天（2026-11-26）审核通过并发布将是超期公开。.*应于 2026-09-29 前公开/);
    const onTime = await newDraft(editor, { title: '按时的通知' });
    await postFrom(editor, onTime, 'submit');
    assert.doesNotMatch(textOf((await reviewer.get(`/staff/records/${onTime}`)).body), /将是超期公开/);
  });

  it('counts and flags a late publication on the timeliness dashboard (条例 第二十六条)', async () => {
    const before = textOf((await editor.get('/staff/records/timeliness?year=2026')).body);
    const lateBefore = Number(/已公开 按时公开 超期公开 无法判断 (\d+) (\d+) (\d+) (\d+)/.exec(before)![3]);
    // Formed on 2026-09-01, published 2026-11-26: well past 20 working days.
    const code = await published('迟到的公开', { formedOn: '2026-09-01', writtenOn: '2026-09-01' });
    assert.equal((await stateOf(t, code)).published_late, true);
    const dueOn = (await t.core.pool.query("SELECT due_on::text AS d FROM pub_records WHERE code = $1", [code])).rows[0].d as string;
    assert.match(dueOn, /^2026-(09|10)-\d\d$/);
    const res = await editor.get('/staff/records/timeliness?year=2026');
    assert.equal(res.statusCode, 200);
    const text = textOf(res.body);
    const m = /已公开 按时公开 超期公开 无法判断 (\d+) (\d+) (\d+) (\d+)/.exec(text)!;
    assert.equal(Number(m[3]), lateBefore + 1);
    assert.match(text, new RegExp(`迟到的公开 2026-09-01 ${dueOn} 2026-11-26`));
    assert.match(text, /定期公开事项的下次到期日/);
  });

  it('shows the next due date of a yearly item, red once overdue', async () => {
    const form = await editor.get('/staff/records/new');
    const itemId = /<option value="(\d+)">新增债券使用情况<\/option>/.exec(form.body)?.[1];
    assert.ok(itemId, 'the finance catalog has 新增债券使用情况 (每年6月底前)');
    let text = textOf((await editor.get('/staff/records/timeliness')).body);
    assert.match(text, /新增债券使用情况 每年6月底前 尚未公开 2027-06-30 每年6月30日前公开；尚无公开记录/);
    await published('楚雄市2026年新增债券使用情况', { catalogItemId: itemId, generalColumn: '' });
    text = textOf((await editor.get('/staff/records/timeliness')).body);
    assert.match(text, /新增债券使用情况 每年6月底前 2026-11-26 2027-06-30 每年6月30日前公开；上次公开于 2026-11-26/);
    assert.match(text, /定期公开事项的下次到期日（无逾期）/);
    t.clock.set('2027-07-15T02:00:00Z');
    try {
      // A fresh session: the others would count as idle this far ahead.
      const later = await t.signIn('czj_editor');
      const res = await later.get('/staff/records/timeliness');
      text = textOf(res.body);
      assert.match(text, /定期公开事项的下次到期日（1项已逾期）/);
      assert.match(res.body, /<tr class="overdue">.*?新增债券使用情况.*?<td class="nowrap status-bad">2027-06-30（已逾期）<\/td>/);
    } finally {
      t.clock.set('2026-11-26T02:00:00Z');
    }
  });

  it('adds an attachment to a published record only with a change note (a revision)', async () => {
    const code = await published('发布后补充附件的通知');
    const docx = Buffer.from(await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('补充附件')] }] })));
    let res = await upload(t, reviewer, code, { name: '补充附件.docx', bytes: docx });
    assert.equal(res.statusCode, 400);
    assert.match(textOf(res.body), /已发布的信息增加附件属于修订，请填写修订说明/);
    assert.match(res.body, /id="f-changeNote"/);
    res = await upload(t, reviewer, code, { name: '补充附件.docx', bytes: docx }, { changeNote: '补充附件' });
    assert.equal(res.statusCode, 303);
    const page = await reviewer.get(`/staff/records/${code}`);
    assert.match(textOf(page.body), /第2版/);
    assert.match(textOf(page.body), /修订（公开） 赵审核（财政局审核人）（czj_reviewer） 补充附件/);
    // The editor cannot change a published record.
    res = await upload(t, editor, code, { name: '补充附件.docx', bytes: docx }, { changeNote: '再补充' });
    assert.equal(res.statusCode, 409);
    assert.match(textOf(res.body), /已发布的信息只能由本单位的审核人、单位管理员或政务公开办修订/);
  });

  it('shows the openness office the city-wide timeliness: a chart, and a table whose numbers are the records', async () => {
    await published('全市时效页的迟到信息', { formedOn: '2026-08-03', writtenOn: '2026-08-03' });
    const res = await gkb.get('/staff/records/timeliness/city?year=2026');
    assert.equal(res.statusCode, 200);
    const charts = chartsOf(res.body);
    assert.equal(charts.length, 1);
    assert.equal(charts[0]!.label, '2026年各单位主动公开信息的时效');
    assert.match(charts[0]!.legend, /按时公开/);
    const rows = tableRows(res.body, 'class="city-timeliness"');
    const { rows: expected } = await t.core.pool.query<{ name: string; published: number; late: number; unknown: number }>(
      `SELECT u.name, count(*)::int AS published, (count(*) FILTER (WHERE r.published_late))::int AS late, (count(*) FILTER (WHERE r.published_late IS NULL))::int AS unknown
         FROM pub_records r JOIN units u ON u.id = r.unit_id
        WHERE r.state IN ('published', 'withdrawn') AND r.disclosure = 'proactive' AND r.published_on BETWEEN '2026-01-01' AND '2026-12-31'
        GROUP BY u.name`,
    );
    assert.ok(expected.some((e) => e.late > 0));
    for (const e of expected) {
      const row = rows.find((r) => r[0] === e.name);
      assert.ok(row, e.name);
      assert.deepEqual(row.slice(1, 5).map(Number), [e.published, e.published - e.late - e.unknown, e.late, e.unknown], e.name);
    }
    // Every other unit of the city is listed with zeros, late units first.
    assert.ok(rows.length >= expected.length);
    assert.ok(rows.every((r, i) => i === 0 || Number(rows[i - 1]![3]) >= Number(r[3])));
    const total = tableRows(res.body, 'class="city-timeliness"', 'tfoot')[0]!;
    assert.equal(Number(total[1]), expected.reduce((a, e) => a + e.published, 0));
    // The unit page links to it for the office; a unit's editor may not see the city.
    assert.match((await gkb.get('/staff/records/timeliness?unit=finance')).body, /href="\/staff\/records\/timeliness\/city\?year=2026"/);
    assert.equal((await editor.get('/staff/records/timeliness/city')).statusCode, 403);
  });

  it('lets the openness office switch units, and refuses a unit outside the city', async () => {
    const res = await gkb.get('/staff/records?unit=finance');
    assert.equal(res.statusCode, 200);
    assert.match(textOf(res.body), /信息发布（主动公开） 楚雄市财政局/);
    assert.equal((await gkb.get('/staff/records?unit=no-such-unit')).statusCode, 404);
    assert.equal((await gkb.get('/staff/records/timeliness?unit=finance')).statusCode, 200);
  });
  it('leads the record page with 下一步: this person’s one or two actions, the rest folded, or who must act', async () => {
    const nextBox = (html: string) => /<section class="next-steps"[\s\S]*?<\/section>\s*<section aria-labelledby="h-actions"/.exec(html)?.[0] ?? '';
    const folded = (html: string) => /<details class="more-actions"[\s\S]*?<\/details>/.exec(html)?.[0] ?? '';
    const code = await newDraft(editor, { title: '关于下一步提示的测试通知' });
    // The editor: 编辑草稿 and 提交审核 open.
    let page = await editor.get(`/staff/records/${code}`);
    let box = nextBox(page.body);
    assert.match(textOf(box), /下一步 状态： 草稿/);
    assert.match(box, /\/edit"/);
    assert.match(box, /action="\/staff\/records\/[^/]+\/submit"/);
    // The unit admin's 紧急发布 is there, folded away.
    page = await unitAdmin.get(`/staff/records/${code}`);
    assert.match(nextBox(page.body), /\/submit"/);
    assert.doesNotMatch(nextBox(page.body), /force-publish"/);
    assert.match(folded(page.body), /其他操作（1 项）[\s\S]*force-publish"/);

    assert.equal((await postFrom(editor, code, 'submit')).statusCode, 303);
    // The editor now waits for the reviewer, and is told so.
    page = await editor.get(`/staff/records/${code}`);
    box = nextBox(page.body);
    assert.match(textOf(box), /状态： 待审核.*等待本单位审核人审核（保密审查）。 您目前无需操作。/);
    assert.doesNotMatch(box, /<form/);
    // The reviewer: 审核通过 and 退回修改 open.
    page = await reviewer.get(`/staff/records/${code}`);
    box = nextBox(page.body);
    assert.match(box, /\/approve"[\s\S]*\/send-back"/);
    assert.doesNotMatch(textOf(box), /等待/);
    assert.equal(folded(page.body), '', 'nothing else to fold for the reviewer');
    // Published: nobody owes anything; 修订、撤回、有效性 are folded.
    assert.equal((await postFrom(reviewer, code, 'approve', {})).statusCode, 303);
    assert.equal((await postFrom(reviewer, code, 'publish', { when: 'now' })).statusCode, 303);
    page = await reviewer.get(`/staff/records/${code}`);
    assert.match(textOf(nextBox(page.body)), /已发布，无需操作/);
    assert.match(folded(page.body), /可以进行的操作（3 项）[\s\S]*\/revise"[\s\S]*\/validity"[\s\S]*\/withdraw"/);
  });
});
