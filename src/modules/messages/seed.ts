// Demo data (GONGKAI_DEMO=1 only): a few hundred plausible messages over the last 12 months across
// units and channels, in every state, written set-based (one INSERT per table). Idempotent per site.
import crypto from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Core, SeedOptions } from '../../core/services.ts';
import { units } from '../../core/db/schema.ts';
import { writeAudit, systemActor } from '../../core/audit/index.ts';
import { addCalendarDays, addWorkingDays, isWorkingDay, type WorkCalendar } from '../../core/calendar/working-days.ts';
import { msgEvents, msgHistory, msgItems, msgSequences } from './data/schema.ts';
import { DEFAULT_LIMITS, limitKeyOf, type Channel, type Kind } from './domain/kinds.ts';
import { formatItemNo } from './domain/intake.ts';
import { listSubjects, seedDefaultSubjects } from './service-subjects.ts';
import { messageSearchDocument } from './search-document.ts';
import { msgKnowledge } from './data/schema.ts';
import { maskForPublication } from './domain/masking.ts';
import { workingDaysTaken, type ClockEvent } from './domain/clock.ts';
import type { MessageState, Satisfaction } from './domain/states.ts';
import { lookupHash, messageCalendar, submitMessage, today as todayOf } from './service.ts';
import { transferToRequest } from './service-handover.ts';
import type { Role } from '../../core/db/schema.ts';

