import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import { createTestApp, type TestApp } from '../../core/testing/index.ts';
import { verifyAuditChain } from '../../core/audit/index.ts';
import type { Core } from '../../core/services.ts';
import { fileStorage } from '../../core/files/storage.ts';
import type { RecordInput } from './domain/types.ts';
import {
  addAttachment,
  approveRecord,
  createDraft,
  createInterpretationDraft,
  emptyRecordInput,
  forcePublish,
  publishRecord,
  recordInputOf,
  reviewForced,
  reviseRecord,
  saveDraft,
  sendBackRecord,
  setValidity,
  submitRecord,
  withdrawRecord,
  type StaffActor,
} from './service.ts';
import {
  findRecordByCode,
  findRecordByIndexNo,
  listAttachments,
  listLinkedInterpretations,
  listLinkedPolicies,
  listPublicVersions,
  listReviewLog,
  listReviewOwed,
  timelinessSummary,
} from './data/repository.ts';
import { seedPublishing, allDemoRecords } from './seed.ts';
import { countRecordsForAnnualReport, createRecordFromRequestReply, listPublishedRecordsForItem } from './index.ts';

async function actorFor(core: Core, username: string): Promise<StaffActor> {
  const r = await core.pool.query(
    `SELECT s.id, s.display_name, s.unit_id, s.roles, coalesce(u.root_id, u.id) AS root_id
       FROM staff_users s JOIN units u ON u.id = s.unit_id WHERE s.username = $1`,
    [username],
  );
  const row = r.rows[0];
  return { id: Number(row.id), name: `${row.display_name}（${username}）`, unitId: Number(row.unit_id), rootUnitId: Number(row.root_id), roles: row.roles, ip: '127.0.0.1', requestId: 'test' };
}

function draft(over: Partial<RecordInput> = {}): RecordInput {
  return {
    ...emptyRecordInput('楚雄市财政局', '2026-11-26'),
    generalColumn: 'news',
    title: '市财政局开展惠民惠农补贴资金专项检查',
    writtenOn: '2026-11-20',
    formedOn: '2026-11-20',
    subject: '财政、金融、审计',
    genre: '新闻',
    keywords: ['惠民惠农', '专项检查'],
    bodyHtml: '<p>11月20日，市财政局对15个乡镇惠民惠农补贴资金发放情况开展专项检查。</p>',
    ...over,
  };
}

function ok<T extends { ok: boolean }>(r: T): asserts r is Extract<T, { ok: true }> {
  if (!r.ok) assert.fail(`expected ok, got ${JSON.stringify(r)}`);
}

async function count(core: Core, sql: string, params: unknown[] = []): Promise<number> {
  return Number((await core.pool.query(sql, params)).rows[0].n);
}

