import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../../core/testing/index.ts';
import { verifyAuditChain, type Actor } from '../../core/audit/index.ts';
import { addWorkingDays } from '../../core/calendar/working-days.ts';
import type { CurrentUser } from '../../core/ui/context.ts';
import type { Role } from '../../core/db/schema.ts';
import {
  acceptRequest,
  assignHandler,
  decideExtension,
  recordConsultationAnswer,
  recordCorrection,
  recordPayment,
  registerOffline,
  releaseToAll,
  replyToRequest,
  requestExtension,
  revealPersonalData,
  sendClarification,
  sendConsultation,
  sendFeeNotice,
  submitOnline,
  verifyApplicant,
  withdrawRequest,
  type RequestActor,
} from './service.ts';
import { annualReportRequests, dashboard, findSimilarRequests, listRequests, loadRequestForStaff, proactiveCandidates, publicLookup } from './service-read.ts';
import { runLapses, runReminders } from './jobs.ts';
import { seedRequests, demoResidentId } from './seed.ts';
import { annualReportFees } from './service-read.ts';
import type { ApplicationInput } from './domain/applicant.ts';

const ID = demoResidentId('19850312', 201); // a valid 身份证号 (fictional)

function application(over: Partial<ApplicationInput> = {}): ApplicationInput {
  return {
    applicantKind: 'person',
    name: '测试申请人',
    idType: 'resident_id',
    idNumber: ID,
    phone: '13908781234',
    email: 'applicant@example.cn',
    address: '云南省楚雄彝族自治州楚雄市鹿城镇测试路1号',
    infoDescription: '楚雄市财政局2026年部门预算中的“三公”经费明细',
    forms: ['electronic'],
    delivery: 'email',
    ...over,
  };
}