/** Unit → what people write to it about: [kind, title, content, reply]. */
const TOPICS: Record<string, [Kind, string, string, string][]> = {
  'housing-construction': [
    ['complaint', '小区夜间施工噪音扰民', '鹿城镇北浦路附近工地连续多日夜间十一点后仍在施工，噪音很大，严重影响周边居民休息，请相关部门督促整改。', '经核查，该工地未办理夜间施工许可。我局已责令其停止夜间施工，并将加强巡查。'],
    ['help', '老旧小区加装电梯政策咨询及申请', '我们小区建于1998年，多数住户同意加装电梯，想了解申请流程、补助标准和需要准备的材料。', '既有住宅加装电梯须经本单元三分之二以上业主同意，补助标准为每台20万元，申请材料见市住建局网站办事指南。'],
    ['complaint', '物业公司擅自提高物业费', '我所在小区物业公司未经业主大会同意，从本月起将物业费从每平方米1.2元提高到1.8元。', '经调查，该物业公司调价未履行法定程序。已约谈物业公司，恢复原收费标准，多收费用予以退还。'],
  ],
  transport: [
    ['suggestion', '建议增开城区至东瓜镇公交线路', '东瓜镇居民进城上班的人很多，现有公交班次少、间隔长，建议早晚高峰增开班次。', '感谢您的建议。我局已会同公交公司调整，自下月起早晚高峰发车间隔缩短至10分钟。'],
    ['complaint', '出租车拒载、不打表', '昨晚在火车站乘坐出租车，司机拒绝打表，要求一口价30元，请查处。', '经调取车辆行驶记录核实，对该驾驶员依法作出处罚，并责令所属公司加强教育。'],
  ],
  water: [['help', '自来水水压不足', '阳光小区高层住户近一个月自来水水压明显不足，早晚用水高峰时基本无水。', '经供水公司检测，该片区二次供水设备故障，已更换水泵，水压恢复正常。']],
  'education-sports': [
    ['consult', '小学一年级入学需要哪些材料', '孩子今年满6周岁，户口在鹿城镇，想咨询小学一年级入学报名需要准备哪些材料、什么时候报名。', '报名需提供户口簿、房产证明或居住证、儿童预防接种证，报名时间为每年7月上旬，具体以学区公告为准。'],
    ['complaint', '学校违规收取资料费', '某中学要求每名学生缴纳300元教辅资料费，未说明收费依据。', '经核查，该校存在违规代收费用问题，已责令全额退还并对相关责任人进行通报批评。'],
  ],
  'human-resources': [
    ['consult', '灵活就业人员如何缴纳养老保险', '我是个体户，想了解灵活就业人员参加城镇职工养老保险的缴费档次和办理地点。', '灵活就业人员可在市政务服务中心社保窗口或线上办理参保，缴费基数可在规定上下限之间自主选择。'],
    ['help', '农民工工资被拖欠', '我们十几名工人在某建筑工地干了三个月，老板拖欠工资共计十二万元，多次讨要未果。', '经劳动保障监察大队介入，已督促施工企业支付全部拖欠工资。'],
  ],
  'market-regulation': [
    ['report', '超市销售过期食品', '在某超市购买的酸奶已过保质期两天，仍在货架上销售，请依法查处。', '经现场检查，该超市确有销售超过保质期食品的行为，已依法立案查处。'],
    ['complaint', '网购商品质量问题商家拒绝退货', '在本地一家电器店购买的电饭煲使用一周后无法加热，商家拒绝退换。', '经调解，商家已为消费者更换同型号新产品。'],
  ],
  'ecology-environment': [['report', '企业夜间偷排废水', '城郊某养殖场夜间将污水直接排入河道，河水发黑发臭。', '经执法检查，该养殖场存在未经处理直排行为，已责令停产整改并依法处罚。']],
  health: [['consult', '新生儿疫苗接种时间咨询', '孩子刚出生，想咨询第一年需要接种哪些疫苗、在哪里接种。', '新生儿出生后24小时内接种乙肝疫苗和卡介苗，之后按免疫程序到所属社区卫生服务中心接种。']],
  'civil-affairs': [['help', '申请最低生活保障', '我家有两位老人长期患病，家庭收入很低，想申请低保，请问怎么办理。', '可向户籍所在地乡镇（街道）提出申请，经入户调查、民主评议和公示后审批，具体材料见民政局办事指南。']],
  'natural-resources': [['consult', '农村宅基地审批流程', '想在自家承包地旁边建房，需要办理哪些审批手续？', '农村村民住宅建设须向村民委员会提出申请，经乡镇审核批准，不得占用永久基本农田。']],
  'government-services': [['suggestion', '建议政务服务中心增加周末窗口', '上班族平时请假办事不方便，建议政务服务中心周六上午开放部分常办事项窗口。', '自本月起政务服务中心周六上午开放社保、不动产登记等常办事项窗口。']],
  'culture-tourism': [['suggestion', '建议延长图书馆开放时间', '市图书馆晚上六点就闭馆，学生和上班族没时间去，建议延长至晚上九点。', '经研究，市图书馆自下月起周一至周五延长开放至晚上八点半。']],
  'government-office': [['suggestion', '网站政策文件页面链接失效', '市政府网站“政策文件”栏目中部分2024年的文件点击后显示页面不存在。', '已修复失效链接，并对全站链接进行了检查。感谢您的监督。']],
};
const TOWN_TOPICS: [Kind, string, string, string][] = [
  ['help', '村组道路破损严重', '村里通往镇上的水泥路多处破损、坑洼，雨天积水，群众出行困难，请尽快修复。', '已将该路段纳入今年农村公路养护计划，预计下月完成修复。'],
  ['complaint', '村内垃圾长期无人清运', '村口垃圾堆放点已经半个多月没有清运，气味很大，蚊蝇滋生。', '已督促保洁公司恢复每日清运，并增设垃圾收集箱两个。'],
  ['consult', '耕地地力保护补贴发放时间', '今年的耕地地力保护补贴什么时候发放？发到哪张卡上？', '补贴资金已于本月通过“一卡通”发放至农户账户，可持卡到银行查询。'],
];

/** Demo title → its 主题分类 in the default tree (second level; a first-level name when none fits below it). */
const SUBJECT_OF: Record<string, string> = {
  小区夜间施工噪音扰民: '建筑施工',
  老旧小区加装电梯政策咨询及申请: '住房保障',
  物业公司擅自提高物业费: '物业管理',
  建议增开城区至东瓜镇公交线路: '公共交通',
  '出租车拒载、不打表': '出租车',
  自来水水压不足: '市政设施',
  小学一年级入学需要哪些材料: '招生入学',
  学校违规收取资料费: '价格收费',
  灵活就业人员如何缴纳养老保险: '养老保险',
  农民工工资被拖欠: '社会保障',
  超市销售过期食品: '食品安全',
  网购商品质量问题商家拒绝退货: '市场监管',
  企业夜间偷排废水: '水污染',
  新生儿疫苗接种时间咨询: '办事咨询',
  申请最低生活保障: '低保救助',
  农村宅基地审批流程: '办事咨询',
  建议政务服务中心增加周末窗口: '政务服务',
  建议延长图书馆开放时间: '政务服务',
  网站政策文件页面链接失效: '网站纠错',
  村组道路破损严重: '道路管理',
  村内垃圾长期无人清运: '城乡建设',
  耕地地力保护补贴发放时间: '办事咨询',
};