describe('publishing service', () => {
  let t: TestApp;
  let editor: StaffActor;
  let reviewer: StaffActor;
  let admin: StaffActor;
  let gkb: StaffActor;
  let dgz: StaffActor;
  let financeUscc: string;
  const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-pub-files-'));

  before(async () => {
    t = await createTestApp();
    t.core.config.dataDir = filesDir;
    editor = await actorFor(t.core, 'czj_editor');
    reviewer = await actorFor(t.core, 'czj_reviewer');
    admin = await actorFor(t.core, 'czj_admin');
    gkb = await actorFor(t.core, 'gkb');
    dgz = await actorFor(t.core, 'dgz_editor');
    financeUscc = (await t.core.pool.query("SELECT uscc FROM units WHERE slug = 'finance'")).rows[0].uscc;
  });
  after(async () => {
    await t.dispose();
    fs.rmSync(filesDir, { recursive: true, force: true });
  });

  it('seeds the 2017 plan with its metadata and interpretation, ~50 records, idempotently', async () => {
    const plan = (await t.core.pool.query("SELECT code, index_no FROM pub_records WHERE doc_no = '楚市政通〔2017〕47号'")).rows;
    assert.equal(plan.length, 1);
    const row = (await findRecordByCode(t.core.db, plan[0].code))!;
    assert.equal(row.indexNo, '115323010151200721/2017-00001');
    assert.equal(row.writtenOn, '2017-06-26');
    assert.equal(row.publisherName, '楚雄市人民政府');
    assert.equal(row.docType, 'normative');
    assert.equal(row.state, 'published');
    assert.match(row.bodyHtml, /<h3>（四）强化重要政策解读<\/h3>/);
    assert.match(row.bodyHtml, /无解读方案的，市政府办公室一律不予收文、不予办理/);
    const interps = await listLinkedInterpretations(t.core.db, row.id);
    assert.deepEqual(interps.map((i) => [i.kind, i.interpretationForm, i.indexNo]), [['interpretation', 'text', '115323010151200721/2017-00002']]);
    assert.equal((await listLinkedPolicies(t.core.db, interps[0]!.id))[0]!.id, row.id);
    const total = await count(t.core, 'SELECT count(*) AS n FROM pub_records');
    assert.equal(total, allDemoRecords().length);
    assert.ok(total >= 50, `${total} demo records`);
    // Filed under the finance unit's catalog item when the demo catalog has it.
    const budget = (await t.core.pool.query("SELECT r.catalog_item_id, ci.level2 FROM pub_records r JOIN catalog_items ci ON ci.id = r.catalog_item_id WHERE r.title = '楚雄市2026年市级预算公开'")).rows;
    assert.equal(budget[0]?.level2, '政府预算');
    // The 2019 rules are repealed and replaced by the 2025 ones.
    const old = (await t.core.pool.query("SELECT r.validity, r.validity_changed_on, n.doc_no FROM pub_records r JOIN pub_records n ON n.id = r.replaced_by_id WHERE r.doc_no = '楚市政规〔2019〕3号'")).rows[0];
    assert.deepEqual({ ...old }, { validity: 'repealed', validity_changed_on: '2025-11-03', doc_no: '楚市政规〔2025〕2号' });
    // 部门决算 批复 2026-08-20, published 2026-09-15: later than 批复后20日 (2026-09-09).
    const late = (await t.core.pool.query("SELECT due_on, published_late FROM pub_records WHERE title = '楚雄市财政局2025年部门决算'")).rows[0];
    assert.deepEqual({ ...late }, { due_on: '2026-09-09', published_late: true });
    // Index numbers per unit and year have no gaps.
    const gaps = await count(t.core, 'SELECT count(*) AS n FROM (SELECT unit_id, index_year, max(index_seq) - count(*) AS gap FROM pub_records WHERE index_no IS NOT NULL GROUP BY 1, 2) g WHERE gap <> 0');
    assert.equal(gaps, 0);
    await seedPublishing(t.core);
    assert.equal(await count(t.core, 'SELECT count(*) AS n FROM pub_records'), total);
  });

  it('takes a record from draft through review to publication, with 索引号, timeliness, versions and audit', async () => {
    const seqBefore = await count(t.core, 'SELECT coalesce(max(index_seq), 0) AS n FROM pub_records WHERE unit_id = $1 AND index_year = 2026', [editor.unitId]);
    const c = await createDraft(t.core, editor, draft({ formedOn: '2026-10-09', docNo: '楚市财发[2026]31号' }));
    ok(c);
    assert.equal(c.record.docNo, '楚市财发〔2026〕31号');
    assert.deepEqual(c.notes, ['已将文号中的括号规范为六角括号“〔〕”：楚市财发〔2026〕31号']);
    assert.equal(c.record.state, 'draft');
    assert.equal(c.record.indexNo, null);
    ok(await submitRecord(t.core, editor, c.record.code));
    const a = await approveRecord(t.core, reviewer, c.record.code, '已做保密审查');
    ok(a);
    assert.equal(a.record.state, 'approved');
    const p = await publishRecord(t.core, editor, c.record.code);
    ok(p);
    assert.equal(p.record.state, 'published');
    assert.equal(p.record.publishedOn, '2026-11-26');
    assert.equal(p.record.indexNo, `${financeUscc}/2026-${String(seqBefore + 1).padStart(5, '0')}`);
    // Formed Friday 2026-10-09: Saturday 10-10 is a make-up working day (1), then weekdays → the
    // 20th working day is 2026-11-05; published 2026-11-26 is late (条例 第二十六条).
    assert.equal(p.record.dueOn, '2026-11-05');
    assert.equal(p.record.publishedLate, true);
    const log = await listReviewLog(t.core.db, p.record.id);
    assert.deepEqual(log.map((l) => [l.action, l.actorName]), [
      ['submitted', editor.name],
      ['approved', reviewer.name],
      ['published', editor.name],
    ]);
    const versions = await listPublicVersions(t.core.db, p.record.id);
    assert.deepEqual(versions.map((v) => v.event), ['published']);
    assert.equal(await count(t.core, 'SELECT count(*) AS n FROM pub_search_documents WHERE record_id = $1', [p.record.id]), 1);
    const actions = (await t.core.pool.query('SELECT action FROM audit_log WHERE target_id = $1 ORDER BY id', [c.record.code])).rows.map((r) => r.action);
    assert.deepEqual(actions, ['publishing.draft-created', 'publishing.submitted', 'publishing.approved', 'publishing.published']);
    const summary = await timelinessSummary(t.core.db, editor.unitId, 2026);
    assert.ok(summary.late >= 2, JSON.stringify(summary));
  });

  it('refuses with readable reasons: incomplete metadata, wrong state, wrong unit, own approval', async () => {
    const bad = await createDraft(t.core, editor, draft({ title: '', docNo: '楚市财发〔2026〕第3号', writtenOn: '2099-01-01' }));
    assert.equal(bad.ok, false);
    if (!bad.ok && bad.kind === 'invalid') {
      assert.equal(bad.errors.title, '请填写标题');
      assert.equal(bad.errors.docNo, '发文顺序号前不加“第”字，应写作如“楚市政通〔2017〕47号”');
      assert.equal(bad.errors.writtenOn, '成文日期的年份2099不正确：不能晚于2027年');
    } else assert.fail('expected invalid');
    const c = await createDraft(t.core, editor, draft());
    ok(c);
    assert.deepEqual(await approveRecord(t.core, reviewer, c.record.code), { ok: false, kind: 'refused', reasons: ['该信息当前为“草稿”，不能审核通过'] });
    // A township editor cannot touch a finance draft.
    const other = await saveDraft(t.core, dgz, c.record.code, c.record.lockVersion, draft({ title: '改' }));
    assert.deepEqual(other, { ok: false, kind: 'refused', reasons: ['只有本单位的信息员、审核人、单位管理员或政务公开办可以办理本单位的信息'] });
    // dgz holds editor, reviewer and unit admin: still cannot approve what they submitted.
    const own = await createDraft(t.core, dgz, draft({ publisherName: '东瓜镇人民政府', title: '东瓜镇召开冬季农田水利建设动员会' }));
    ok(own);
    ok(await submitRecord(t.core, dgz, own.record.code));
    assert.deepEqual(await approveRecord(t.core, dgz, own.record.code), { ok: false, kind: 'refused', reasons: ['不能审核自己提交的信息，请由本单位其他审核人审核'] });
    // The openness office's reviewer works city-wide.
    ok(await approveRecord(t.core, gkb, own.record.code));
  });

  it('sends back with reasons, which the editor sees; an empty reason is refused', async () => {
    const c = await createDraft(t.core, editor, draft());
    ok(c);
    ok(await submitRecord(t.core, editor, c.record.code));
    const empty = await sendBackRecord(t.core, reviewer, c.record.code, ['  ']);
    assert.deepEqual(empty, { ok: false, kind: 'invalid', errors: { reasons: '请填写退回理由' } });
    const back = await sendBackRecord(t.core, reviewer, c.record.code, ['正文中补贴对象的身份证号未隐去，请删除', '标题过长']);
    ok(back);
    assert.equal(back.record.state, 'draft');
    assert.deepEqual(back.record.sendBackReasons, ['正文中补贴对象的身份证号未隐去，请删除', '标题过长']);
    const log = await listReviewLog(t.core.db, c.record.id);
    assert.deepEqual(log.at(-1)!.reasons, ['正文中补贴对象的身份证号未隐去，请删除', '标题过长']);
  });

  it('refuses a 行政规范性文件 without interpretation: "无解读材料，不予受理"; then moves policy and interpretation together', async () => {
    const policy = await createDraft(t.core, editor, draft({ generalColumn: 'policy', title: '楚雄市财政局关于印发《楚雄市政府购买服务管理实施办法》的通知', docNo: '楚市财规〔2026〕2号', docType: 'normative', genre: '办法', writtenOn: '2026-11-24', formedOn: '2026-11-24' }));
    ok(policy);
    const refused = await submitRecord(t.core, editor, policy.record.code);
    assert.deepEqual(refused, { ok: false, kind: 'refused', reasons: ['无解读材料，不予受理：须关联一篇公开的政策解读，与文件同步审核、同步发布（解读方案是内部材料，不能代替公开的政策解读）'] });
    const interp = await createInterpretationDraft(t.core, editor, policy.record.code, draft({ title: '《楚雄市政府购买服务管理实施办法》解读', genre: '解读', interpretationForm: 'text', generalColumn: 'policy' }));
    ok(interp);
    assert.equal(interp.record.kind, 'interpretation');
    // The interpretation moves with its policy, not on its own.
    const alone = await submitRecord(t.core, editor, interp.record.code);
    assert.deepEqual(alone, { ok: false, kind: 'refused', reasons: ['该政策解读须随所解读的政策文件一并提交、审核和发布，请在政策文件上办理'] });
    const sub = await submitRecord(t.core, editor, policy.record.code);
    ok(sub);
    assert.deepEqual(sub.submitted, [policy.record.code, interp.record.code]);
    ok(await approveRecord(t.core, reviewer, policy.record.code));
    assert.equal((await findRecordByCode(t.core.db, interp.record.code))!.state, 'approved');
    const pub = await publishRecord(t.core, editor, policy.record.code);
    ok(pub);
    const i = (await findRecordByCode(t.core.db, interp.record.code))!;
    assert.equal(i.state, 'published');
    assert.equal(Number(i.indexNo!.slice(-5)), Number(pub.record.indexNo!.slice(-5)) + 1);
    assert.deepEqual((await listLinkedPolicies(t.core.db, i.id)).map((p) => p.indexNo), [pub.record.indexNo]);
  });

  it('an attached 解读方案 alone does not satisfy the rule; a 文号 with 规 triggers it unless the editor says why not', async () => {
    const policy = await createDraft(t.core, editor, draft({ title: '关于进一步规范乡镇财政资金支付管理的通知', needsInterpretation: true }));
    ok(policy);
    assert.equal((await submitRecord(t.core, editor, policy.record.code)).ok, false);
    const plan = Buffer.from(await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('解读方案：由局办公室于发布当日在政府网站发布文字解读。')] }] })));
    const up = await addAttachment(t.core, editor, policy.record.code, { filename: '解读方案.docx', data: plan, role: 'interpretation_plan' });
    ok(up);
    assert.equal(up.attachment.fileType, 'docx');
    assert.match(up.attachment.extractedText, /解读方案：由局办公室于发布当日/);
    assert.deepEqual(await fileStorage(t.core.config).get(up.attachment.storageKey), plan);
    const stillRefused = await submitRecord(t.core, editor, policy.record.code);
    assert.equal(stillRefused.ok, false);
    assert.match(!stillRefused.ok && stillRefused.kind === 'refused' ? stillRefused.reasons[0]! : '', /解读方案是内部材料，不能代替公开的政策解读/);
    ok(await createInterpretationDraft(t.core, editor, policy.record.code, draft({ title: '乡镇财政资金支付管理政策问答', genre: '解读', interpretationForm: 'qa', generalColumn: 'policy' })));
    ok(await submitRecord(t.core, editor, policy.record.code));

    // Picked as 其他 but numbered as a 规范性文件: refused, naming the 文号; a stated reason lets it through.
    const numbered = await createDraft(t.core, editor, draft({ title: '楚雄市财政局财政票据管理工作规则', docNo: '楚市财规〔2026〕5号', docType: 'other' }));
    ok(numbered);
    const r = await submitRecord(t.core, editor, numbered.record.code);
    assert.equal(r.ok, false);
    assert.match(!r.ok && r.kind === 'refused' ? r.reasons[0]! : '', /文号“楚市财规〔2026〕5号”是规范性文件的编号/);
    const saved = await saveDraft(t.core, editor, numbered.record.code, numbered.record.lockVersion, { ...recordInputOf(numbered.record), interpretationWaiver: '本局内部工作规则，不对外设定权利义务，不属于行政规范性文件' });
    ok(saved);
    ok(await submitRecord(t.core, editor, numbered.record.code));
  });

  it('warns of a duplicate 文号 at draft, refuses to publish it without a reason (联合发文、转发), publishes it with one', async () => {
    const first = await createDraft(t.core, editor, draft({ title: '楚雄市财政局关于做好2027年部门预算编制工作的通知', docNo: '楚市财发〔2026〕93号' }));
    ok(first);
    assert.deepEqual(first.notes, []);
    ok(await submitRecord(t.core, editor, first.record.code));
    ok(await approveRecord(t.core, reviewer, first.record.code));
    const p1 = await publishRecord(t.core, reviewer, first.record.code);
    ok(p1);
    // Same issuer, year and number, typed with other brackets.
    const second = await createDraft(t.core, editor, draft({ title: '楚雄市财政局关于2027年部门预算编制的补充通知', docNo: '楚市财发[2026]93号' }));
    ok(second);
    const warning = `文号“楚市财发〔2026〕93号”已用于《楚雄市财政局关于做好2027年部门预算编制工作的通知》（楚雄市财政局，索引号${p1.record.indexNo}）。同一机关同一年度的发文顺序号不能重复；如为联合发文或转发，请在“联合发文或转发说明”中写明。`;
    assert.ok(second.notes.includes(warning), JSON.stringify(second.notes));
    ok(await submitRecord(t.core, editor, second.record.code));
    ok(await approveRecord(t.core, reviewer, second.record.code));
    const refusedPub = await publishRecord(t.core, reviewer, second.record.code);
    assert.deepEqual(refusedPub, { ok: false, kind: 'refused', reasons: [warning] });
    assert.equal((await findRecordByCode(t.core.db, second.record.code))!.state, 'approved');
    // With the reason stated (sent back, saved, submitted and approved again) it goes out.
    ok(await sendBackRecord(t.core, reviewer, second.record.code, ['请说明同一文号的原因']));
    const again = (await findRecordByCode(t.core.db, second.record.code))!;
    ok(await saveDraft(t.core, editor, again.code, again.lockVersion, { ...recordInputOf(again), docNoSharedReason: '与楚雄市发展和改革局联合发文' }));
    ok(await submitRecord(t.core, editor, again.code));
    ok(await approveRecord(t.core, reviewer, again.code));
    ok(await publishRecord(t.core, reviewer, again.code));
  });

  it('refuses a disguised executable and keeps nothing of it', async () => {
    const c = await createDraft(t.core, editor, draft());
    ok(c);
    const exe = Buffer.concat([Buffer.from('MZ\x90\x00', 'latin1'), Buffer.alloc(200, 1)]);
    const r = await addAttachment(t.core, editor, c.record.code, { filename: '2026年预算公开.pdf', data: exe });
    assert.deepEqual(r, { ok: false, kind: 'invalid', errors: { file: '该文件实际是Windows 可执行程序，不予上传' } });
    assert.deepEqual(await listAttachments(t.core.db, c.record.id), []);
    const big = await addAttachment(t.core, editor, c.record.code, { filename: 'a.pdf', data: Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(t.core.config.uploadLimitBytes)]) });
    assert.equal(big.ok, false);
    if (!big.ok && big.kind === 'invalid') assert.match(big.errors.file!, /文件大小超过上限（10\.0 MB）/);
  });

  it('keeps HTML and script in a title as text and strips script from the body', async () => {
    const c = await createDraft(t.core, editor, draft({ title: '<script>alert(1)</script>通知', bodyHtml: '<p onclick="x()">正文</p><script>alert(2)</script><img src=x onerror=alert(3)><a href="javascript:alert(4)">链接</a>' }));
    ok(c);
    assert.equal(c.record.title, '<script>alert(1)</script>通知');
    // Script is dropped, unknown tags are shown as escaped text, event handlers and javascript: links removed.
    assert.doesNotMatch(c.record.bodyHtml, /<script|<img|onclick=|href="javascript:/i);
    assert.match(c.record.bodyHtml, /<p>正文<\/p>/);
  });

  it('gives the second editor of a stale version a conflict carrying both versions, and overwrites nothing', async () => {
    const c = await createDraft(t.core, editor, draft({ title: '原标题' }));
    ok(c);
    const loaded = c.record.lockVersion;
    const first = await saveDraft(t.core, editor, c.record.code, loaded, draft({ title: '张信息改的标题' }));
    ok(first);
    const second = await saveDraft(t.core, reviewer, c.record.code, loaded, draft({ title: '赵审核改的标题' }));
    assert.equal(second.ok, false);
    if (second.ok || second.kind !== 'conflict') return assert.fail('expected a conflict');
    assert.equal(second.conflict.current.title, '张信息改的标题');
    assert.equal(second.conflict.submitted.title, '赵审核改的标题');
    assert.equal(second.conflict.currentVersion, loaded + 1);
    assert.equal(second.conflict.changedByName, editor.name);
    assert.equal((await findRecordByCode(t.core.db, c.record.code))!.title, '张信息改的标题');
    // Saving again on top of the current version works.
    ok(await saveDraft(t.core, reviewer, c.record.code, second.conflict.currentVersion, draft({ title: '合并后的标题' })));
  });

  it('numbers concurrent publications of one unit without gaps or duplicates', async () => {
    const codes: string[] = [];
    for (let i = 0; i < 12; i++) {
      const c = await createDraft(t.core, editor, draft({ title: `并发发布测试第${i + 1}条` }));
      ok(c);
      ok(await submitRecord(t.core, editor, c.record.code));
      ok(await approveRecord(t.core, reviewer, c.record.code));
      codes.push(c.record.code);
    }
    const before = await count(t.core, 'SELECT coalesce(max(index_seq), 0) AS n FROM pub_records WHERE unit_id = $1 AND index_year = 2026', [editor.unitId]);
    const results = await Promise.all(codes.map((code) => publishRecord(t.core, editor, code)));
    for (const r of results) ok(r);
    const seqs = (await t.core.pool.query('SELECT index_seq FROM pub_records WHERE code = ANY($1) ORDER BY index_seq', [codes])).rows.map((r) => r.index_seq);
    assert.deepEqual(seqs, Array.from({ length: 12 }, (_, i) => before + i + 1));
    const last = await count(t.core, 'SELECT last_seq AS n FROM pub_index_sequences WHERE unit_id = $1 AND year = 2026', [editor.unitId]);
    assert.equal(last, before + 12);
  });

  it('force-publishes for a unit admin, logged and owed review until a reviewer reviews it', async () => {
    const c = await createDraft(t.core, editor, draft({ generalColumn: 'notice', title: '关于暂停办理财政票据业务的紧急通知', genre: '通知' }));
    ok(c);
    assert.deepEqual(await forcePublish(t.core, editor, c.record.code, '系统故障'), { ok: false, kind: 'refused', reasons: ['只有本单位的单位管理员可以紧急发布'] });
    assert.deepEqual(await forcePublish(t.core, admin, c.record.code, ' '), { ok: false, kind: 'invalid', errors: { urgentReason: '请说明紧急发布的理由' } });
    const f = await forcePublish(t.core, admin, c.record.code, '票据系统故障，须立即告知办事群众');
    ok(f);
    assert.equal(f.record.state, 'published');
    assert.equal(f.record.reviewOwed, true);
    assert.ok((await listReviewOwed(t.core.db, admin.rootUnitId)).some((r) => r.code === c.record.code));
    const r = await reviewForced(t.core, reviewer, c.record.code, '已补充保密审查，无问题');
    ok(r);
    assert.equal(r.record.reviewOwed, false);
    assert.equal((await listReviewOwed(t.core.db, admin.rootUnitId)).some((x) => x.code === c.record.code), false);
    const actions = (await t.core.pool.query('SELECT action FROM audit_log WHERE target_id = $1 ORDER BY id', [c.record.code])).rows.map((x) => x.action);
    assert.deepEqual(actions, ['publishing.draft-created', 'publishing.force-published', 'publishing.reviewed']);
  });

  it('revises with a change note, marks validity with its replacement, withdraws with a typed reason', async () => {
    const c = await createDraft(t.core, editor, draft({ generalColumn: 'notice', title: '关于2027年度预算编制工作的通知', genre: '通知' }));
    ok(c);
    ok(await submitRecord(t.core, editor, c.record.code));
    ok(await approveRecord(t.core, reviewer, c.record.code));
    const p = await publishRecord(t.core, editor, c.record.code);
    ok(p);
    const noNote = await reviseRecord(t.core, reviewer, c.record.code, p.record.lockVersion, { ...recordInputOf(p.record), title: '关于2027年度部门预算编制工作的通知' }, '');
    assert.equal(noNote.ok, false);
    const rev = await reviseRecord(t.core, reviewer, c.record.code, p.record.lockVersion, { ...recordInputOf(p.record), title: '关于2027年度部门预算编制工作的通知' }, '标题补充“部门”二字');
    ok(rev);
    assert.equal(rev.record.revision, 2);
    assert.equal(rev.record.indexNo, p.record.indexNo);
    const replacement = (await t.core.pool.query("SELECT index_no FROM pub_records WHERE title = '楚雄市2026年市级预算公开'")).rows[0].index_no;
    const bad = await setValidity(t.core, reviewer, c.record.code, { validity: 'repealed', changedOn: '2026-13-01' });
    assert.equal(bad.ok, false);
    const v = await setValidity(t.core, reviewer, c.record.code, { validity: 'repealed', changedOn: '2026-11-26', replacedByIndexNo: replacement });
    ok(v);
    assert.equal(v.record.validity, 'repealed');
    assert.equal(v.record.replacedById, (await findRecordByIndexNo(t.core.db, replacement))!.id);
    assert.deepEqual(await withdrawRecord(t.core, editor, c.record.code, 'error', '数据有误'), {
      ok: false,
      kind: 'refused',
      reasons: ['已发布的信息只能由本单位的审核人、单位管理员或政务公开办修订、撤回或变更有效性'],
    });
    const w = await withdrawRecord(t.core, reviewer, c.record.code, 'replaced', '已由新的通知替代');
    ok(w);
    assert.equal(w.record.state, 'withdrawn');
    assert.equal(w.record.indexNo, p.record.indexNo);
    const history = await listPublicVersions(t.core.db, c.record.id);
    assert.deepEqual(history.map((h) => [h.event, h.changeNote]), [
      ['published', '发布'],
      ['revised', '标题补充“部门”二字'],
      ['validity', `于 2026-11-26 废止，由 ${replacement} 替代`],
      ['withdrawn', '撤回（被替代）：已由新的通知替代'],
    ]);
    assert.equal(await count(t.core, 'SELECT count(*) AS n FROM pub_search_documents WHERE record_id = $1', [c.record.id]), 0, 'a withdrawn record leaves the search index');
  });

  it('exports counts for the annual report, an item list, and drafts from a request reply', async () => {
    const city = (await t.core.pool.query("SELECT id FROM units WHERE slug = 'city-government'")).rows[0].id;
    // 2025: 楚市政规〔2025〕2号 issued; 楚市政规〔2019〕3号 repealed; in force at year end: the 2017 plan and the 2025 rules.
    assert.deepEqual(await countRecordsForAnnualReport(t.core.db, Number(city), 2025), {
      regulation: { issued: 0, repealed: 0, inForce: 0 },
      normative: { issued: 1, repealed: 1, inForce: 2 },
    });
    const item = (await t.core.pool.query("SELECT catalog_item_id AS id FROM pub_records WHERE title = '楚雄市2026年市级预算公开'")).rows[0].id;
    const listed = await listPublishedRecordsForItem(t.core.db, Number(item));
    assert.deepEqual(listed.map((l) => [l.title, l.publishedOn, l.late]), [['楚雄市2026年市级预算公开', '2026-02-05', false]]);
    const r = await createRecordFromRequestReply(t.core, editor, { requestNo: 'YSQ-2026-0042', title: '楚雄市2025年惠民惠农财政补贴资金发放情况', bodyHtml: '<p>2025年全市发放惠民惠农补贴资金共计3.2亿元。</p>', publisherName: '楚雄市财政局' });
    ok(r);
    assert.deepEqual([r.record.state, r.record.disclosure, r.record.sourceRequestNo, r.record.generalColumn], ['draft', 'proactive', 'YSQ-2026-0042', 'notice']);
    assert.deepEqual(await verifyAuditChain(t.core.db), { ok: true, count: await count(t.core, 'SELECT count(*) AS n FROM audit_log') });
  });
});
