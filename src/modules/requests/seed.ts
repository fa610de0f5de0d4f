// Demo requests (依申请公开) in various states across units, placed relative to today so that the
// dashboards show something due soon, overdue, paused and answered. Idempotent: nothing is added
// when the site already has requests. Every ledger is checked by the domain before it is stored.
//
// FICTIONAL DEMO VALUES: every applicant, identity number (well-formed, with valid check digits),
// phone number, address and company below is invented.
import { requestCalendar } from './calendar.ts';
import crypto from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Core, SeedOptions } from '../../core/services.ts';
import { staffUsers, units } from '../../core/db/schema.ts';
import { writeAudit, systemActor } from '../../core/audit/index.ts';
import { shanghaiToday } from '../../core/clock.ts';
import { demoResidentId, demoUscc } from './domain/demo-identities.ts';
import { appendClockEvent, computeClock, DEFAULT_CLOCK_OPTIONS, type ClockEvent, type ClockResult } from './domain/clock.ts';
import { validateApplication, type ApplicationInput } from './domain/applicant.ts';
import { suggestedBasis, WITHDRAWN_BASIS, type OutcomeCode } from './domain/outcomes.ts';
import { computeFee, describeFee } from './domain/fees.ts';
import { formatRequestNo, lookupCodeFromBytes } from './domain/numbering.ts';
import { extractDocNo, normaliseDescription } from './domain/similarity.ts';
import { RECEIPT_BASIS, type Channel } from './domain/receipt.ts';
import type { RequestState } from './domain/states.ts';
import { workdayIndex, dayNumber, fromDayNumber } from './domain/workdays.ts';
import { lookupHash, remedyFor } from './service.ts';
import { appendEvent, insertClarification, insertConsultation, insertExtension, insertFeeNotice, insertRequest, insertTransition, nextRequestSeq } from './data/repository.ts';
import { reqRequests } from './data/schema.ts';

export { demoResidentId, demoUscc };

interface Scenario {
  unit: string;
  channel: Channel;
  /** Working days before today the application was received (online: submitted). */
  receivedAgo: number;
  app: ApplicationInput;
  handler?: string;
  /** Steps after receipt, each at a number of working days before today. */
  steps?: Step[];
  state: RequestState;
}

type Step =
  | { ago: number; kind: 'clarification'; items: string; correctByAgo: number }
  | { ago: number; kind: 'correction' }
  | { ago: number; kind: 'lapse_correction' }
  | { ago: number; kind: 'consult'; party: 'third_party' | 'agency'; partyName: string; question: string }
  | { ago: number; kind: 'answer'; answer: 'agree' | 'disagree' | 'no_answer'; note: string }
  | { ago: number; kind: 'extension'; days: number; reason: string }
  | { ago: number; kind: 'fee'; pages: number }
  | { ago: number; kind: 'paid' }
  | { ago: number; kind: 'withdraw' }
  | { ago: number; kind: 'reply'; outcome: OutcomeCode; extra?: { withheldParts?: string; withheldReason?: string; redirectChannel?: string; responsibleAgency?: string }; text: string };

const person = (name: string, birth: string, seq: number, phone: string, description: string, docNo = '', extra: Partial<ApplicationInput> = {}): ApplicationInput => ({
  applicantKind: 'person',
  name,
  idType: 'resident_id',
  idNumber: demoResidentId(birth, seq),
  phone,
  email: '',
  address: `云南省楚雄彝族自治州楚雄市鹿城镇示例路${seq}号`,
  infoDescription: description,
  infoDocNo: docNo,
  forms: ['electronic'],
  delivery: 'download',
  ...extra,
});

const company = (name: string, subtype: string, body8: string, contact: string, phone: string, email: string, description: string, docNo = ''): ApplicationInput => ({
  applicantKind: 'organisation',
  orgSubtype: subtype,
  name,
  contactPerson: contact,
  idType: 'uscc',
  idNumber: demoUscc(body8),
  phone,
  email,
  address: '云南省楚雄彝族自治州楚雄市永安路示例大厦',
  infoDescription: description,
  infoDocNo: docNo,
  forms: ['paper', 'electronic'],
  delivery: 'email',
});