const NAMES = ['王建国', '李秀英', '张伟', '刘芳', '陈静', '杨洋', '赵磊', '黄敏', '周杰', '吴霞', '徐明', '孙丽', '马强', '朱红', '胡斌', '郭燕', '何勇', '罗琳', '普志华', '李春梅'];
const REPLY_TIME = ['09:12', '10:05', '14:30', '15:48', '16:20'];

/** A small deterministic generator, so every demo database looks the same. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function at(day: string, hm: string): Date {
  return new Date(`${day}T${hm}:00+08:00`);
}

/** The next working day on or after `day`. */
function workingOnOrAfter(day: string, cal: WorkCalendar): string {
  let d = day;
  while (!isWorkingDay(d, cal)) d = addCalendarDays(d, 1);
  return d;
}

export async function seedMessages(core: Core, opts: SeedOptions, count = 360): Promise<number> {
  const [root] = await core.db.select({ id: units.id }).from(units).where(eq(units.slug, 'city-government')).limit(1);
  if (!root) return 0;
  // The default 主题分类 tree, for every volume (the intake forms offer it).
  await seedDefaultSubjects(core.db, root.id);
  if (opts.volume !== 'full') return 0; // the full demo city only: test apps seed lean
  const subjectIds = new Map((await listSubjects(core.db, root.id)).map((x) => [x.name, x.id]));
  const existing = await core.pool.query('SELECT 1 FROM msg_items WHERE root_unit_id = $1 LIMIT 1', [root.id]);
  if (existing.rowCount) return 0;
  const unitRows = await core.db.select({ id: units.id, slug: units.slug, name: units.name, type: units.type }).from(units);
  const pool = unitRows.filter((u) => u.type === 'township' || TOPICS[u.slug]);
  if (!pool.length) return 0;
  const cal = await messageCalendar(core);
  const today = todayOf(core);
  const rand = rng(20261207);
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  // Every state at least once among the most recent items; older items mostly closed.
  const FORCED: MessageState[] = ['received', 'dispatched', 'handling', 'return_requested', 'termination_requested', 'replied', 'visiting', 'closed', 'terminated', 'refused'];
  type Plan = { item: typeof msgItems.$inferInsert; history: Omit<typeof msgHistory.$inferInsert, 'itemId'>[]; events: ClockEvent[] };
  const plans: Plan[] = [];
  for (let i = 0; i < count; i++) {
    // Age: the forced ones within the last week, the rest spread over a year, more recent more often.
    const age = i < FORCED.length ? Math.floor(i / 3) : Math.floor(Math.pow(rand(), 1.3) * 364);
    const receivedOn = addCalendarDays(today, -age);
    const unit = pick(pool);
    const [kind0, title, content, reply] = pick(unit.type === 'township' ? TOWN_TOPICS : TOPICS[unit.slug]!);
    const channel: Channel = unit.slug === 'government-office' ? 'site_error' : kind0 === 'consult' && rand() < 0.5 ? 'consult' : pick(['mayor_mailbox', 'mayor_mailbox', 'secretary_mailbox', 'unit_mailbox', 'hotline', 'hotline', 'hotline'] as const);
    const kind: Kind = channel === 'site_error' ? 'suggestion' : kind0;
    const limit = DEFAULT_LIMITS.days[limitKeyOf(channel, kind)];
    const dueOn = addWorkingDays(receivedOn, limit, cal);
    const name = pick(NAMES);
    const phone = `1390878${String(1000 + Math.floor(rand() * 9000))}`;
    const receivedAt = at(receivedOn, `${String(8 + Math.floor(rand() * 12)).padStart(2, '0')}:${String(Math.floor(rand() * 60)).padStart(2, '0')}`);
    // The state this item has reached.
    const r = rand();
    const overdueOld = age > limit * 2;
    const state: MessageState =
      i < FORCED.length
        ? FORCED[i]!
        : age > 40
          ? r < 0.86 ? 'closed' : r < 0.9 ? 'terminated' : r < 0.95 ? 'refused' : r < 0.97 ? 'handling' : 'visiting'
          : age > 10
            ? r < 0.55 ? 'closed' : r < 0.7 ? 'visiting' : r < 0.8 ? 'replied' : r < 0.93 ? 'handling' : 'refused'
            : r < 0.15 ? 'received' : r < 0.3 ? 'dispatched' : r < 0.6 ? 'handling' : r < 0.7 ? 'replied' : r < 0.8 ? 'visiting' : 'closed';
    const dispatchedOn = workingOnOrAfter(addCalendarDays(receivedOn, rand() < 0.6 ? 0 : 1), cal) > today ? today : workingOnOrAfter(addCalendarDays(receivedOn, rand() < 0.6 ? 0 : 1), cal);
    const signedOn = addWorkingDays(dispatchedOn, 1, cal) > today ? today : addWorkingDays(dispatchedOn, rand() < 0.85 ? 0 : 1, cal);
    // Replied within the limit 88% of the time; late ones a few days after the due date.
    let repliedOn = rand() < 0.88 ? addWorkingDays(signedOn, Math.max(1, Math.floor(rand() * limit)), cal) : addWorkingDays(dueOn, 1 + Math.floor(rand() * 5), cal);
    if (repliedOn > today) repliedOn = today;
    const closedOn = addWorkingDays(repliedOn, 1 + Math.floor(rand() * 3), cal) > today ? today : addWorkingDays(repliedOn, 1 + Math.floor(rand() * 3), cal);
    const sat: Satisfaction = pick(['satisfied', 'satisfied', 'satisfied', 'satisfied', 'satisfied', 'satisfied', 'satisfied', 'basically', 'basically', 'unsatisfied'] as const);
    const allowPublication = rand() < 0.7;
    const h: Plan['history'] = [{ action: 'receive', fromState: null, toState: 'received', actorId: null, actorName: channel === 'hotline' ? '96128话务员' : '诉求人', unitName: '', note: channel === 'hotline' ? '96128热线来电登记' : '网上提交', at: receivedAt }];
    const events: ClockEvent[] = [{ kind: 'received', on: receivedOn }];
    const item: typeof msgItems.$inferInsert = {
      rootUnitId: root.id,
      itemNo: '',
      lookupHash: '',
      channel,
      kind,
      mailboxUnitId: channel === 'unit_mailbox' ? unit.id : null,
      title,
      content: `${content}${rand() < 0.3 ? `联系人${name}，电话${phone}。` : ''}`,
      callerName: channel === 'hotline' && rand() < 0.3 ? '' : name,
      callerPhone: phone,
      keepIdentity: kind === 'report' && rand() < 0.5,
      allowPublication,
      state,
      receivedOn,
      receivedAt,
      dueOn,
      limitDays: limit,
      subjectId: subjectIds.get(SUBJECT_OF[title] ?? '') ?? null,
    };
    const step = (action: string, from: MessageState, to: MessageState, day: string, who: string, note = '') => h.push({ action, fromState: from, toState: to, actorId: null, actorName: who, unitName: who === '政务公开办' ? '政务公开办' : unit.name, note, at: at(day, pick(REPLY_TIME)) });
    if (state === 'refused') {
      item.refusalReason = 'disclosure';
      item.replyText = '您的诉求不予受理，理由：属于政府信息公开申请。获取政府信息请依照《中华人民共和国政府信息公开条例》提出政府信息公开申请。';
      item.closedOn = dispatchedOn;
      step('refuse', 'received', 'refused', dispatchedOn, '政务公开办', item.replyText);
    } else if (state !== 'received') {
      item.unitId = unit.id;
      item.dispatchedOn = dispatchedOn;
      item.signBy = addWorkingDays(dispatchedOn, 1, cal);
      events.push({ kind: 'dispatched', on: dispatchedOn });
      step('dispatch', 'received', 'dispatched', dispatchedOn, '政务公开办', `主办单位：${unit.name}`);
      if (state !== 'dispatched') {
        item.signedOn = signedOn;
        step('sign', 'dispatched', 'handling', signedOn, unit.name);
        if (state === 'return_requested') step('request_return', 'handling', 'return_requested', signedOn, unit.name, '该事项不属于本单位职责，建议转属地乡镇办理');
        if (state === 'termination_requested') step('request_termination', 'handling', 'termination_requested', signedOn, unit.name, '多次联系诉求人未果，诉求人拒不配合核实');
        if (state === 'terminated') {
          step('request_termination', 'handling', 'termination_requested', signedOn, unit.name, '诉求人拒不配合核实');
          step('approve_termination', 'termination_requested', 'terminated', closedOn, '政务公开办');
          item.closedOn = closedOn;
        }
        if (state === 'replied' || state === 'visiting' || state === 'closed') {
          Object.assign(item, { replyText: reply, replyUnitId: unit.id, repliedOn, repliedOnTime: repliedOn <= dueOn, workingDaysTaken: workingDaysTaken(receivedOn, repliedOn, cal) });
          step('reply', 'handling', 'replied', repliedOn, unit.name, reply);
        }
        if (state === 'visiting' || state === 'closed') step('approve_reply', 'replied', 'visiting', repliedOn, '政务公开办');
        if (state === 'closed') {
          Object.assign(item, { satisfaction: sat, closedOn, redone: sat === 'unsatisfied' && rand() < 0.5 });
          step('record_visit', 'visiting', 'closed', closedOn, '政务公开办', `回访评价：${{ satisfied: '满意', basically: '基本满意', unsatisfied: '不满意' }[sat]}`);
          if (allowPublication && rand() < 0.6) Object.assign(item, { publishedAt: at(closedOn, '17:00'), publicTitle: title, publicContent: maskForPublication(item.content, [name]), publicReply: reply, searchDocument: messageSearchDocument(title, maskForPublication(item.content, [name]), reply) });
        }
      }
      const open = !['closed', 'terminated', 'refused', 'visiting', 'replied'].includes(state);
      if (open && dueOn < today && (overdueOld || rand() < 0.5)) {
        item.supervised = true;
        item.flagged = rand() < 0.3;
        step('supervise', state, state, addWorkingDays(dueOn, 1, cal) > today ? today : addWorkingDays(dueOn, 1, cal), '政务公开办', `${item.flagged ? '挂牌督办' : '督办'}：已超过办理期限，请尽快办结`);
      }
    }
    plans.push({ item, history: h, events });
  }
  // Numbers in order of receipt, per year.
  plans.sort((a, b) => a.item.receivedAt!.getTime() - b.item.receivedAt!.getTime());
  const seqs = new Map<number, number>();
  for (const p of plans) {
    const y = Number(p.item.receivedOn!.slice(0, 4));
    const n = (seqs.get(y) ?? 0) + 1;
    seqs.set(y, n);
    p.item.itemNo = formatItemNo(y, n);
    p.item.lookupHash = lookupHash(p.item.itemNo, crypto.randomBytes(8).toString('hex'));
  }
  const now = core.clock.now();
  await core.db.transaction(async (tx) => {
    const ids = await tx.insert(msgItems).values(plans.map((p) => p.item)).returning({ id: msgItems.id, itemNo: msgItems.itemNo });
    const idOf = new Map(ids.map((x) => [x.itemNo, x.id]));
    const hist = plans.flatMap((p) => p.history.map((h) => ({ ...h, itemId: idOf.get(p.item.itemNo)! })));
    for (let k = 0; k < hist.length; k += 1000) await tx.insert(msgHistory).values(hist.slice(k, k + 1000));
    await tx.insert(msgEvents).values(plans.flatMap((p) => p.events.map((event) => ({ itemId: idOf.get(p.item.itemNo)!, event, at: now }))));
    for (const [year, last] of seqs) await tx.insert(msgSequences).values({ rootUnitId: root.id, year, lastSeq: last }).onConflictDoUpdate({ target: [msgSequences.rootUnitId, msgSequences.year], set: { lastSeq: sql`greatest(${msgSequences.lastSeq}, ${last})` } });
    // 知识库: a few answers the call-takers give every week; one past its review date (flagged).
    const kb: [string, string, string, string, string][] = [
      ['灵活就业人员怎样缴纳养老保险', '灵活就业人员可通过“云南人社”小程序或到楚雄市社会保险中心窗口办理参保登记，在年度缴费基数的60%至300%之间自选档次按月或按年缴费。', '社会保障', '《云南省灵活就业人员参加企业职工基本养老保险办法》', addCalendarDays(today, 300)],
      ['城乡居民医保在州外住院怎样报销', '州外住院需先通过国家医保服务平台或“云南医保”办理异地就医备案；备案后在定点医院直接结算，未备案的按规定降低报销比例。', '医疗保障', '《楚雄州城乡居民基本医疗保险实施办法》', addCalendarDays(today, 200)],
      ['不动产登记二手房过户要多长时间', '资料齐全的二手房转移登记在楚雄市政务服务中心不动产窗口5个工作日内办结，可通过“一部手机办事通”预约。', '自然资源', '《不动产登记暂行条例》', addCalendarDays(today, 180)],
      ['小学招生学区怎样划分', '楚雄市城区小学按“相对就近入学”划分学区，每年5月在市教育体育局网站公布当年招生方案和学区范围。', '教育', '《中华人民共和国义务教育法》第十二条', addCalendarDays(today, 150)],
      ['停水停电怎样查询', '计划停水由供水公司提前24小时在其公众号公告，可拨打96128转供水公司查询；停电请拨打95598。', '城市管理', '', addCalendarDays(today, -10)],
    ];
    await tx.insert(msgKnowledge).values(
      kb.map(([question, answer, subject, basis, validUntil]) => ({ rootUnitId: root.id, question, answer, subject, basis, validUntil, searchDocument: messageSearchDocument(question, `${subject} ${answer}`, ''), createdAt: now, updatedAt: now })),
    );
    await writeAudit(tx, systemActor, { action: 'seed.messages', targetType: 'message', targetId: 'demo', unitId: root.id, summary: { count: plans.length } }, now);
  });
  await seedTransfer(core, root.id);
  opts.log(`互动交流：已载入 ${plans.length} 条演示诉求。`);
  return plans.length;
}

