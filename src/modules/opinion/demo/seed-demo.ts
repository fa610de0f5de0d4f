// Demo data for 楚雄市: a dozen 舆情 items over the last weeks in every step (closed ones answered in time
// and late, a rumour handed to the police, one reassigned, one raised to 重大, open ones running and
// overdue) and a 回应关切 column. Invented, plausible; times relative to now; loaded once.
import { sql } from 'drizzle-orm';
import type { Core } from '../../../core/services.ts';
import { opinionCandidates, opinionConcerns, opinionEventQuestions, opinionEvents, opinionItems, opinionSteps } from '../data/schema.ts';
import { levelsOf } from '../service.ts';
import type { StepDetails } from '../domain/steps.ts';

type StepSeed = [hoursAfter: number, who: string, details: StepDetails];

interface ItemSeed {
  title: string;
  source: string;
  link: string;
  summary: string;
  involved: string;
  level: string;
  unit: string;
  /** Hours before now it was registered (first seen an hour earlier). */
  ago: number;
  steps: StepSeed[];
  /** Level raised or unit moved: applied from the step's time. */
  raiseTo?: string;
  reassignFrom?: string;
}

const OFFICE = '李政务（政务公开办）';

function items(): ItemSeed[] {
  const evaluate = (effect: string, lessons: string): StepDetails => ({ kind: 'evaluate', effect, lessons });
  return [
    {
      title: '网传东瓜镇部分小区自来水发黄有异味',
      source: '微博',
      link: 'https://weibo.example.cn/cx/4920001',
      summary: '网民发帖称东瓜镇某小区自来水发黄、有异味，配图转发较多，评论中有“水源被污染”的说法。',
      involved: '市水务局、东瓜镇',
      level: '较大',
      unit: 'water',
      ago: 40 * 24,
      steps: [
        [2, '市水务局 李明', { kind: 'consult', participants: '市水务局、东瓜镇、市网信办、市政务公开办', judgement: '初步判断为管网冲洗后短时浑浊，网传“水源污染”无依据，关注度上升较快。', measures: '立即取样送检；供水公司排查管网；准备回应口径。' }],
        [4, '市水务局 李明', { kind: 'assess', risk: 'medium', respond: true, how: '检测结果出来后在政府网站和政务微博发布权威信息。' }],
        [20, '市水务局 李明', { kind: 'respond', form: 'website', text: '经市疾控中心检测，东瓜镇供水水质各项指标符合《生活饮用水卫生标准》。此前部分小区水体发黄系管网冲洗所致，已完成冲洗并恢复正常。', link: 'https://www.cxs.gov.cn/news/2026/shuizhi.html' }],
        [72, '市水务局 李明', evaluate('回应发布后相关话题讨论量明显下降，未出现新的负面评论。', '管网冲洗等计划性作业应提前向社会公告。')],
      ],
    },
    {
      title: '鹿城南路施工围挡占道，市民反映出行不便',
      source: '12345热线',
      link: '',
      summary: '一周内12345热线收到同一路段施工占道投诉11件，有网民发视频反映早高峰拥堵。',
      involved: '市住房和城乡建设局、市公安局交警大队',
      level: '一般',
      unit: 'housing-construction',
      ago: 35 * 24,
      steps: [
        [3, '市住建局 周强', { kind: 'assess', risk: 'low', respond: true, how: '通过政务微信公布工期和绕行方案。' }],
        [30, '市住建局 周强', { kind: 'respond', form: 'newmedia', text: '鹿城南路雨污分流改造工程预计11月底完工，施工期间早晚高峰压缩围挡宽度，并设置绕行指示。', link: 'https://mp.example.cn/cxzj/20261001' }],
        [96, '市住建局 周强', evaluate('投诉量由每日3件降至每日不足1件。', '工程开工前应同步发布交通组织方案。')],
      ],
    },
    {
      title: '网传“楚雄市将全面实行住房限购”',
      source: '短视频平台',
      link: 'https://video.example.cn/v/88120',
      summary: '短视频称楚雄市下月起全面限购，引发购房咨询激增，经核实无此政策。',
      involved: '市住房和城乡建设局',
      level: '较大',
      unit: 'housing-construction',
      ago: 30 * 24,
      steps: [
        [1, '市住建局 周强', { kind: 'assess', risk: 'high', respond: true, how: '立即发布辟谣信息，并将造谣视频线索移交公安机关。' }],
        [6, '市住建局 周强', { kind: 'respond', form: 'statement', text: '楚雄市未出台住房限购政策，网传信息不实，请以政府网站发布的信息为准。', link: 'https://www.cxs.gov.cn/news/2026/piyao.html' }],
        [8, OFFICE, { kind: 'handover', to: 'police', note: '造谣视频及账号信息已移交市公安局网安大队依法处置。' }],
        [80, '市住建局 周强', evaluate('辟谣信息阅读量2.1万次，原视频已删除，发布者被依法训诫。', '对涉及房地产等敏感政策的谣言，应在1小时内完成研判。')],
      ],
    },
    {
      title: '紫溪镇发生森林火情',
      source: '新闻媒体',
      link: 'https://news.example.cn/yn/2026/zixi',
      summary: '紫溪镇一处山林起火，媒体和网民关注火势和人员安全。',
      involved: '市应急管理局、市林业和草原局、紫溪镇',
      level: '重大',
      unit: 'emergency',
      ago: 25 * 24,
      steps: [
        [1, '市应急局 罗刚', { kind: 'consult', participants: '市应急管理局、市林草局、紫溪镇、市委宣传部、市政务公开办', judgement: '突发事件，社会关注度高，须按重大舆情处置。', measures: '现场指挥部统一发布信息；每2小时通报一次火情。' }],
        [3, '市应急局 罗刚', { kind: 'respond', form: 'statement', text: '紫溪镇火情发生后，市级已启动森林火灾应急响应，明火已得到控制，无人员伤亡。', link: 'https://www.cxs.gov.cn/news/2026/huoqing.html' }],
        [20, '市应急局 罗刚', { kind: 'respond', form: 'press', text: '市政府召开新闻发布会，通报火情处置、过火面积和起火原因调查情况，回答记者提问6个。', link: 'https://www.cxs.gov.cn/news/2026/fabuhui-huoqing.html' }],
        [120, '市应急局 罗刚', evaluate('信息发布及时，舆论以肯定处置为主。', '夜间值班应确保新闻发布人员到岗。')],
      ],
    },
    {
      title: '某小学食堂饭菜质量问题引发家长关注',
      source: '微信',
      link: '',
      summary: '家长群流传食堂饭菜照片，质疑食材不新鲜，部分家长到校反映。',
      involved: '市教育体育局、市市场监督管理局',
      level: '重大',
      unit: 'market-regulation',
      ago: 21 * 24,
      steps: [
        [4, '市场监管局 杨雪', { kind: 'respond', form: 'statement', text: '市市场监管局已对该校食堂开展检查，抽检食材送检，结果将及时公布。', link: 'https://www.cxs.gov.cn/news/2026/shitang.html' }],
        [30, '市场监管局 杨雪', { kind: 'respond', form: 'press', text: '联合市教体局召开新闻发布会，公布抽检结果和整改措施。', link: 'https://www.cxs.gov.cn/news/2026/fabuhui-shitang.html' }],
        [100, '市场监管局 杨雪', evaluate('家长情绪基本平复。新闻发布会晚于24小时时限6小时。', '涉及未成年人的舆情应提前准备发布会预案。')],
      ],
    },
    {
      title: '城乡居民医保缴费标准调整被误读为“翻倍”',
      source: '网站论坛',
      link: 'https://bbs.example.cn/t/55321',
      summary: '论坛帖子称明年医保缴费“翻倍”，实为个人缴费标准按国家规定小幅上调。',
      involved: '市医疗保障局',
      level: '一般',
      unit: 'healthcare-security',
      ago: 18 * 24,
      steps: [
        [50, '市医保局 何敏', { kind: 'respond', form: 'website', text: '2027年度城乡居民医保个人缴费标准按国家和省统一规定执行，并非“翻倍”，特困人员等由财政全额资助。', link: 'https://www.cxs.gov.cn/jd/2026/yibao.html' }],
        [120, '市医保局 何敏', evaluate('误读逐步澄清，但回应晚于48小时时限。', '政策解读应与政策文件同步发布。')],
      ],
    },
    {
      title: '公交票价调整方案引发热议',
      source: '新闻跟帖',
      link: '',
      summary: '媒体报道公交票价调整方案后，跟帖集中质疑涨价幅度和老年人优惠。',
      involved: '市交通运输局、市发展和改革局',
      level: '较大',
      unit: 'transport',
      ago: 15 * 24,
      steps: [
        [5, '市交通局 马骏', { kind: 'consult', participants: '市交通运输局、市发展改革局、市政务公开办', judgement: '主要是对优惠政策不了解。', measures: '召开新闻发布会解读方案。' }],
        [8, '市交通局 马骏', { kind: 'assess', risk: 'medium', respond: true, how: '新闻发布会，并在回应关切栏目答复。' }],
        [40, '市交通局 马骏', { kind: 'respond', form: 'press', text: '市交通运输局负责人在新闻发布会上解读票价方案，说明老年人、残疾人免费乘车政策不变。', link: 'https://www.cxs.gov.cn/news/2026/gongjiao.html' }],
        [96, '市交通局 马骏', evaluate('跟帖情绪由质疑转为理解，采纳“学生优惠扩大到职业院校”的建议并公开。', '对价格类决策，起草阶段即应准备解读材料。')],
      ],
    },
    {
      title: '强降雨致城区部分路段积水',
      source: '微博',
      link: 'https://weibo.example.cn/cx/4920777',
      summary: '网民发布多处路段积水视频，询问排涝进展。',
      involved: '市应急管理局、市住房和城乡建设局',
      level: '一般',
      unit: 'emergency',
      ago: 10 * 24,
      steps: [
        [2, '市应急局 罗刚', { kind: 'respond', form: 'newmedia', text: '政务微博发布积水路段、绕行建议和排涝进展，提醒市民注意安全。', link: 'https://weibo.example.cn/cxyj/1' }],
        [30, '市应急局 罗刚', evaluate('信息发布及时，网民评价正面。', '积水点位图应在汛期前公布。')],
      ],
    },
    {
      title: '网传东华镇征地补偿款被截留',
      source: '信访',
      link: '',
      summary: '信访件和网帖反映东华镇某村征地补偿款未足额发放。',
      involved: '市自然资源局、东华镇',
      level: '较大',
      unit: 'donghua',
      reassignFrom: 'development-zone',
      ago: 8 * 24,
      steps: [
        [3, OFFICE, { kind: 'reassign', fromUnit: '楚雄经济技术开发区（高新技术产业开发区）管理委员会', toUnit: '楚雄市东华镇人民政府', reason: '涉事地块属东华镇，按属地管理原则改派。' }],
        [6, '东华镇 李芳', { kind: 'consult', participants: '东华镇、市自然资源局、市财政局', judgement: '补偿款已拨付到村，部分农户尚未领取。', measures: '公开补偿标准和发放名单（隐去个人信息）。' }],
        [36, '东华镇 李芳', { kind: 'respond', form: 'website', text: '东华镇公布该村征地补偿标准和发放进度，补偿款已全部拨付到村集体账户，未领取农户可到村委会办理。', link: 'https://www.cxs.gov.cn/dhz/2026/buchang.html' }],
        [100, '东华镇 李芳', evaluate('信访人表示认可。', '征地补偿信息应按标准目录主动公开。')],
      ],
    },
    {
      title: '某小区电梯故障困人',
      source: '12345热线',
      link: '',
      summary: '市民反映小区电梯多次故障，昨晚困人40分钟，要求监管部门介入。',
      involved: '市市场监督管理局',
      level: '一般',
      unit: 'market-regulation',
      ago: 10,
      steps: [[2, '市场监管局 杨雪', { kind: 'assess', risk: 'low', respond: true, how: '检查后通过网站回应检查结果和整改要求。' }]],
    },
    {
      title: '网传“楚雄南站将更名”',
      source: '短视频平台',
      link: 'https://video.example.cn/v/99031',
      summary: '短视频称高铁楚雄南站将更名，引发讨论。',
      involved: '市交通运输局',
      level: '一般',
      unit: 'transport',
      ago: 52,
      steps: [],
    },
    {
      title: '工业园区周边居民反映夜间异味',
      source: '微博',
      link: 'https://weibo.example.cn/cx/4921003',
      summary: '周边居民连续多晚反映刺激性气味，有网民称“化工厂泄漏”，转发量快速上升。',
      involved: '楚雄州生态环境局楚雄分局、楚雄经开区管委会',
      level: '较大',
      unit: 'ecology-environment',
      raiseTo: '重大',
      ago: 20,
      steps: [[6, '生态环境分局 张华', { kind: 'consult', participants: '生态环境分局、经开区管委会、市应急管理局', judgement: '需尽快查明气味来源，网传“泄漏”未经证实。', measures: '连夜开展走航监测。' }]],
    },
  ];
}