describe('requests service', () => {
  let t: TestApp;
  let root: number;
  let finance: number;
  const users = new Map<string, CurrentUser>();
  const audit = (name: string): Actor => ({ id: users.get(name)?.id ?? null, name, unitId: users.get(name)?.unitId ?? null, ip: '127.0.0.1', requestId: 'test' });
  const staff = (username: string): RequestActor => ({ kind: 'staff', user: users.get(username)!, audit: audit(username) });
  const applicantAudit: Actor = { id: null, name: '申请人（网上）', unitId: null, ip: '127.0.0.1', requestId: 'test' };

  before(async () => {
    t = await createTestApp();
    const q = async (sql: string, p: unknown[] = []) => (await t.core.pool.query(sql, p)).rows;
    root = Number((await q("SELECT id FROM units WHERE slug = 'city-government'"))[0].id);
    finance = Number((await q("SELECT id FROM units WHERE slug = 'finance'"))[0].id);
    const rows = await q('SELECT s.id, s.username, s.display_name, s.unit_id, s.roles, u.name AS unit_name FROM staff_users s JOIN units u ON u.id = s.unit_id');
    for (const r of rows) {
      users.set(r.username, { id: Number(r.id), username: r.username, displayName: r.display_name, unitId: Number(r.unit_id), unitName: r.unit_name, rootUnitId: root, roles: r.roles as Role[], mustChangePassword: false });
    }
  });
  after(async () => t.dispose());

  async function registered(receipt: { channel: string; facts: Record<string, string> }, over: Partial<ApplicationInput> = {}) {
    const r = await registerOffline(t.core, staff('czj_admin'), { unitId: finance, application: application(over), channel: receipt.channel, receiptFacts: receipt.facts });
    assert.ok(r.ok, JSON.stringify(!r.ok && r));
    return r;
  }

  /** Registered, accepted and assigned to czj_editor. */
  async function inProcessing(receivedOn: string, over: Partial<ApplicationInput> = {}) {
    const r = await registered({ channel: 'in_person', facts: { submittedOn: receivedOn } }, over);
    assert.ok((await acceptRequest(t.core, staff('czj_admin'), r.request.id)).ok);
    const a = await assignHandler(t.core, staff('czj_admin'), r.request.id, { handlerId: users.get('czj_editor')!.id });
    assert.ok(a.ok, JSON.stringify(!a.ok && a.reasons));
    return r.request.id;
  }

  it('seeds ~20 demo requests once, in various states across units', async () => {
    const rows = (await t.core.pool.query('SELECT state, count(*)::int AS n, count(DISTINCT unit_id)::int AS units FROM req_requests GROUP BY state ORDER BY state')).rows;
    const total = rows.reduce((s, r) => s + r.n, 0);
    assert.equal(total, 21);
    assert.deepEqual(
      rows.map((r) => r.state),
      ['archived', 'awaiting_correction', 'awaiting_fee', 'consulting', 'processing', 'registered', 'replied', 'reviewing', 'terminated', 'withdrawn'],
    );
    assert.equal(await seedRequests(t.core), 0, 'a second run adds nothing');
    const units = (await t.core.pool.query('SELECT count(DISTINCT unit_id)::int AS n FROM req_requests')).rows[0].n;
    assert.equal(units, 5);
  });

  it('online submission is idempotent, also for concurrent duplicates, and numbers never collide', async () => {
    const key = 'idem-key-0123456789abcdef';
    const results = await Promise.all(
      Array.from({ length: 5 }, () => submitOnline(t.core, { rootUnitId: root, unitId: finance, application: application(), idempotencyKey: key, audit: applicantAudit })),
    );
    for (const r of results) assert.ok(r.ok, JSON.stringify(!r.ok && r.errors));
    const ok = results.filter((r) => r.ok);
    assert.equal(new Set(ok.map((r) => r.requestNo)).size, 1);
    assert.equal(new Set(ok.map((r) => r.lookupCode)).size, 1, 'a retried submit shows the same lookup code');
    assert.equal(ok.filter((r) => !r.duplicate).length, 1);
    assert.equal((await t.core.pool.query('SELECT count(*)::int AS n FROM req_requests WHERE idempotency_key = $1', [key])).rows[0].n, 1);
    assert.match(ok[0]!.requestNo, /^YSQ-2026-\d{6}$/);
    assert.equal(ok[0]!.request.state, 'registered');
    assert.equal(ok[0]!.request.receivedOn, null, 'online: received on the day both sides confirm (第三十一条第（三）项)');
    // Ten different submissions at once: ten different numbers.
    const many = await Promise.all(
      Array.from({ length: 10 }, (_, i) => submitOnline(t.core, { rootUnitId: root, unitId: finance, application: application(), idempotencyKey: `parallel-key-${i}-0123456789`, audit: applicantAudit })),
    );
    const nos = many.map((r) => (r.ok ? r.requestNo : ''));
    assert.equal(new Set(nos).size, 10);
    assert.ok(nos.every((n) => /^YSQ-2026-\d{6}$/.test(n)));
    // The lookup code proves the applicant; a wrong one does not.
    assert.ok(await verifyApplicant(t.core, root, ok[0]!.requestNo, ok[0]!.lookupCode));
    assert.equal(await verifyApplicant(t.core, root, ok[0]!.requestNo, 'WRONGCODE2'), null);
    const pub = await publicLookup(t.core, root, ok[0]!.requestNo.toLowerCase(), ok[0]!.lookupCode.toLowerCase());
    assert.ok(pub);
    assert.equal(pub.stateLabel, '登记');
    assert.doesNotMatch(JSON.stringify(pub), new RegExp(`${ID}|13908781234|测试申请人`), 'no personal data in the public view');
  });

  it('refuses an invalid identity number and an application missing an item of 第二十九条, keeping field messages', async () => {
    const bad = await submitOnline(t.core, { rootUnitId: root, unitId: finance, application: application({ idNumber: ID.slice(0, 17) + (ID.endsWith('1') ? '2' : '1') }), idempotencyKey: 'bad-id-0123456789abcdef', audit: applicantAudit });
    assert.equal(bad.ok, false);
    assert.equal(!bad.ok && bad.errors.idNumber, '居民身份证号校验位错误');
    const missing = await submitOnline(t.core, { rootUnitId: root, unitId: finance, application: application({ infoDescription: '', forms: [] }), idempotencyKey: 'missing-0123456789abcdef', audit: applicantAudit });
    assert.equal(missing.ok, false);
    assert.deepEqual(!missing.ok && missing.errors, { infoDescription: '请填写所需政府信息的名称、文号或者便于查询的其他特征性描述', forms: '请选择所需信息的形式（纸质、电子数据等）' });
    // A letter lacking the description may be registered as incomplete, to be corrected (第三十条) …
    const letter = await registerOffline(t.core, staff('czj_admin'), { unitId: finance, application: application({ infoDescription: '' }), channel: 'registered_mail', receiptFacts: { signedForOn: '2026-11-25' }, incomplete: true });
    assert.ok(letter.ok, JSON.stringify(!letter.ok && letter.errors));
    assert.deepEqual(letter.request.missingItems, [2]);
    // … but it cannot go to a handler before it is complete.
    assert.ok((await acceptRequest(t.core, staff('czj_admin'), letter.request.id)).ok);
    const assign = await assignHandler(t.core, staff('czj_admin'), letter.request.id, { handlerId: users.get('czj_editor')!.id });
    assert.equal(assign.ok, false);
    assert.deepEqual(!assign.ok && assign.reasons, ['申请缺少第二十九条第二款规定的内容（申请人信息、所需信息描述、获取形式），请先补全或告知补正']);
    // Nobody's identity may be missing, even for an incomplete letter.
    const noName = await registerOffline(t.core, staff('czj_admin'), { unitId: finance, application: application({ name: '', infoDescription: '' }), channel: 'registered_mail', receiptFacts: { signedForOn: '2026-11-25' }, incomplete: true });
    assert.equal(noName.ok, false);
  });

  it('offline registration: receipt date per channel (第三十一条); a future receipt date is refused', async () => {
    const future = await registerOffline(t.core, staff('czj_admin'), { unitId: finance, application: application(), channel: 'in_person', receiptFacts: { submittedOn: '2026-11-27' } });
    assert.equal(future.ok, false);
    assert.equal(!future.ok && future.errors.submittedOn, '提交日期 2026-11-27 晚于今天（2026-11-26），不能登记将来的日期');
    const mail = await registered({ channel: 'registered_mail', facts: { signedForOn: '2026-11-02' } });
    assert.equal(mail.request.receivedOn, '2026-11-02');
    assert.equal(mail.request.dueOn, '2026-11-30');
    assert.match(mail.request.receiptBasis, /以行政机关签收之日为收到申请之日/);
    const letter = await registered({ channel: 'ordinary_mail', facts: { arrivedOn: '2026-11-19', confirmedOn: '2026-11-20' } });
    assert.equal(letter.request.receivedOn, '2026-11-20');
    assert.deepEqual(letter.warnings, ['信函于 2026-11-19 到达，2026-11-20 才与申请人确认：条例要求在收到申请的当日确认']);
    // An online request: accepting it confirms receipt; a future confirmation date is refused.
    const online = await submitOnline(t.core, { rootUnitId: root, unitId: finance, application: application(), idempotencyKey: 'confirm-0123456789abcdef', audit: applicantAudit });
    assert.ok(online.ok);
    const early = await acceptRequest(t.core, staff('czj_editor'), online.request.id, { confirmedOn: '2026-11-30' });
    assert.equal(early.ok, false);
    assert.deepEqual(!early.ok && early.reasons, ['收到申请之日 2026-11-30 晚于今天，不能受理']);
    const acc = await acceptRequest(t.core, staff('czj_editor'), online.request.id, {});
    assert.ok(acc.ok);
    assert.equal(acc.request.receivedOn, '2026-11-26');
    assert.equal(acc.request.dueOn, '2026-12-24');
    assert.equal(acc.request.state, 'reviewing');
  });

  it('refuses transitions with readable reasons and audits every accepted one', async () => {
    const r = await registered({ channel: 'in_person', facts: { submittedOn: '2026-11-20' } });
    const early = await replyToRequest(t.core, staff('czj_admin'), r.request.id, { outcome: 'disclose', legalBasis: '条例第三十六条第（二）项' });
    assert.equal(early.ok, false);
    assert.deepEqual(!early.ok && early.reasons, ['申请当前处于“登记”状态，不能答复（仅限：审核、办理）']);
    assert.ok((await acceptRequest(t.core, staff('czj_editor'), r.request.id)).ok);
    const byEditor = await assignHandler(t.core, staff('czj_editor'), r.request.id, { handlerId: users.get('czj_editor')!.id });
    assert.equal(byEditor.ok, false);
    assert.deepEqual(!byEditor.ok && byEditor.reasons, ['只有本单位管理员、政务公开办可以指定承办人（进入办理）']);
    const outsider = await assignHandler(t.core, staff('czj_admin'), r.request.id, { handlerId: users.get('dgz_editor')!.id });
    assert.deepEqual(!outsider.ok && outsider.reasons, ['承办人须为本单位工作人员']);
    const otherUnit = await acceptRequest(t.core, staff('dgz_editor'), r.request.id);
    assert.deepEqual(!otherUnit.ok && otherUnit.reasons, ['申请不存在'], 'another unit does not even see it');
    assert.ok((await assignHandler(t.core, staff('czj_admin'), r.request.id, { handlerId: users.get('czj_editor')!.id })).ok);
    const actions = (await t.core.pool.query("SELECT action, summary FROM audit_log WHERE target_type = 'info_request' AND target_id = $1 ORDER BY id", [r.requestNo])).rows;
    assert.deepEqual(
      actions.map((a) => a.action),
      ['requests.registered', 'requests.accept', 'requests.assign'],
    );
    assert.deepEqual(actions[2].summary.after.state, 'processing');
    const transitions = (await t.core.pool.query('SELECT action, from_state, to_state FROM req_transitions WHERE request_id = $1 ORDER BY id', [r.request.id])).rows;
    assert.deepEqual(transitions.map((x) => [x.action, x.from_state, x.to_state]), [
      ['register', null, 'registered'],
      ['accept', 'registered', 'reviewing'],
      ['assign', 'reviewing', 'processing'],
    ]);
  });

  it('extension: at most 20 working days, once, approved by the head of the openness office but never one’s own', async () => {
    const id = await inProcessing('2026-11-02');
    const tooLong = await requestExtension(t.core, staff('czj_editor'), id, { days: 21, reason: '材料较多' });
    assert.equal(tooLong.ok, false);
    assert.equal(!tooLong.ok && tooLong.errors.days, '延期最长不得超过20个工作日（第三十三条），申请的是 21 个工作日');
    const req = await requestExtension(t.core, staff('czj_editor'), id, { days: 10, reason: '需调取三个年度的档案' });
    assert.ok(req.ok, JSON.stringify(!req.ok && req.reasons));
    assert.equal(req.request.dueOn, '2026-11-30', 'a request alone does not move the due date');
    const byEditor = await decideExtension(t.core, staff('czj_editor'), id, { approve: true });
    assert.deepEqual(!byEditor.ok && byEditor.reasons, ['只有政务公开办负责人可以批准延期答复', '不能批准自己提出的延期申请']);
    const approved = await decideExtension(t.core, staff('gkb_head'), id, { approve: true, note: '同意' });
    assert.ok(approved.ok, JSON.stringify(!approved.ok && approved.reasons));
    assert.equal(approved.request.dueOn, '2026-12-14');
    assert.equal(approved.clock.extensionDays, 10);
    const second = await requestExtension(t.core, staff('czj_editor'), id, { days: 5, reason: '再次延期' });
    assert.equal(second.ok, false);
    assert.deepEqual(!second.ok && second.reasons, ['已经延期一次；依照第三十三条，延期只能一次']);
    // The head (also in the openness office) asks for an extension on another request: someone else must approve.
    const other = await inProcessing('2026-11-10');
    assert.ok((await requestExtension(t.core, staff('gkb_head'), other, { days: 5, reason: '涉及多个科室' })).ok);
    const own = await decideExtension(t.core, staff('gkb_head'), other, { approve: true });
    assert.equal(own.ok, false);
    assert.deepEqual(!own.ok && own.reasons, ['不能批准自己提出的延期申请']);
    const rows = (await t.core.pool.query('SELECT status, days FROM req_extensions WHERE request_id = $1', [other])).rows;
    assert.deepEqual(rows, [{ status: 'pending', days: 5 }]);
  });

  it('补正 after 7 working days is refused without a reason, flagged late with one; the correction restarts the clock', async () => {
    // Received 2026-11-12: the notice was due by 2026-11-23 (7 working days); today is 2026-11-26.
    const id = await inProcessing('2026-11-12', { infoDescription: '关于补贴的文件' });
    const late = await sendClarification(t.core, staff('czj_editor'), id, { items: '请写明补贴的名称和年度', correctBy: '2026-12-10' });
    assert.equal(late.ok, false);
    assert.deepEqual(!late.ok && late.reasons, ['补正告知应当在收到申请之日起7个工作日内（即 2026-11-23 前）发出；逾期发出须记录理由']);
    const withReason = await sendClarification(t.core, staff('czj_editor'), id, { items: '请写明补贴的名称和年度', correctBy: '2026-12-10', lateReason: '申请由其他单位转来，2026-11-25 才到达本单位' });
    assert.ok(withReason.ok, JSON.stringify(!withReason.ok && withReason.reasons));
    assert.equal(withReason.request.state, 'awaiting_correction');
    assert.equal(withReason.request.clarificationLate, true);
    assert.equal(withReason.request.dueOn, null);
    assert.equal(withReason.request.clockStatus, 'awaiting_correction');
    const again = await sendClarification(t.core, staff('czj_editor'), id, { items: '再补正', correctBy: '2026-12-11', lateReason: 'x' });
    assert.equal(again.ok, false);
    const corrected = await recordCorrection(t.core, staff('czj_editor'), id, { text: '申请人补正：2026年耕地地力保护补贴发放名单', application: { infoDescription: '2026年耕地地力保护补贴发放名单' } });
    assert.ok(corrected.ok, JSON.stringify(!corrected.ok && corrected));
    assert.equal(corrected.request.state, 'reviewing');
    assert.equal(corrected.request.dueOn, '2026-12-24', '20 working days from 2026-11-26, the day the correction arrived');
    assert.equal(corrected.request.infoDescription, '2026年耕地地力保护补贴发放名单');
  });

  it('consultation pauses the clock by exactly the working days it took', async () => {
    const id = await inProcessing('2026-11-16');
    const sent = await sendConsultation(t.core, staff('czj_editor'), id, { party: 'third_party', partyName: '楚雄某某公司', question: '是否同意公开贵公司的报价', sentOn: '2026-11-18' });
    assert.ok(sent.ok, JSON.stringify(!sent.ok && sent.reasons));
    assert.equal(sent.request.state, 'consulting');
    assert.equal(sent.request.clockStatus, 'paused');
    assert.equal(sent.request.dueOn, null);
    assert.equal(sent.ref, 'C1');
    assert.equal(sent.answerBy, '2026-12-09');
    const replyWhilePaused = await replyToRequest(t.core, staff('czj_editor'), id, { outcome: 'disclose', legalBasis: '第三十六条' });
    assert.equal(replyWhilePaused.ok, false);
    const noAnswerTooEarly = await recordConsultationAnswer(t.core, staff('czj_editor'), id, { ref: 'C1', answer: 'no_answer', note: '' });
    assert.deepEqual(!noAnswerTooEarly.ok && noAnswerTooEarly.reasons, ['第三方提出意见的期限 2026-12-09 尚未届满，不能按逾期未提出意见处理']);
    const answered = await recordConsultationAnswer(t.core, staff('czj_editor'), id, { ref: 'C1', answer: 'agree', note: '同意公开', answeredOn: '2026-11-25' });
    assert.ok(answered.ok, JSON.stringify(!answered.ok && answered.reasons));
    assert.equal(answered.request.state, 'processing');
    assert.equal(answered.clock.pausedDays, 5);
    const cal = await t.core.calendar.calendar();
    assert.equal(answered.request.dueOn, addWorkingDays('2026-11-16', 25, cal));
    assert.equal(answered.request.dueOn, '2026-12-21');
  });

  it('fees: per-page notice, a pause while waiting, payment resumes; nothing to charge is refused', async () => {
    const id = await inProcessing('2026-11-16');
    const free = await sendFeeNotice(t.core, staff('czj_editor'), id, { method: 'per_request' });
    assert.equal(free.ok, false);
    // Earlier tests gave this applicant a few requests this month, all within the free ten.
    assert.match((!free.ok && free.errors.method) || '', /^按件计收：该申请人本月向本机关提出的第 \d 件申请，未超过10件，不收费，无需发出收费通知$/);
    const fee = await sendFeeNotice(t.core, staff('czj_editor'), id, { method: 'per_page', pages: 150, sentOn: '2026-11-18' });
    assert.ok(fee.ok, JSON.stringify(!fee.ok && fee));
    assert.equal(fee.amountYuan, 1700);
    assert.equal(fee.payBy, '2026-12-16');
    assert.deepEqual(fee.lines, ['第31—100页：70页 × 10元 = 700元', '第101—150页：50页 × 20元 = 1000元']);
    assert.equal(fee.request.state, 'awaiting_fee');
    assert.equal(fee.request.clockStatus, 'paused');
    const paid = await recordPayment(t.core, staff('czj_editor'), id, { paidOn: '2026-11-20' });
    assert.ok(paid.ok);
    assert.equal(paid.request.state, 'processing');
    assert.equal(paid.request.dueOn, '2026-12-16', '2026-12-14 + 2 paused working days');
    // The annual report's section 六 reads the fees paid in the year.
    const fees = await annualReportFees(t.core.db, { unitIds: [finance], year: 2026 });
    assert.deepEqual(fees.filter((f) => f.requestNo === paid.request.requestNo), [{ requestNo: paid.request.requestNo, amountYuan: 1700, paidOn: '2026-11-20' }]);
    assert.deepEqual(await annualReportFees(t.core.db, { unitIds: [finance], year: 2025 }), []);
  });

  it('按件计收 counts the applicant’s requests to the agency that charges, not to the whole city', async () => {
    const donggua = Number((await t.core.pool.query("SELECT id FROM units WHERE slug = 'donggua'")).rows[0].id);
    const other = { idNumber: demoResidentId('19900704', 317), name: '按件申请人' };
    const at = async (unitId: number, admin: string, receivedOn: string) => {
      const r = await registerOffline(t.core, staff(admin), { unitId, application: application(other), channel: 'in_person', receiptFacts: { submittedOn: receivedOn } });
      assert.ok(r.ok, JSON.stringify(!r.ok && r));
      assert.ok((await acceptRequest(t.core, staff(admin), r.request.id)).ok);
      const handler = admin === 'czj_admin' ? 'czj_editor' : admin;
      const a = await assignHandler(t.core, staff(admin), r.request.id, { handlerId: users.get(handler)!.id });
      assert.ok(a.ok, JSON.stringify(!a.ok && a.reasons));
      return { id: r.request.id, handler };
    };
    // Ten requests to 东瓜镇 in November 2026, then the first of the month to 财政局.
    const tenth: { id: number; handler: string }[] = [];
    for (let i = 1; i <= 10; i++) tenth.push(await at(donggua, 'dgz_editor', `2026-11-${String(i).padStart(2, '0')}`));
    const firstToFinance = await at(finance, 'czj_admin', '2026-11-12');
    const free = await sendFeeNotice(t.core, staff('czj_editor'), firstToFinance.id, { method: 'per_request', sentOn: '2026-11-13' });
    assert.equal(free.ok, false);
    assert.equal(!free.ok && free.errors.method, '按件计收：该申请人本月向本机关提出的第 1 件申请，未超过10件，不收费，无需发出收费通知');
    const tenthToDonggua = await sendFeeNotice(t.core, staff('dgz_editor'), tenth[9]!.id, { method: 'per_request', sentOn: '2026-11-13' });
    assert.equal(!tenthToDonggua.ok && tenthToDonggua.errors.method, '按件计收：该申请人本月向本机关提出的第 10 件申请，未超过10件，不收费，无需发出收费通知');
    // The eleventh to 东瓜镇 is charged 100元 (11—30件: 100元/件).
    const eleventh = await at(donggua, 'dgz_editor', '2026-11-12');
    const charged = await sendFeeNotice(t.core, staff('dgz_editor'), eleventh.id, { method: 'per_request', sentOn: '2026-11-13' });
    assert.ok(charged.ok, JSON.stringify(!charged.ok && charged));
    assert.equal(charged.amountYuan, 100);
    assert.deepEqual(charged.lines, ['第11件：1件 × 100元 = 100元']);
  });

  it('a reply needs its outcome and legal basis; 部分公开 needs what was withheld and why; a complaint needs its channel', async () => {
    const id = await inProcessing('2026-11-02');
    const noBasis = await replyToRequest(t.core, staff('czj_editor'), id, { outcome: 'disclose', legalBasis: ' ' });
    assert.equal(noBasis.ok, false);
    assert.deepEqual(!noBasis.ok && noBasis.errors, { legalBasis: '请填写答复的法律依据（如条例第几条第几项）' });
    const noOutcome = await replyToRequest(t.core, staff('czj_editor'), id, { outcome: 'approved', legalBasis: '第三十六条' });
    assert.deepEqual(!noOutcome.ok && noOutcome.errors, { outcome: '请选择办理结果（年度报告分类）' });
    const partial = await replyToRequest(t.core, staff('czj_editor'), id, { outcome: 'partial', legalBasis: '条例第三十七条' });
    assert.deepEqual(!partial.ok && Object.keys(partial.errors).sort(), ['withheldParts', 'withheldReason']);
    const complaint = await replyToRequest(t.core, staff('czj_editor'), id, { outcome: 'not_processed_1', legalBasis: '条例第三十九条第一款' });
    assert.deepEqual(!complaint.ok && complaint.errors, { redirectChannel: '请写明申请人应当通过的渠道（如信访、12345热线、举报渠道）' });
    const unclear = await replyToRequest(t.core, staff('czj_editor'), id, { outcome: 'unable_3', legalBasis: '条例第三十条' });
    assert.deepEqual(!unclear.ok && unclear.errors, { outcome: '“补正后申请内容仍不明确”只适用于已告知补正并收到补正的申请' });
    const ok = await replyToRequest(t.core, staff('czj_editor'), id, {
      outcome: 'partial',
      legalBasis: '《中华人民共和国政府信息公开条例》第三十七条',
      withheldParts: '供应商的银行账户',
      withheldReason: '涉及商业秘密（第十五条）',
    });
    assert.ok(ok.ok, JSON.stringify(!ok.ok && ok));
    assert.equal(ok.request.state, 'replied');
    assert.equal(ok.request.outcome, 'partial');
    assert.equal(ok.request.repliedOnTime, true);
    assert.equal(ok.request.workingDaysTaken, 18);
    assert.equal(ok.remedyText, '如对本答复不服，可以自收到本告知书之日起60日内向楚雄市人民政府申请行政复议，或者自收到本告知书之日起6个月内向楚雄市人民法院提起行政诉讼。');
    const again = await withdrawRequest(t.core, staff('czj_editor'), id, { note: '电话撤回' });
    assert.deepEqual(!again.ok && again.reasons, ['申请当前处于“答复”状态，不能撤回申请（仅限：登记、审核、办理、补正中、征求意见中、待缴费）']);
  });

  it('release to all: a 予以公开 reply becomes one draft 主动公开 record (第四十四条), once', async () => {
    const id = await inProcessing('2026-11-18', { infoDescription: '楚雄市2026年惠民惠农补贴资金发放汇总表' });
    const notYet = await releaseToAll(t.core, staff('czj_editor'), id);
    assert.deepEqual(!notYet.ok && notYet.reasons, ['只有已答复的申请可以转为主动公开']);
    assert.ok((await replyToRequest(t.core, staff('czj_editor'), id, { outcome: 'disclose', legalBasis: '条例第三十六条第（二）项', replyText: '现提供发放汇总表。' })).ok);
    const [a, b] = await Promise.all([releaseToAll(t.core, staff('czj_editor'), id), releaseToAll(t.core, staff('czj_editor'), id)]);
    assert.equal([a, b].filter((r) => r.ok).length, 1, JSON.stringify([a, b]));
    const made = (a.ok ? a : b) as { ok: true; recordCode: string };
    const rec = (await t.core.pool.query('SELECT title, state, unit_id FROM pub_records WHERE code = $1', [made.recordCode])).rows;
    assert.deepEqual(rec, [{ title: '楚雄市2026年惠民惠农补贴资金发放汇总表', state: 'draft', unit_id: String(finance) }]);
    const again = await releaseToAll(t.core, staff('czj_editor'), id);
    assert.deepEqual(!again.ok && again.reasons, [`该答复已转为主动公开信息（${made.recordCode}）`]);
  });

  it('personal data: masked in views, revealed only to the handler and unit admin, each reveal audited', async () => {
    const id = await inProcessing('2026-11-20');
    const view = await loadRequestForStaff(t.core, users.get('czj_reviewer')!, id);
    assert.ok(view);
    assert.equal(view.request.idNumber, `${ID.slice(0, 3)}***********${ID.slice(-4)}`);
    assert.equal(view.request.phone, '139****1234');
    assert.equal(view.canReveal, false);
    const refused = await revealPersonalData(t.core, staff('czj_reviewer'), id);
    assert.deepEqual(!refused.ok && refused.reasons, ['只有承办人和本单位管理员可以查看完整的个人信息']);
    const before = Number((await t.core.pool.query("SELECT count(*) FROM audit_log WHERE action = 'requests.personal-data-viewed'")).rows[0].count);
    const shown = await revealPersonalData(t.core, staff('czj_editor'), id);
    assert.ok(shown.ok);
    assert.equal(shown.data.idNumber, ID);
    assert.equal(shown.data.phone, '13908781234');
    assert.ok((await revealPersonalData(t.core, staff('czj_admin'), id)).ok);
    const after = (await t.core.pool.query("SELECT actor_name FROM audit_log WHERE action = 'requests.personal-data-viewed' ORDER BY id")).rows;
    assert.equal(after.length, before + 2);
    assert.deepEqual(after.slice(-2).map((r) => r.actor_name), ['czj_editor', 'czj_admin']);
    const list = await listRequests(t.core, users.get('czj_admin')!, { q: '三公' });
    assert.ok(list.rows.length > 0);
    assert.ok(list.rows.every((r) => !r.idNumber.includes(ID.slice(3, 14))), 'lists are masked');
  });

  it('lists come in pages with the total of all matching rows, also past the last page', async () => {
    const admin = users.get('czj_admin')!;
    const all = await listRequests(t.core, admin, { pageSize: 100 });
    assert.ok(all.total >= 3 && all.total <= 100, String(all.total));
    const first = await listRequests(t.core, admin, { page: 1, pageSize: 2 });
    const second = await listRequests(t.core, admin, { page: 2, pageSize: 2 });
    assert.equal(first.total, all.total);
    assert.equal(second.total, all.total);
    assert.deepEqual([...first.rows, ...second.rows].map((r) => r.id), all.rows.slice(0, 4).map((r) => r.id), 'pages follow the same order');
    const beyond = await listRequests(t.core, admin, { page: 1000, pageSize: 2 });
    assert.deepEqual(beyond.rows, []);
    assert.equal(beyond.total, all.total);
    const none = await listRequests(t.core, admin, { q: '没有这样的申请内容' });
    assert.deepEqual([none.rows.length, none.total], [0, 0]);
  });

  it('the applicant withdraws with 受理编号 + lookup code', async () => {
    const s = await submitOnline(t.core, { rootUnitId: root, unitId: finance, application: application(), idempotencyKey: 'withdraw-0123456789abcdef', audit: applicantAudit });
    assert.ok(s.ok);
    const row = await verifyApplicant(t.core, root, s.requestNo, s.lookupCode);
    assert.ok(row);
    const w = await withdrawRequest(t.core, { kind: 'applicant', audit: applicantAudit }, row.id, { note: '' });
    assert.ok(w.ok, JSON.stringify(!w.ok && w.reasons));
    assert.equal(w.request.state, 'withdrawn');
    assert.equal(w.request.outcome, 'other_3');
  });

  it('dashboards and reminders: due soon and overdue, one reminder per request per day even when run twice at once', async () => {
    // Received 2026-10-28: due 2026-11-25, overdue today.
    const overdue = await inProcessing('2026-10-28');
    // Received 2026-11-03: due 2026-12-01, within 3 working days.
    const soon = await inProcessing('2026-11-03', { infoDescription: '2026年楚雄市本级预算调整方案' });
    await t.core.pool.query("UPDATE staff_users SET email = 'czj_editor@example.cn' WHERE username = 'czj_editor'");
    await t.core.pool.query("UPDATE staff_users SET email = 'czj_admin@example.cn' WHERE username = 'czj_admin'");
    const d = await dashboard(t.core, users.get('czj_admin')!);
    assert.equal(d.today, '2026-11-26');
    assert.equal(d.dueSoonTo, '2026-12-01');
    const f = d.byUnit.find((u) => u.unitId === finance)!;
    assert.ok(f.overdue >= 1 && f.dueSoon >= 1);
    const overdueList = await listRequests(t.core, users.get('czj_admin')!, { due: 'overdue', pageSize: 100 });
    assert.ok(overdueList.rows.some((r) => r.id === overdue));
    assert.ok(overdueList.rows.every((r) => r.dueOn! < '2026-11-26'));
    const soonList = await listRequests(t.core, users.get('czj_admin')!, { due: 'due_soon', pageSize: 100 });
    assert.ok(soonList.rows.some((r) => r.id === soon));
    assert.ok(soonList.rows.every((r) => r.dueOn! >= '2026-11-26' && r.dueOn! <= '2026-12-01'));
    const [a, b] = await Promise.all([runReminders(t.core), runReminders(t.core)]);
    const third = await runReminders(t.core);
    assert.equal(third.sent, 0);
    const rows = (await t.core.pool.query('SELECT request_id, kind FROM req_reminders WHERE request_id = ANY($1) ORDER BY request_id', [[overdue, soon]])).rows;
    assert.deepEqual(rows.map((r) => [Number(r.request_id), r.kind]), [
      [overdue, 'overdue'],
      [soon, 'due_soon'],
    ]);
    const nos = (await t.core.pool.query('SELECT request_no FROM req_requests WHERE id = ANY($1) ORDER BY id', [[overdue, soon]])).rows.map((r) => r.request_no);
    const mails = (await t.core.pool.query('SELECT to_address, subject FROM mail_outbox WHERE subject LIKE ANY($1) ORDER BY id', [nos.map((n: string) => `%${n}%`)])).rows;
    assert.deepEqual(mails.map((m) => m.to_address).sort(), ['czj_admin@example.cn', 'czj_admin@example.cn', 'czj_editor@example.cn', 'czj_editor@example.cn']);
    assert.ok(mails.some((m) => m.subject === `【依申请公开】${nos[0]} 已逾期`));
    assert.equal(a.sent + b.sent >= 2, true);
  });

  it('the daily job ends lapsed 补正 and unpaid fee requests as the system, exactly once with two runs at once (第三十条; 国办函〔2020〕109号)', async () => {
    // Today is 2026-11-26 (Asia/Shanghai). 补正 deadline 2026-11-25: lapsed; 2026-11-26: still the applicant's day.
    const lapsedCorrection = await inProcessing('2026-11-16', { infoDescription: '逾期未补正的申请' });
    const c1 = await sendClarification(t.core, staff('czj_editor'), lapsedCorrection, { items: '请写明年度', correctBy: '2026-11-25', sentOn: '2026-11-17' });
    assert.ok(c1.ok, JSON.stringify(!c1.ok && c1));
    const dueToday = await inProcessing('2026-11-16', { infoDescription: '今天补正期限届满的申请' });
    const c2 = await sendClarification(t.core, staff('czj_editor'), dueToday, { items: '请写明年度', correctBy: '2026-11-26', sentOn: '2026-11-17' });
    assert.ok(c2.ok, JSON.stringify(!c2.ok && c2));
    // Fee notices of 2026-10-22: payment due by 2026-11-19 (20 working days). One unpaid, one paid in time.
    const unpaid = await inProcessing('2026-10-20', { infoDescription: '逾期未缴费的申请' });
    const f1 = await sendFeeNotice(t.core, staff('czj_editor'), unpaid, { method: 'per_page', pages: 150, sentOn: '2026-10-22' });
    assert.ok(f1.ok, JSON.stringify(!f1.ok && f1));
    assert.equal(f1.payBy, '2026-11-19');
    const paid = await inProcessing('2026-10-20', { infoDescription: '按期缴费的申请' });
    const f2 = await sendFeeNotice(t.core, staff('czj_editor'), paid, { method: 'per_page', pages: 150, sentOn: '2026-10-22' });
    assert.ok(f2.ok, JSON.stringify(!f2.ok && f2));
    assert.ok((await recordPayment(t.core, staff('czj_editor'), paid, { paidOn: '2026-11-10' })).ok);

    const [a, b] = await Promise.all([runLapses(t.core), runLapses(t.core)]);
    assert.equal(a.today, '2026-11-26');
    assert.equal(a.endedNoCorrection + b.endedNoCorrection >= 1 && a.endedNoPayment + b.endedNoPayment >= 1, true);
    const q = async (sql: string, p: unknown[]) => (await t.core.pool.query(sql, p)).rows;
    const state = async (id: number) => (await q('SELECT state, outcome, closed_on FROM req_requests WHERE id = $1', [id]))[0];
    assert.deepEqual(await state(lapsedCorrection), { state: 'terminated', outcome: 'other_1', closed_on: '2026-11-26' });
    assert.deepEqual(await state(unpaid), { state: 'terminated', outcome: 'other_2', closed_on: '2026-11-26' });
    assert.equal((await state(dueToday)).state, 'awaiting_correction', 'the deadline day itself has not lapsed');
    assert.equal((await state(paid)).state, 'processing', 'a paid fee is not ended');
    assert.deepEqual(await q("SELECT status FROM req_fee_notices WHERE request_id = $1", [unpaid]), [{ status: 'lapsed' }]);
    // Exactly once: one transition (by the system) and one audit row per ended request.
    const transitions = await q("SELECT request_id, action, actor_id, actor_name FROM req_transitions WHERE request_id = ANY($1) AND action LIKE 'end_%' ORDER BY request_id", [[lapsedCorrection, unpaid]]);
    assert.deepEqual(
      transitions.map((r) => [Number(r.request_id), r.action, r.actor_id, r.actor_name]),
      [
        [lapsedCorrection, 'end_no_correction', null, '系统'],
        [unpaid, 'end_no_payment', null, '系统'],
      ].sort((x, y) => (x[0] as number) - (y[0] as number)),
    );
    const nos = (await q('SELECT request_no FROM req_requests WHERE id = ANY($1)', [[lapsedCorrection, unpaid]])).map((r) => r.request_no);
    const audits = await q("SELECT action, actor_id, actor_name FROM audit_log WHERE target_type = 'info_request' AND target_id = ANY($1) AND action LIKE 'requests.end-%' ORDER BY action", [nos]);
    assert.deepEqual(audits, [
      { action: 'requests.end-no-correction', actor_id: null, actor_name: '系统' },
      { action: 'requests.end-no-payment', actor_id: null, actor_name: '系统' },
    ]);
    const ledger = await q("SELECT kind, \"on\" FROM req_events WHERE request_id = $1 ORDER BY seq DESC LIMIT 1", [lapsedCorrection]);
    assert.deepEqual(ledger, [{ kind: 'correction_lapsed', on: '2026-11-26' }]);

    // A third run the same day finds nothing left to end among these; the next day the 2026-11-26 deadline has lapsed.
    const third = await runLapses(t.core);
    assert.equal(third.endedNoCorrection + third.endedNoPayment, 0);
    t.clock.set('2026-11-27T02:00:00Z');
    try {
      const nextDay = await runLapses(t.core);
      assert.ok(nextDay.endedNoCorrection >= 1);
      assert.equal((await state(dueToday)).state, 'terminated');
    } finally {
      t.clock.set('2026-11-26T02:00:00Z');
    }
  });

  it('finds the same information asked by several applicants (主动公开 candidates, 第四十四条)', async () => {
    // The demo data holds two requests for 楚市政通〔2017〕47号 written differently.
    const groups = await proactiveCandidates(t.core, root);
    const g = groups.find((x) => x.key === '楚市政通〔2017〕47号');
    assert.ok(g, JSON.stringify(groups));
    assert.equal(g.by, 'doc_no');
    assert.equal(g.applicants, 2);
    const id = await inProcessing('2026-11-20', { infoDescription: '楚雄市人民政府关于全面推进政务公开工作的实施方案', infoDocNo: '楚市政通（2017）47号' });
    const sim = await findSimilarRequests(t.core, users.get('czj_admin')!, id);
    assert.ok(sim);
    assert.equal(sim.proactiveCandidate, true);
    assert.equal(sim.applicants, 3);
    assert.deepEqual(sim.similar.filter((s) => s.match === 'doc_no').length, 2);
  });

  it('exports per request for the annual report: applicant column, dates, outcome, carried over', async () => {
    const rows = await annualReportRequests(t.core.db, { unitId: finance, year: 2026 });
    assert.ok(rows.length >= 15);
    const partial = rows.find((r) => r.outcome === 'partial' && r.applicantColumn === 'person');
    assert.ok(partial);
    assert.equal(partial.applicantColumnLabel, '自然人');
    const firm = rows.filter((r) => r.applicantColumn === 'business');
    assert.ok(firm.length >= 2);
    assert.ok(rows.every((r) => r.carriedForward === (r.closedOn === null)));
    assert.ok(rows.every((r) => !r.carriedOver), 'all received in 2026');
    const withSubUnits = await annualReportRequests(t.core.db, { unitId: root, includeSubUnits: true, year: 2026 });
    assert.ok(withSubUnits.length > rows.length);
    assert.deepEqual(await annualReportRequests(t.core.db, { unitId: finance, year: 2025 }), []);
  });

  it('keeps the audit chain intact', async () => {
    const r = await verifyAuditChain(t.core.db);
    assert.equal(r.ok, true);
  });
});