/**
 * One message that was really an information request, turned into one by the openness office (转依申请
 *公开), through the same verbs as on the item page, so both pages show the link.
 */
async function seedTransfer(core: Core, rootUnitId: number): Promise<void> {
  const r = (
    await core.pool.query(
      `SELECT s.id, s.username, s.display_name, s.unit_id, s.roles, u.name AS unit_name FROM staff_users s JOIN units u ON u.id = s.unit_id
       WHERE 'openness_office' = ANY(s.roles) AND coalesce(u.root_id, u.id) = $1 ORDER BY s.id LIMIT 1`,
      [rootUnitId],
    )
  ).rows[0];
  const finance = (await core.pool.query(`SELECT id FROM units WHERE slug = 'finance' LIMIT 1`)).rows[0];
  if (!r || !finance) return;
  const audit = { id: Number(r.id), name: r.display_name as string, unitId: Number(r.unit_id), ip: '', requestId: 'seed' };
  const sent = await submitMessage(core, {
    rootUnitId,
    channel: 'mayor_mailbox',
    fields: { kind: 'consult', title: '申请公开城区道路维修资金使用情况', content: '请公开今年楚雄市城区道路维修资金的预算、实际支出明细和施工单位名单。', callerName: '李明', callerPhone: '13887801234', callerEmail: 'liming@example.cn', mailboxUnit: '' },
    keepIdentity: false,
    allowPublication: false,
    idempotencyKey: 'demo-transfer-to-request-0001',
    audit: { ...audit, id: null, name: '诉求人', unitId: null },
  });
  if (!sent.ok) return;
  const user = { id: Number(r.id), username: r.username as string, displayName: r.display_name as string, unitId: Number(r.unit_id), unitName: r.unit_name as string, rootUnitId, roles: r.roles as Role[], mustChangePassword: false };
  await transferToRequest(core, { kind: 'staff', user, audit }, sent.item.id, { unitId: Number(finance.id) });
}