const CONCERNS: { question: string; answer: string; daysAgo: number; unit: string; links: { label: string; href: string }[]; item?: number }[] = [
  {
    question: '东瓜镇自来水发黄，还能不能喝？',
    answer: '经市疾控中心检测，东瓜镇供水水质各项指标符合《生活饮用水卫生标准》（GB 5749-2022）。\n此前部分小区水体发黄系管网冲洗所致，放水几分钟后即可恢复清澈。今后管网冲洗将提前三天在政府网站和小区公告。',
    daysAgo: 38,
    unit: 'water',
    links: [{ label: '市水务局关于东瓜镇供水水质检测结果的通报', href: '/records' }],
    item: 0,
  },
  {
    question: '楚雄市是否要实行住房限购？',
    answer: '楚雄市未出台住房限购政策。网传信息不实，相关线索已移交公安机关。房地产相关政策以市人民政府门户网站发布的为准。',
    daysAgo: 29,
    unit: 'housing-construction',
    links: [{ label: '政府信息公开目录（住房保障）', href: '/catalog' }],
    item: 2,
  },
  {
    question: '公交票价调整后，老年人还能免费乘车吗？',
    answer: '可以。调整方案明确老年人、残疾人、现役军人免费乘车政策不变，学生乘车实行5折优惠，并采纳公众建议将职业院校学生纳入优惠范围。',
    daysAgo: 13,
    unit: 'transport',
    links: [
      { label: '楚雄市城市公共交通票价调整方案（决策公开）', href: '/decisions' },
      { label: '方案征求意见采纳情况', href: '/decisions/results' },
    ],
    item: 6,
  },
  {
    question: '明年城乡居民医保缴费是不是“翻倍”了？',
    answer: '不是。2027年度城乡居民医保个人缴费标准按国家和省统一规定小幅调整，特困人员、低保对象等由财政按规定资助参保。具体标准见政策解读。',
    daysAgo: 16,
    unit: 'healthcare-security',
    links: [{ label: '关于2027年度城乡居民基本医疗保险缴费的政策解读', href: '/records' }],
    item: 5,
  },
  {
    question: '汛期哪些路段容易积水，怎样查询？',
    answer: '市应急管理局会同市住房和城乡建设局已梳理城区易积水点位，在政务微博和政府网站发布。强降雨期间请关注预警信息，尽量绕行易积水路段。',
    daysAgo: 9,
    unit: 'emergency',
    links: [{ label: '应急管理信息公开', href: '/records' }],
    item: 7,
  },
];