const SCENARIOS: Scenario[] = [
  { unit: 'finance', channel: 'online', receivedAgo: 0, state: 'registered', app: person('李明华', '19850312', 101, '13908781234', '楚雄市2026年部门预算中“三公”经费的明细') },
  { unit: 'finance', channel: 'in_person', receivedAgo: 2, state: 'reviewing', app: person('王秀英', '19620808', 102, '0878-3125566', '东瓜镇2025年农村低保资金发放情况', '', { forms: ['paper'], delivery: 'pickup' }) },
  { unit: 'finance', channel: 'registered_mail', receivedAgo: 12, state: 'processing', handler: 'czj_editor', app: person('张建国', '19700115', 103, '13887812345', '楚雄市2025年政府采购项目目录及执行情况') },
  { unit: 'finance', channel: 'in_person', receivedAgo: 18, state: 'processing', handler: 'czj_editor', app: person('赵丽', '19920420', 104, '15087801234', '2025年度楚雄市本级财政专项资金分配结果') },
  { unit: 'finance', channel: 'ordinary_mail', receivedAgo: 23, state: 'processing', handler: 'czj_editor', app: person('孙志强', '19780930', 105, '13759891234', '楚雄市2024年地方政府债券资金使用情况') },
  {
    unit: 'finance',
    channel: 'online',
    receivedAgo: 5,
    state: 'awaiting_correction',
    handler: 'czj_editor',
    app: person('周敏', '19880707', 106, '18987801234', '关于补贴的文件'),
    steps: [{ ago: 3, kind: 'clarification', items: '请写明所需补贴的名称（如耕地地力保护补贴）、年度及发放范围', correctByAgo: -8 }],
  },
  {
    unit: 'finance',
    channel: 'online',
    receivedAgo: 10,
    state: 'consulting',
    handler: 'czj_editor',
    app: company('楚雄示例建设工程有限公司', 'business', '3T8QMA6K', '陈工', '0878-3139988', 'bid@example.cn', '楚雄市2025年市政道路维修工程项目的财政评审报告'),
    steps: [{ ago: 4, kind: 'consult', party: 'third_party', partyName: '楚雄某某工程造价咨询有限公司', question: '评审报告含有贵公司的报价明细，是否同意公开' }],
  },
  {
    unit: 'finance',
    channel: 'in_person',
    receivedAgo: 22,
    state: 'processing',
    handler: 'czj_editor',
    app: person('吴晓燕', '19900202', 107, '13577801234', '2021—2025年楚雄市财政局历年部门决算报表'),
    steps: [{ ago: 2, kind: 'extension', days: 10, reason: '申请公开的决算报表跨越五个年度，需从档案室调取并逐页审查' }],
  },
  {
    unit: 'finance',
    channel: 'online',
    receivedAgo: 8,
    state: 'awaiting_fee',
    handler: 'czj_editor',
    app: company('云南示例律师事务所', 'legal_service', '8K2QWMA3', '郑律师', '0871-65551234', 'office@example-law.cn', '楚雄市2023年至2025年全部政府采购合同文本（纸质复印件）'),
    steps: [{ ago: 3, kind: 'fee', pages: 150 }],
  },
  {
    unit: 'finance',
    channel: 'online',
    receivedAgo: 30,
    state: 'replied',
    handler: 'czj_editor',
    app: person('钱伟', '19830505', 108, '13308781234', '楚雄市人民政府关于全面推进政务公开工作的实施方案全文', '楚市政通〔2017〕47号'),
    steps: [{ ago: 15, kind: 'reply', outcome: 'disclose', text: '该信息已主动公开，可在楚雄市人民政府门户网站“政府信息公开”栏目查阅。' }],
  },
  {
    unit: 'finance',
    channel: 'in_person',
    receivedAgo: 26,
    state: 'replied',
    handler: 'czj_editor',
    app: company('楚雄示例环境研究院', 'research', '5P7RMA2L', '何研究员', '0878-3151234', 'lab@example-research.cn', '楚市政通〔2017〕47号文件及其附件', '楚市政通[2017]47号'),
    steps: [{ ago: 10, kind: 'reply', outcome: 'disclose', text: '现将该文件及附件以电子邮件方式提供。' }],
  },
  {
    unit: 'finance',
    channel: 'registered_mail',
    receivedAgo: 40,
    state: 'replied',
    handler: 'czj_editor',
    app: person('冯雪梅', '19751111', 109, '13987801234', '楚雄市2025年老旧小区改造项目资金拨付明细及施工合同'),
    steps: [
      {
        ago: 22,
        kind: 'reply',
        outcome: 'partial',
        extra: { withheldParts: '施工合同中施工企业的银行账户和联系人个人信息', withheldReason: '涉及商业秘密和个人隐私，公开会对第三方合法权益造成损害（第十五条）' },
        text: '提供资金拨付明细和施工合同（已作区分处理）。',
      },
    ],
  },
  {
    unit: 'government-office',
    channel: 'online',
    receivedAgo: 14,
    state: 'replied',
    handler: 'gkb',
    app: person('蒋国栋', '19690606', 110, '13708781234', '我举报小区物业公司乱收费，要求政府查处并公开处理结果'),
    steps: [{ ago: 12, kind: 'reply', outcome: 'not_processed_1', extra: { redirectChannel: '12345政务服务便民热线或楚雄市市场监督管理局投诉举报渠道' }, text: '您反映的问题属于投诉举报，不作为政府信息公开申请处理。' }],
  },
  {
    unit: 'donggua',
    channel: 'in_person',
    receivedAgo: 25,
    state: 'replied',
    handler: 'dgz_editor',
    app: person('沈桂兰', '19580303', 111, '0878-3181234', '楚雄市2025年国有土地使用权出让收入明细'),
    steps: [{ ago: 9, kind: 'reply', outcome: 'unable_1', extra: { responsibleAgency: '楚雄市自然资源局（联系电话0878-3100000）' }, text: '经检索，本机关不掌握该信息；该信息由楚雄市自然资源局负责公开。' }],
  },
  { unit: 'donggua', channel: 'oral', receivedAgo: 9, state: 'withdrawn', handler: 'dgz_editor', app: person('韩德明', '19500909', 112, '13508781234', '东瓜镇2025年危房改造补助名单', '', { forms: ['paper'], delivery: 'pickup' }), steps: [{ ago: 4, kind: 'withdraw' }] },
  {
    unit: 'finance',
    channel: 'online',
    receivedAgo: 45,
    state: 'terminated',
    handler: 'czj_editor',
    app: person('杨帆', '19950101', 113, '15911781234', '有关项目的资料'),
    steps: [
      { ago: 43, kind: 'clarification', items: '请写明所需项目的名称、年度和文号', correctByAgo: 33 },
      { ago: 30, kind: 'lapse_correction' },
    ],
  },
  {
    unit: 'finance',
    channel: 'online',
    receivedAgo: 60,
    state: 'archived',
    handler: 'czj_editor',
    app: person('朱莉', '19870808', 114, '18608781234', '楚雄市2025年部门预算公开说明'),
    steps: [{ ago: 50, kind: 'reply', outcome: 'disclose', text: '该信息已主动公开。' }],
  },
  { unit: 'ecology-environment', channel: 'fax', receivedAgo: 1, state: 'registered', app: company('楚雄示例环保公益协会', 'nonprofit', '6N4HMA8P', '秦会长', '0878-3166666', 'info@example-ngo.cn', '楚雄市2025年重点排污单位名录及自行监测数据') },
  { unit: 'natural-resources', channel: 'in_person', receivedAgo: 3, state: 'registered', app: person('许文博', '19800404', 115, '13888781234', '鹿城镇示例村集体土地征收补偿安置方案') },
  {
    unit: 'finance',
    channel: 'in_person',
    receivedAgo: 35,
    state: 'replied',
    handler: 'czj_editor',
    app: company('楚雄示例商贸有限公司', 'business', '2D9FMA4C', '曹经理', '0878-3177777', 'trade@example.cn', '2025年楚雄市财政局与某供应商签订的框架协议及报价单'),
    steps: [
      { ago: 32, kind: 'consult', party: 'third_party', partyName: '楚雄某某供应链有限公司', question: '协议报价单是否同意公开' },
      { ago: 25, kind: 'answer', answer: 'disagree', note: '报价单属于本公司商业秘密，公开将影响后续投标' },
      { ago: 20, kind: 'reply', outcome: 'withhold_4', text: '经征求第三方意见，第三方不同意公开且理由合理。' },
    ],
  },
  {
    unit: 'finance',
    channel: 'in_person',
    receivedAgo: 50,
    state: 'replied',
    handler: 'czj_editor',
    app: person('许晴', '19930313', 116, '13608781234', '楚雄市2025年惠民惠农财政补贴资金发放明细'),
    steps: [{ ago: 27, kind: 'reply', outcome: 'disclose', text: '现提供补贴资金发放汇总表。' }],
  },
];

/** Loads the demo requests once per site; returns how many were added. */
export async function seedRequests(core: Core, opts?: SeedOptions): Promise<number> {
  const [root] = await core.db.select({ id: units.id }).from(units).where(eq(units.slug, 'city-government')).limit(1);
  if (!root) return 0;
  const existing = await core.db.select({ n: sql<number>`count(*)` }).from(reqRequests).where(eq(reqRequests.rootUnitId, root.id));
  if (Number(existing[0]?.n ?? 0) > 0) return 0;
  const cal = await requestCalendar(core);
  const idx = workdayIndex(cal);
  const today = shanghaiToday(core.clock.now());
  // N working days before today (0: today).
  const ago = (n: number): string => {
    if (n <= 0) return n === 0 ? today : idx.add(today, -n);
    let d = dayNumber(today);
    let count = 0;
    while (count < n) {
      d--;
      if (idx.isWorking(fromDayNumber(d))) count++;
    }
    return fromDayNumber(d);
  };
  const unitRows = await core.db.select({ id: units.id, slug: units.slug, name: units.name }).from(units);
  const unitBySlug = new Map(unitRows.map((u) => [u.slug, u]));
  const staff = await core.db.select({ id: staffUsers.id, username: staffUsers.username, displayName: staffUsers.displayName }).from(staffUsers);
  const staffBy = new Map(staff.map((s) => [s.username, s]));
  const head = staffBy.get('gkb_head');
  let prepared: { s: Scenario; events: ClockEvent[]; clock: ClockResult; unitId: number; received: string }[];
  try {
    prepared = SCENARIOS.filter((s) => unitBySlug.has(s.unit)).map((s) => {
      const received = ago(s.receivedAgo);
      let events: ClockEvent[] = s.channel === 'online' && s.state === 'registered' ? [] : [{ kind: 'received', on: received }];
      let clock: ClockResult | null = null;
      for (const st of s.steps ?? []) {
        const on = ago(st.ago);
        const ev: ClockEvent | null =
          st.kind === 'clarification'
            ? { kind: 'clarification_sent', on, correctBy: ago(st.correctByAgo) }
            : st.kind === 'correction'
              ? { kind: 'correction_received', on }
              : st.kind === 'lapse_correction'
                ? { kind: 'correction_lapsed', on }
                : st.kind === 'consult'
                  ? { kind: 'consultation_sent', on, ref: 'C1', party: st.party, partyName: st.partyName }
                  : st.kind === 'answer'
                    ? { kind: 'consultation_answered', on, ref: 'C1', ...(st.answer === 'no_answer' ? { noAnswer: true } : {}) }
                    : st.kind === 'extension'
                      ? { kind: 'extension_approved', on, days: st.days }
                      : st.kind === 'fee'
                        ? { kind: 'fee_notice_sent', on, amountYuan: computeFee({ method: 'per_page', pages: st.pages }).amountYuan }
                        : st.kind === 'paid'
                          ? { kind: 'fee_paid', on }
                          : st.kind === 'withdraw'
                            ? { kind: 'withdrawn', on }
                            : { kind: 'replied', on };
        // correctBy in the future is allowed (a deadline), so check the notice with today as the limit.
        const r = appendClockEvent(events, ev, cal, today, DEFAULT_CLOCK_OPTIONS);
        if (!r.ok) throw new Error(`demo request (${s.app.infoDescription}): ${r.reasons.join('; ')}`);
        events = r.events;
        clock = r.clock;
      }
      if (!clock) clock = computeClock(events, cal);
      return { s, events, clock, unitId: unitBySlug.get(s.unit)!.id, received };
    });
  } catch (err) {
    // A calendar without this year's data (or a broken scenario) must not stop the platform starting.
    opts?.log(`未载入依申请公开演示数据：${err instanceof Error ? err.message : String(err)}`);
    return 0;
  }
  const now = core.clock.now();
  const actorName = '演示数据';
  await core.db.transaction(async (tx) => {
    const year = Number(today.slice(0, 4));
    for (const p of prepared) {
      const { s, events, clock } = p;
      const checked = validateApplication(s.app, today);
      if (!checked.ok) throw new Error(`demo application invalid: ${JSON.stringify(checked.errors)}`);
      const a = checked.value;
      const requestNo = formatRequestNo(year, await nextRequestSeq(tx, root.id, year));
      const code = lookupCodeFromBytes(crypto.randomBytes(16));
      const handler = s.handler ? staffBy.get(s.handler) : undefined;
      const reply = s.steps?.find((x) => x.kind === 'reply') as Extract<Step, { kind: 'reply' }> | undefined;
      const outcome: OutcomeCode | null = reply ? reply.outcome : s.state === 'withdrawn' ? 'other_3' : s.state === 'terminated' ? 'other_1' : null;
      const receiptFacts =
        s.channel === 'online' || s.channel === 'fax'
          ? { submittedOn: p.received, ...(events.length ? { confirmedOn: p.received } : {}) }
          : s.channel === 'registered_mail'
            ? { signedForOn: p.received }
            : s.channel === 'ordinary_mail'
              ? { arrivedOn: p.received, confirmedOn: p.received }
              : { submittedOn: p.received };
      const unitName = unitBySlug.get(s.unit)!.name;
      const row = await insertRequest(tx, {
        rootUnitId: root.id,
        requestNo,
        lookupHash: lookupHash(requestNo, code),
        unitId: p.unitId,
        handlerId: handler?.id ?? null,
        state: s.state,
        channel: s.channel,
        receiptFacts,
        receiptBasis: events.length ? RECEIPT_BASIS[s.channel] : '',
        applicantKind: a.applicantKind,
        orgSubtype: a.orgSubtype,
        applicantName: a.name,
        contactPerson: a.contactPerson,
        idType: a.idType,
        idNumber: a.idNumber,
        phone: a.phone,
        email: a.email,
        address: a.address,
        postcode: a.postcode,
        applicantKey: crypto.createHash('sha256').update(`${a.idType}:${a.idNumber}`).digest('hex'),
        infoDescription: a.infoDescription,
        infoDocNo: a.infoDocNo,
        infoKey: normaliseDescription(a.infoDescription || a.infoDocNo),
        docNoKey: extractDocNo(a.infoDocNo) || extractDocNo(a.infoDescription),
        forms: a.forms,
        delivery: a.delivery,
        outcome,
        legalBasis: outcome ? (outcome === 'other_3' ? WITHDRAWN_BASIS : suggestedBasis(outcome)) : '',
        withheldParts: reply?.extra?.withheldParts ?? '',
        withheldReason: reply?.extra?.withheldReason ?? '',
        redirectChannel: reply?.extra?.redirectChannel ?? '',
        responsibleAgency: reply?.extra?.responsibleAgency ?? '',
        replyText: reply?.text ?? '',
        remedyText: reply ? await remedyFor({ db: tx }, { rootUnitId: root.id, unitId: p.unitId }) : '',
        repliedOn: clock.closedBy === 'replied' ? clock.closedOn : null,
        closedOn: clock.closedOn,
        receivedOn: clock.receivedOn,
        dueOn: clock.dueOn,
        clockStatus: clock.status,
        pausedSince: clock.pausedSince,
        repliedOnTime: clock.onTime,
        workingDaysTaken: clock.workingDaysTaken,
        clarificationLate: !!clock.clarification?.late,
        createdAt: now,
        updatedAt: now,
      });
      for (const e of events) await appendEvent(tx, row.id, e, { id: null, name: actorName });
      const addT = (action: string, from: RequestState | null, to: RequestState, note = '') =>
        insertTransition(tx, { requestId: row.id, action, fromState: from, toState: to, actorId: null, actorName, note, at: now });
      await addT(s.channel === 'online' ? 'submit_online' : 'register', null, 'registered', `${unitName}演示申请`);
      if (s.state !== 'registered') await addT('accept', 'registered', 'reviewing');
      if (handler && !['registered', 'reviewing'].includes(s.state)) await addT('assign', 'reviewing', 'processing');
      for (const st of s.steps ?? []) {
        const on = ago(st.ago);
        if (st.kind === 'clarification') {
          await insertClarification(tx, { requestId: row.id, sentOn: on, items: st.items, correctBy: clock.clarification!.correctBy, late: false });
          await addT('send_clarification', 'processing', 'awaiting_correction');
        } else if (st.kind === 'lapse_correction') await addT('end_no_correction', 'awaiting_correction', 'terminated');
        else if (st.kind === 'consult') {
          const c = clock.consultations[0]!;
          const answer = s.steps?.find((x) => x.kind === 'answer') as Extract<Step, { kind: 'answer' }> | undefined;
          await insertConsultation(tx, { requestId: row.id, ref: 'C1', party: st.party, partyName: st.partyName, question: st.question, sentOn: c.sentOn, answerBy: c.answerBy, answeredOn: c.answeredOn, answer: answer?.answer ?? null, answerNote: answer?.note ?? '' });
          await addT('send_consultation', 'processing', 'consulting');
        } else if (st.kind === 'answer') await addT('record_consultation_answer', 'consulting', 'processing', st.note);
        else if (st.kind === 'extension' && handler && head) {
          const ext = await insertExtension(tx, { requestId: row.id, days: st.days, reason: st.reason, status: 'pending', requestedBy: handler.id, requestedAt: now });
          await tx.execute(sql`UPDATE req_extensions SET status = 'approved', decided_by = ${head.id}, decided_at = ${now.toISOString()}, decided_on = ${on} WHERE id = ${ext.id}`);
          await addT('request_extension', s.state, s.state, st.reason);
          await addT('approve_extension', s.state, s.state);
        } else if (st.kind === 'fee') {
          const f = computeFee({ method: 'per_page', pages: st.pages });
          await insertFeeNotice(tx, { requestId: row.id, method: 'per_page', pages: st.pages, amountYuan: f.amountYuan, basis: `${f.basis}。${describeFee(f).join('；')}`, sentOn: on, payBy: clock.fee!.payBy, status: 'pending' });
          await addT('send_fee_notice', 'processing', 'awaiting_fee');
        } else if (st.kind === 'withdraw') await addT('withdraw', 'processing', 'withdrawn', '申请人电话告知撤回申请');
        else if (st.kind === 'reply') await addT('reply', 'processing', 'replied');
      }
      if (s.state === 'archived') await addT('archive', 'replied', 'archived');
    }
    await writeAudit(tx, systemActor, { action: 'seed.requests', targetType: 'info_request', targetId: 'demo', unitId: root.id, summary: { count: prepared.length } }, now);
  });
  return prepared.length;
}