export async function seedOpinionDemo(core: Core, rootUnitId: number, log: (s: string) => void): Promise<void> {
  const existing = (await core.db.execute(sql`SELECT count(*)::int AS n FROM opinion_items WHERE root_unit_id = ${rootUnitId}`)).rows[0] as { n: number };
  if (existing.n > 0) return;
  const unitRows = (await core.db.execute(sql`SELECT id, slug, name FROM units WHERE id = ${rootUnitId} OR root_id = ${rootUnitId}`)).rows as { id: number; slug: string; name: string }[];
  const unit = (slug: string) => unitRows.find((u) => u.slug === slug);
  const seeds = items();
  if (seeds.some((s) => !unit(s.unit)) || CONCERNS.some((c) => !unit(c.unit))) return; // not the demo city
  const levels = await levelsOf(core.db, rootUnitId);
  const level = (name: string) => levels.find((l) => l.name === name)!;
  const now = core.clock.now().getTime();
  const H = 3_600_000;
  const ordered = seeds.map((s, i) => ({ s, i })).sort((a, b) => b.s.ago - a.s.ago);
  const ids = new Map<number, number>();
  const seq = new Map<number, number>();
  await core.db.transaction(async (tx) => {
    for (const { s, i } of ordered) {
      const registeredAt = new Date(now - s.ago * H);
      const year = new Date(registeredAt.getTime() + 8 * H).getUTCFullYear();
      seq.set(year, (seq.get(year) ?? 0) + 1);
      const code = `YQ${year}-${String(seq.get(year)).padStart(4, '0')}`;
      const first = level(s.level);
      const final = s.raiseTo ? level(s.raiseTo) : first;
      const closed = s.steps.some((x) => x[2].kind === 'evaluate');
      const [row] = await tx
        .insert(opinionItems)
        .values({ rootUnitId, code, title: s.title, source: s.source, link: s.link, firstSeenAt: new Date(registeredAt.getTime() - H), registeredAt, summary: s.summary, involved: s.involved, levelId: final.id, unitId: unit(s.unit)!.id, state: closed ? 'closed' : 'open' })
        .returning({ id: opinionItems.id });
      ids.set(i, row!.id);
      await tx.insert(opinionSteps).values({ itemId: row!.id, kind: 'register', at: registeredAt, recordedAt: registeredAt, actorName: OFFICE, levelId: first.id, major: first.major, details: { kind: 'register', level: first.name } });
      if (s.raiseTo) {
        const at = new Date(now - 3 * H);
        await tx.insert(opinionSteps).values({ itemId: row!.id, kind: 'level', at, recordedAt: at, actorName: OFFICE, levelId: final.id, major: final.major, details: { kind: 'level', from: first.name, to: final.name, reason: '“泄漏”传言扩散，转发量超过一万，按重大舆情处置。' } });
      }
      for (const [h, who, details] of s.steps) {
        const at = new Date(registeredAt.getTime() + h * H);
        await tx.insert(opinionSteps).values({ itemId: row!.id, kind: details.kind, at, recordedAt: at, actorName: who, details });
      }
    }
    const today = (d: number) => new Date(now - d * 24 * H + 8 * H).toISOString().slice(0, 10);
    for (const [k, c] of CONCERNS.entries()) {
      await tx.insert(opinionConcerns).values({ rootUnitId, code: `hy${(0xa0c000000000 + k * 7919 + rootUnitId * 104729).toString(16).slice(-12)}`, question: c.question, answer: c.answer, answeredOn: today(c.daysAgo), unitId: unit(c.unit)!.id, links: c.links, itemId: c.item !== undefined ? (ids.get(c.item) ?? null) : null });
    }
    for (const [k, e] of EVENTS.entries()) {
      const startsAt = new Date(now + e.daysFromNow * 24 * H);
      const published = e.transcript !== '';
      const [row] = await tx
        .insert(opinionEvents)
        .values({ rootUnitId, code: `fh${(0xf0e000000000 + k * 7919 + rootUnitId * 104729).toString(16).slice(-12)}`, kind: e.kind, topic: e.topic, startsAt, durationMinutes: e.minutes, place: e.place, speakers: e.speakers, intro: e.intro, unitId: unit(e.unit)!.id, state: published ? 'published' : 'announced', transcript: e.transcript, media: e.media, publishedAt: published ? new Date(startsAt.getTime() + 24 * H) : null, createdAt: new Date(startsAt.getTime() - 5 * 24 * H) })
        .returning({ id: opinionEvents.id });
      for (const [j, q] of e.questions.entries()) {
        const askedAt = new Date(Math.min(now, startsAt.getTime()) - (j + 1) * 5 * H);
        await tx.insert(opinionEventQuestions).values({ eventId: row!.id, asker: q.asker, question: q.question, state: q.state, answer: q.answer, answeredBy: q.answer ? unit(e.unit)!.name : '', reason: q.state === 'rejected' ? '与本次访谈主题无关，已转互动交流办理' : '', askedAt, moderatedAt: q.state === 'pending' ? null : askedAt, moderatedBy: q.state === 'pending' ? '' : OFFICE });
      }
    }
    for (const [k, c] of CANDIDATES.entries()) {
      await tx.insert(opinionCandidates).values({ rootUnitId, origin: c.origin, key: `demo-${k}`, title: c.title, link: c.link, summary: c.summary, source: c.source, publishedAt: new Date(now - (c.hoursAgo + 1) * H), firstSeenAt: new Date(now - c.hoursAgo * H) });
    }
  });
  log(`解读回应演示数据：${seeds.length} 条政务舆情，${CONCERNS.length} 条回应关切，${EVENTS.length} 场发布会和访谈。`);
}

interface EventSeed {
  kind: 'press' | 'interview';
  topic: string;
  daysFromNow: number;
  minutes: number;
  place: string;
  speakers: string;
  intro: string;
  unit: string;
  transcript: string;
  media: { label: string; href: string }[];
  questions: { asker: string; question: string; answer: string; state: 'pending' | 'approved' | 'rejected' }[];
}

const EVENTS: EventSeed[] = [
  {
    kind: 'press',
    topic: '楚雄市2026年汛期防汛救灾工作新闻发布会',
    daysFromNow: -20,
    minutes: 60,
    place: '楚雄市人民政府新闻发布厅',
    speakers: '市应急管理局局长\n市水务局副局长\n市气象局副局长',
    intro: '通报今年汛期全市降雨、灾情和防汛救灾工作情况，回应社会关注的易积水路段和转移安置问题。',
    unit: 'emergency',
    transcript:
      '主持人：各位媒体朋友，上午好。今天我们邀请市应急管理局、市水务局、市气象局介绍今年汛期防汛救灾工作情况。\n市应急管理局局长：今年入汛以来，全市平均降雨量较常年偏多一成，累计发布预警信息46期，提前转移群众1200余人，未发生人员伤亡。\n市水务局副局长：城区已完成32处易积水点改造，汛期前清淤排水管网86公里。',
    media: [
      { label: '发布会现场图片', href: 'https://www.cxs.gov.cn/xwfb/2026/fx/tp.html' },
      { label: '发布会视频回放', href: 'https://www.cxs.gov.cn/xwfb/2026/fx/sp.html' },
    ],
    questions: [
      { asker: '楚雄日报记者', question: '城区还有哪些易积水路段，市民怎样提前知道？', answer: '城区仍有5处易积水点正在改造，名单已在政府网站和政务微博公布；强降雨前将通过短信和政务新媒体发布绕行提示。', state: 'approved' },
      { asker: '楚雄电视台记者', question: '受灾群众的临时安置怎样保障？', answer: '全市设置应急避难场所41处，转移群众由乡镇统一安排食宿，困难群众按规定给予临时救助。', state: 'approved' },
    ],
  },
  {
    kind: 'press',
    topic: '楚雄市城市公共交通票价调整有关情况新闻发布会',
    daysFromNow: -6,
    minutes: 45,
    place: '楚雄市人民政府新闻发布厅',
    speakers: '市交通运输局局长\n市发展和改革局副局长',
    intro: '介绍公交票价调整方案的听证、征求意见和采纳情况，以及老年人、学生等群体的优惠政策。',
    unit: 'transport',
    transcript:
      '主持人：今天发布会介绍城市公共交通票价调整有关情况。\n市交通运输局局长：方案经过价格听证和30天公开征求意见，共收到意见312条，采纳或部分采纳58条。调整后普通线路票价保持1元不变，空调线路由1元调整为2元。\n市发展和改革局副局长：65周岁以上老年人、现役军人、残疾人继续免费乘车，学生乘车五折优惠。',
    media: [{ label: '发布会现场图片', href: 'https://www.cxs.gov.cn/xwfb/2026/gj/tp.html' }],
    questions: [{ asker: '彝州新闻记者', question: '刷卡换乘是否还有优惠？', answer: '60分钟内刷卡换乘第二程享受五折优惠，政策不变。', state: 'approved' }],
  },
  {
    kind: 'interview',
    topic: '在线访谈：城区停车难怎么解——市住房和城乡建设局局长与网友在线交流',
    daysFromNow: 3,
    minutes: 90,
    place: '楚雄市人民政府门户网站',
    speakers: '市住房和城乡建设局局长\n市公安局交通警察大队副大队长',
    intro: '围绕城区停车泊位建设、老旧小区停车改造和占道停车治理，与网友在线交流。访谈开始前和进行中均可提问。',
    unit: 'housing-construction',
    transcript: '',
    media: [],
    questions: [
      { asker: '鹿城老楚', question: '鹿城南路晚上停车太难，能否增设夜间临时停车位？', answer: '', state: 'approved' },
      { asker: '网友', question: '老旧小区改造时能不能同步建设充电桩和停车位？', answer: '', state: 'pending' },
      { asker: '网友', question: '我家门口的路灯坏了没人修。', answer: '', state: 'rejected' },
    ],
  },
];

const CANDIDATES: { origin: 'feed' | 'messages'; title: string; link: string; summary: string; source: string; hoursAgo: number }[] = [
  { origin: 'feed', title: '网民称东瓜镇某菜市场活禽检疫不规范', link: 'https://bbs.example.cn/cx/88121', summary: '论坛帖子称菜市场活禽摊位无检疫证明，跟帖30余条。', source: '某舆情监测服务商', hoursAgo: 2 },
  { origin: 'feed', title: '短视频：子午镇学校周边道路早高峰拥堵', link: 'https://v.example.cn/cx/5521', summary: '短视频播放量约2万，评论集中在接送车辆乱停。', source: '某舆情监测服务商', hoursAgo: 5 },
  { origin: 'messages', title: '互动交流“城乡建设 › 供水”24小时内收到6件相似留言：鹿城镇阳光小区停水三天', link: '', summary: '主题分类：城乡建设 › 供水。24小时内相似留言6件，首件“鹿城镇阳光小区停水三天”。', source: '互动交流', hoursAgo: 1 },
];
