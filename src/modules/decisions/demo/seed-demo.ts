// Demo data for 楚雄市: the 2026 重大行政决策事项目录 (decisions at different steps, one with a
// hearing, one open for comment around `today`), a 2025 decision with its 决策后评估, and the 2026
// 政府工作报告's key tasks with monthly progress reports. Invented, plausible; loaded once.
import { eq } from 'drizzle-orm';
import type { Core } from '../../../core/services.ts';
import type { Tx } from '../../../core/db/index.ts';
import { units } from '../../../core/db/schema.ts';
import { importConsultation, type Answer } from '../deps.ts';
import { addDays } from '../domain/dates.ts';
import { decisionStatus, type Step } from '../domain/steps.ts';
import { decisionsTasks } from '../data/schema.ts';
import { nextCatalogVersion, insertCatalogVersion, insertDecision, insertFinding, insertMeeting, insertProgressOnce, insertProposal, insertStep, insertSurvey, insertSurveyResponses, insertTask, listSteps, setStepMeeting, setSurveyFeatured, updateDecision } from '../data/repository.ts';
import { repairDecisionsSearch } from '../data/search-index.ts';
import { defaultReplyDue } from '../domain/proposals.ts';
import { newCode, toRecords } from '../service.ts';
import type { StepDetails } from '../data/schema.ts';

type StepSeed = [Step, string | null, string, string, string?, StepDetails?];

interface DecisionSeed {
  year: number;
  title: string;
  lead: string;
  basis: string;
  plannedOn: string;
  draft: string;
  /** Days before `today` the comment period started; open if it is still running. */
  consultation?: { title: string; description: string; startsOn: string; endsOn: string; comments: [string, Answer | null, string][] };
  steps: StepSeed[];
  published?: { docNo: string; on: string; text: string; explanation: string };
}

const at = (iso: string) => new Date(`${iso}T02:00:00Z`);

function decisions(today: string): DecisionSeed[] {
  const openFrom = addDays(today, -12);
  return [
    {
      year: 2026,
      title: '楚雄市城市公共交通票价调整方案',
      lead: 'transport',
      basis: '《中华人民共和国价格法》；《政府制定价格听证办法》；《云南省定价目录》',
      plannedOn: '2026-06-30',
      draft: '一、城区公交普通线路票价由1元调整为1.5元；二、空调线路票价维持2元；三、老年人、残疾人、现役军人免费乘车政策不变；四、学生乘车实行5折优惠。',
      consultation: {
        title: '关于《楚雄市城市公共交通票价调整方案（征求意见稿）》公开征求意见的公告',
        description: '为保障城市公共交通可持续运营，市交通运输局会同市发展和改革局起草了票价调整方案。现公开征求社会公众意见，征集期30日。',
        startsOn: '2026-03-02',
        endsOn: '2026-03-31',
        comments: [
          ['建议学生优惠扩大到职业院校学生。', 'adopted', ''],
          ['票价上涨幅度过大，建议调整为1.2元。', 'not_adopted', '经成本监审，1.2元不能覆盖运营成本缺口，且调整后仍低于州内同类城市水平。'],
          ['建议同步增加早晚高峰班次。', 'partly_adopted', '已要求公交公司在3条客流最大线路高峰时段加密班次，其余线路视客流评估后调整。'],
        ],
      },
      steps: [
        ['launch', '2026-01-15', '市交通运输局', '经市人民政府同意，列入2026年重大行政决策事项目录，由市交通运输局承办。'],
        ['participation', '2026-03-02', '市交通运输局', '在市政府门户网站公开征求意见30日，收到意见3条，已逐条答复并公布采纳情况。'],
        ['expert', '2026-04-08', '市政府法律顾问、交通运输专家5名', '专家论证认为调价方案测算依据充分，建议同步完善低收入群体优惠。', '专家论证意见书'],
        ['risk', '2026-04-15', '市委政法委、市交通运输局', '社会稳定风险评估等级为低风险。', '社会稳定风险评估报告'],
        [
          'hearing',
          '2026-05-12',
          '市发展和改革局',
          '听证会在市政务服务中心举行，消费者代表、经营者代表、专家学者等15名参加人发表意见，多数赞成调价方案。',
          '听证会公告\n听证会笔录\n听证报告',
          { hearing: { noticeOn: '2026-04-20', participantsPublishedOn: '2026-04-30', materialsSentOn: '2026-05-02', heldOn: '2026-05-12', participants: '消费者代表7名（含学生家长2名、老年人代表1名）、经营者代表2名、专家学者2名、人大代表和政协委员各1名、政府部门代表2名' } },
        ],
        ['legality', '2026-05-25', '市司法局', '经审查，方案制定主体、程序和内容符合法律法规规定。', '合法性审查意见书'],
        ['collective', '2026-06-10', '市人民政府', '经市人民政府第28次常务会议讨论通过。', '会议纪要', { meeting: { name: '市人民政府第28次常务会议', topic: '研究城市公共交通票价调整方案', attendees: '市民代表2名、市政府法律顾问1名' } }],
      ],
      published: {
        docNo: '楚市政发〔2026〕18号',
        on: '2026-06-20',
        text: '自2026年8月1日起，城区公交普通线路票价调整为1.5元，空调线路维持2元；老年人、残疾人、现役军人继续免费乘车；全日制在校学生（含职业院校学生）乘车5折优惠。',
        explanation: '公开征求意见收到意见3条，采纳1条（学生优惠扩大到职业院校），部分采纳1条（高峰加密班次），不采纳1条并说明了理由；专家论证提出的完善低收入群体优惠的建议已采纳，对持低保证人员实行免费乘车。',
      },
    },
    {
      year: 2026,
      title: '楚雄市城区老旧小区改造三年行动方案（2026—2028年）',
      lead: 'housing-construction',
      basis: '《国务院办公厅关于全面推进城镇老旧小区改造工作的指导意见》；2026年市政府工作报告',
      plannedOn: '2026-05-31',
      draft: '三年改造城区2000年底前建成的老旧小区126个、涉及居民1.2万户，改造内容分基础类、完善类和提升类。',
      consultation: {
        title: '关于《楚雄市城区老旧小区改造三年行动方案（征求意见稿）》公开征求意见的公告',
        description: '市住房和城乡建设局起草了行动方案，现公开征求意见。',
        startsOn: '2026-02-10',
        endsOn: '2026-03-11',
        comments: [
          ['建议把加装电梯纳入完善类改造内容。', 'adopted', ''],
          ['改造期间请公示施工单位和投诉电话。', 'adopted', ''],
        ],
      },
      steps: [
        ['launch', '2026-01-08', '市住房和城乡建设局', '列入目录，由市住房和城乡建设局承办。'],
        ['participation', '2026-02-10', '市住房和城乡建设局', '公开征求意见30日，收到意见2条，均采纳。'],
        ['expert', '2026-03-20', '规划、建筑专家4名', '专家论证通过。'],
        ['risk', '2026-03-25', '市住房和城乡建设局', '风险评估为低风险。'],
        ['hearing', null, '', '', undefined],
        ['legality', '2026-04-10', '市司法局', '经审查，合法。'],
        ['collective', '2026-04-22', '市人民政府', '经市人民政府第25次常务会议讨论通过。', '', { meeting: { name: '市人民政府第25次常务会议', topic: '研究城区老旧小区改造三年行动方案', attendees: '社区居民代表2名' } }],
        ['implementation', '2026-05-10', '市住房和城乡建设局', '2026年度改造42个小区，已纳入重点工作，进展按月公开。'],
      ],
      published: {
        docNo: '楚市政发〔2026〕12号',
        on: '2026-04-30',
        text: '2026—2028年改造城区老旧小区126个，2026年完成42个。',
        explanation: '公众意见2条均已采纳：加装电梯纳入完善类改造内容；施工期间在小区公示施工单位和投诉电话。',
      },
    },
    {
      year: 2026,
      title: '楚雄市“十五五”教育事业发展规划',
      lead: 'education-sports',
      basis: '《教育强国建设规划纲要（2024—2035年）》；《云南省“十五五”教育事业发展规划》编制要求',
      plannedOn: '2027-01-31',
      draft: '到2030年，学前教育普惠率达到92%以上，义务教育优质均衡发展，新建改扩建中小学校12所。',
      consultation: {
        title: '关于《楚雄市“十五五”教育事业发展规划（征求意见稿）》公开征求意见的公告',
        description: '市教育体育局起草了规划征求意见稿，现公开征求社会各界意见，征集期30日。欢迎通过本页提出意见。',
        startsOn: openFrom,
        endsOn: addDays(openFrom, 29),
        comments: [['建议在城东片区规划一所九年一贯制学校。', null, '']],
      },
      steps: [['launch', '2026-09-01', '市教育体育局', '列入目录（第2版新增），由市教育体育局承办。']],
    },
    {
      year: 2026,
      title: '楚雄市生活垃圾分类管理实施办法',
      lead: 'housing-construction',
      basis: '《中华人民共和国固体废物污染环境防治法》；《云南省生活垃圾分类管理办法》',
      plannedOn: '2026-12-31',
      draft: '城区实行可回收物、有害垃圾、厨余垃圾、其他垃圾四分类，机关事业单位率先实行强制分类。',
      consultation: {
        title: '关于《楚雄市生活垃圾分类管理实施办法（征求意见稿）》公开征求意见的公告',
        description: '现公开征求意见。',
        startsOn: '2026-09-15',
        endsOn: '2026-10-14',
        comments: [
          ['建议小区厨余垃圾定时定点投放时间延长到晚上9点。', 'adopted', ''],
          ['建议对不分类投放的先教育后处罚。', null, ''],
          ['请明确物业服务企业的分类责任。', null, ''],
        ],
      },
      steps: [
        ['launch', '2026-07-01', '市住房和城乡建设局', '列入目录，由市住房和城乡建设局承办。'],
        ['participation', '2026-09-15', '市住房和城乡建设局', '公开征求意见30日（跨国庆假期），正在逐条研究答复。'],
      ],
    },
    {
      year: 2026,
      title: '楚雄市龙川江流域水环境综合治理方案',
      lead: 'water',
      basis: '《中华人民共和国水污染防治法》；《云南省河湖长制条例》',
      plannedOn: '2026-10-31',
      draft: '',
      steps: [
        ['launch', '2026-03-10', '市水务局', '列入目录，由市水务局承办。'],
        ['participation', null, '', '', '方案涉及的工程项目已分别依法公开征求意见，本方案为工作部署，经市政府同意不再单独公开征求意见。'],
        ['expert', '2026-06-18', '水利、环境专家6名', '论证认为治理目标可行，建议增加面源污染治理内容。'],
        ['risk', '2026-07-02', '市水务局', '风险评估为低风险。'],
        ['hearing', null, '', '', '不涉及特定群体重大利益，不举行听证。'],
      ],
    },
    {
      year: 2026,
      title: '楚雄市农村集体经营性建设用地入市试点实施方案',
      lead: 'natural-resources',
      basis: '《中华人民共和国土地管理法》第六十三条',
      plannedOn: '2026-12-31',
      draft: '',
      steps: [['launch', '2026-10-20', '市自然资源局', '经市人民政府同意列入目录（第2版新增）。']],
    },
    {
      year: 2025,
      title: '楚雄市城区停车设施建设和管理办法',
      lead: 'transport',
      basis: '《云南省机动车停车场管理条例》',
      plannedOn: '2025-06-30',
      draft: '',
      steps: [
        ['launch', '2025-01-10', '市交通运输局', '列入2025年目录。'],
        ['participation', null, '', '', '（历史数据：本平台上线前已在市政府网站公开征求意见，采纳情况见当时公告。）'],
        ['expert', '2025-03-01', '交通专家3名', '论证通过。'],
        ['risk', '2025-03-05', '市交通运输局', '低风险。'],
        ['hearing', null, '', '', '不涉及价格调整，不举行听证。'],
        ['legality', '2025-04-01', '市司法局', '合法。'],
        ['collective', '2025-04-18', '市人民政府', '经市人民政府第9次常务会议讨论通过。', '', { meeting: { name: '市人民政府第9次常务会议', topic: '研究城区停车设施建设和管理办法', attendees: '' } }],
        ['implementation', '2025-06-01', '市交通运输局', '办法自2025年6月1日起施行。'],
        ['evaluation', '2026-06-15', '云南民族大学公共管理学院（第三方）', '评估认为办法施行一年来新增公共停车泊位3200个，城区占道停车投诉下降41%；建议完善错时共享停车和收费标准动态调整机制。评估同时开展了社情民意调查，收回有效问卷1260份，满意和基本满意率为86.5%。', '决策后评估报告\n专家意见汇总\n社情民意调查结果'],
      ],
      published: { docNo: '楚市政发〔2025〕9号', on: '2025-04-25', text: '《楚雄市城区停车设施建设和管理办法》自2025年6月1日起施行。', explanation: '本决策在平台上线前完成公众参与，意见采纳情况已随征求意见公告公布。' },
    },
  ];
}

interface TaskSeed {
  title: string;
  lead: string;
  supporting?: string;
  steps?: string;
  dueOn: string;
  /** Percent at the end of each month from February, published; the last may be left waiting for review. */
  monthly?: number[];
  pendingLast?: boolean;
  children?: TaskSeed[];
}

const TASKS: TaskSeed[] = [
  {
    title: '推进城市更新，提升城市品质',
    lead: 'housing-construction',
    dueOn: '2026-12-31',
    children: [
      { title: '完成城区42个老旧小区改造', lead: 'housing-construction', supporting: '市财政局、各街道办事处', steps: '3月底前完成项目立项\n6月底前全部开工\n12月底前完成竣工验收', dueOn: '2026-12-31', monthly: [5, 12, 20, 32, 45, 58, 66, 74, 80, 86] },
      { title: '新增城市公共停车泊位1500个', lead: 'transport', supporting: '市自然资源局', dueOn: '2026-11-30', monthly: [8, 15, 25, 38, 50, 62, 75, 85, 92], pendingLast: true },
      { title: '建成城市生活垃圾分类示范片区5个', lead: 'housing-construction', dueOn: '2026-12-31', monthly: [0, 5, 10, 15, 20] },
    ],
  },
  {
    title: '办好教育民生实事',
    lead: 'education-sports',
    dueOn: '2026-12-31',
    children: [
      { title: '新增公办幼儿园学位1200个', lead: 'education-sports', dueOn: '2026-09-01', monthly: [10, 25, 40, 55, 70, 85, 100] },
      { title: '完成12所农村学校校舍改造', lead: 'education-sports', supporting: '市财政局', dueOn: '2026-12-31', monthly: [5, 10, 20, 30, 45, 60, 70, 78, 85, 90] },
    ],
  },
  {
    title: '龙川江水质稳定达到Ⅲ类',
    lead: 'water',
    supporting: '市生态环境局、沿江各乡镇',
    steps: '实施截污纳管工程\n开展河道清淤\n建设人工湿地3处',
    dueOn: '2026-12-31',
    monthly: [10, 18, 25, 33, 40, 48, 55, 60, 62],
  },
  {
    title: '城镇新增就业8000人',
    lead: 'human-resources',
    dueOn: '2026-12-31',
    monthly: [9, 18, 27, 36, 46, 55, 64, 73, 82, 90],
  },
  {
    title: '建成“一网通办”政务服务事项全覆盖',
    lead: 'government-services',
    dueOn: '2026-06-30',
    monthly: [20, 35, 50, 62, 75],
  },
];

/** Loads the demo once per city (skipped when the city already has key tasks, i.e. it was loaded). */
export async function seedDecisionsDemo(core: Core, rootUnitId: number, today: string, log: (line: string) => void = () => {}): Promise<void> {
  const existing = await core.db.select({ id: decisionsTasks.id }).from(decisionsTasks).where(eq(decisionsTasks.rootUnitId, rootUnitId)).limit(1);
  if (existing.length) return;
  const unitRows = await core.db.select({ id: units.id, slug: units.slug, name: units.name, rootId: units.rootId }).from(units);
  const inCity = unitRows.filter((u) => u.id === rootUnitId || u.rootId === rootUnitId);
  const unitId = (slug: string) => inCity.find((u) => u.slug === slug)?.id ?? rootUnitId;
  const unitName = (id: number) => inCity.find((u) => u.id === id)?.name ?? '';
  await core.db.transaction(async (tx) => {
    const made: { code: string; id: number; year: number; title: string; lead: number; basis: string; plannedOn: string; launched: string }[] = [];
    for (const s of decisions(today)) {
      const d = await insertDecision(tx, { publicCode: newCode('jc'), rootUnitId, year: s.year, title: s.title, leadUnitId: unitId(s.lead), basis: s.basis, plannedOn: s.plannedOn, draft: s.draft, createdAt: at(s.steps[0]![1]!) });
      if (s.consultation) {
        const c = s.consultation;
        const closed = c.comments.every((m) => m[1]) && c.endsOn < today;
        const row = await importConsultation(
          tx,
          { subject: 'decision', unitId: d.leadUnitId, title: c.title, description: c.description, startsOn: c.startsOn, endsOn: c.endsOn, closedAt: closed ? at(addDays(c.endsOn, 5)) : null, createdAt: at(c.startsOn) },
          c.comments.map(([body, answer, reason], i) => ({ name: '', contact: `1388780${String(1000 + i)}`, body, submittedAt: at(addDays(c.startsOn, 3 + i * 4)), answer: answer ?? undefined, reason, answeredByName: '市政务公开办' })),
        );
        await updateDecision(tx, d.id, { consultationId: row.id });
      }
      for (const [step, on, actor, summary, docsOrReason, details] of s.steps) {
        await insertStep(tx, {
          decisionId: d.id,
          step,
          state: on ? 'done' : 'skipped',
          doneOn: on,
          actor,
          summary,
          documents: on ? (docsOrReason ?? '') : '',
          skipReason: on ? null : (docsOrReason ?? '不适用'),
          details: details ?? {},
          recordedByName: '市政务公开办',
          recordedAt: at(on ?? s.steps[0]![1]!),
        });
      }
      if (s.published) {
        const p = s.published;
        await updateDecision(tx, d.id, { docNo: p.docNo, decisionText: p.text, adoptionExplanation: p.explanation, publishedOn: p.on });
        await insertStep(tx, { decisionId: d.id, step: 'publication', state: 'done', doneOn: p.on, actor: '市人民政府', summary: `通过市政府门户网站和《楚雄市人民政府公报》公布（${p.docNo}）。`, documents: '', details: {}, recordedByName: '市政务公开办', recordedAt: at(p.on) });
      }
      made.push({ code: d.publicCode, id: d.id, year: s.year, title: s.title, lead: d.leadUnitId, basis: s.basis, plannedOn: s.plannedOn, launched: s.steps[0]![1]! });
    }
    // The 2026 catalog: version 1 in March, version 2 in October adding two items.
    const entriesAt = async (year: number, asOf: string) => {
      const list = made.filter((m) => m.year === year && m.launched <= asOf);
      const steps = await listSteps(tx, list.map((m) => m.id));
      return list.map((m) => ({
        code: m.code,
        title: m.title,
        leadUnit: unitName(m.lead),
        basis: m.basis,
        plannedOn: m.plannedOn,
        status: decisionStatus(toRecords(steps.filter((x) => x.decisionId === m.id && x.doneOn !== null && x.doneOn <= asOf)), false),
      }));
    };
    await insertCatalogVersion(tx, { rootUnitId, year: 2025, version: await nextCatalogVersion(tx, rootUnitId, 2025), entries: await entriesAt(2025, '2025-02-01'), reason: '首次发布', publishedOn: '2025-02-01', publishedByName: '市政务公开办', publishedAt: at('2025-02-01') });
    await insertCatalogVersion(tx, { rootUnitId, year: 2026, version: await nextCatalogVersion(tx, rootUnitId, 2026), entries: await entriesAt(2026, '2026-03-15'), reason: '首次发布（经市人民政府第21次常务会议审定）', publishedOn: '2026-03-15', publishedByName: '市政务公开办', publishedAt: at('2026-03-15') });
    await insertCatalogVersion(tx, { rootUnitId, year: 2026, version: await nextCatalogVersion(tx, rootUnitId, 2026), entries: await entriesAt(2026, '2026-10-25'), reason: '新增“楚雄市‘十五五’教育事业发展规划”“楚雄市农村集体经营性建设用地入市试点实施方案”两项', publishedOn: '2026-10-25', publishedByName: '市政务公开办', publishedAt: at('2026-10-25') });
    // The meetings that decided them (常务会议), with their published 纪要, and a 专题会议 on key tasks.
    const seeds = decisions(today);
    for (let i = 0; i < seeds.length; i++) {
      const collective = seeds[i]!.steps.find((x) => x[0] === 'collective' && x[1] && x[5]?.meeting);
      const m = collective?.[5]?.meeting;
      if (!collective || !m || collective[1]! > today) continue;
      const meeting = await insertMeeting(
        tx,
        {
          publicCode: newCode('hy'),
          rootUnitId,
          kind: 'executive',
          name: m.name,
          heldOn: collective[1]!,
          topics: `${m.topic}\n听取有关部门工作汇报`,
          attendees: m.attendees,
          summary: `${collective[1]}，市长主持召开${m.name}。会议${m.topic.replace(/^研究/, '研究了')}，原则同意，要求承办单位根据会议意见修改完善后按程序印发实施，并做好政策解读和舆情回应。`,
          interpretation: '',
          publishedOn: addDays(collective[1]!, 2),
          recordedByName: '市政务公开办',
          createdAt: at(addDays(collective[1]!, 2)),
        },
        [made[i]!.id],
      );
      await setStepMeeting(tx, made[i]!.id, meeting.id);
    }
    const parking = made.find((m) => m.title === '楚雄市城区停车设施建设和管理办法');
    if (parking && today >= '2026-06-01') await seedSurvey(tx, parking.id);
    if (today >= '2026-07-20') {
      await insertMeeting(
        tx,
        {
          publicCode: newCode('hy'),
          rootUnitId,
          kind: 'special',
          name: '市人民政府重点工作推进专题会议',
          heldOn: '2026-07-18',
          topics: '听取2026年政府工作报告重点工作上半年进展情况\n研究“一网通办”逾期任务整改措施',
          attendees: '市人大代表1名、市政协委员1名',
          summary: '会议听取了各牵头单位上半年重点工作进展汇报。会议指出，“一网通办”全覆盖任务未按期完成，要求市政务服务管理局制定整改方案，12月底前完成剩余事项对接；垃圾分类示范片区建设进度滞后，要求市住房和城乡建设局按月报送进展。',
          interpretation: '',
          publishedOn: '2026-07-20',
          recordedByName: '市政务公开办',
          createdAt: at('2026-07-20'),
        },
        [],
      );
    }
    const tasks = await seedTasks(tx, rootUnitId, unitId, today);
    await seedProposals(tx, rootUnitId, unitId, today);
    await seedFindings(tx, rootUnitId, unitId, tasks, today);
  });
  await repairDecisionsSearch(core.db);
  log('决策公开演示数据：2026年重大行政决策事项目录（2个版本）、7项决策、重点工作及月度进展、政府常务会议、决策后评估的社情民意调查、建议提案办理、督查审计整改。');
}

/**
 * The parking decision's 决策后评估 survey (2026-05-10 to 05-31): 1,260 answers, 620 满意 + 470 基本满意
 * = 86.5 %, as the evaluation report says; a few written suggestions, two of them chosen for publication.
 */
async function seedSurvey(tx: Tx, decisionId: number): Promise<void> {
  const survey = await insertSurvey(tx, {
    publicCode: newCode('dc'),
    decisionId,
    title: '《楚雄市城区停车设施建设和管理办法》实施效果社情民意调查',
    intro: '办法施行已满一年。为评估实施效果，现开展问卷调查，匿名填写，约需2分钟。调查结果将用于决策后评估报告。',
    questions: [
      { kind: 'single', text: '您对办法施行以来城区停车状况的改善是否满意？', options: ['满意', '基本满意', '不满意'] },
      { kind: 'multiple', text: '您认为最需要改进的是哪些方面？', options: ['增加公共停车泊位', '推广错时共享停车', '调整收费标准', '加强违停执法'] },
      { kind: 'text', text: '您对停车管理还有什么意见建议？', options: [] },
    ],
    opensOn: '2026-05-10',
    closesOn: '2026-05-31',
    createdByName: '市政务公开办',
    createdAt: at('2026-05-08'),
  });
  const texts = ['建议医院、学校周边增设临时停车位。', '小区夜间可以向周边居民开放共享停车。', '希望停车收费能用手机统一缴费。', '老城区道路窄，违停太多，应加强执法。', '建议公布各停车场的实时空余泊位。', '收费标准应该公开，节假日不要涨价。'];
  const rows = Array.from({ length: 1260 }, (_, i) => {
    const satisfaction = i < 620 ? 0 : i < 1090 ? 1 : 2;
    const improve = [0, 1, 2, 3].filter((k) => (i * (k + 3)) % (k + 2) === 0);
    const text = i % 90 === 5 ? texts[(i / 90) % texts.length | 0]! : null;
    return { surveyId: survey.id, submissionKey: `demo-survey-${survey.id}-${i}`, answers: [satisfaction, improve.length ? improve : [0], text], submittedAt: at(addDays('2026-05-10', i % 22)) };
  });
  const stored = await insertSurveyResponses(tx, rows);
  const withText = stored.filter((r) => r.answers[2]);
  await setSurveyFeatured(
    tx,
    survey.id,
    withText.slice(0, 2).map((r) => ({ responseId: r.id, question: 2 })),
  );
}

async function seedTasks(tx: Tx, rootUnitId: number, unitId: (slug: string) => number, today: string): Promise<Map<string, number>> {
  const byTitle = new Map<string, number>();
  let order = 0;
  const add = async (t: TaskSeed, parentId: number | null) => {
    const row = await insertTask(tx, {
      publicCode: newCode('zd'),
      rootUnitId,
      year: 2026,
      parentId,
      source: '2026年市政府工作报告',
      title: t.title,
      steps: t.steps ?? '',
      leadUnitId: unitId(t.lead),
      supportingUnits: t.supporting ?? '',
      startsOn: '2026-02-01',
      dueOn: t.dueOn,
      sortOrder: order++,
    });
    byTitle.set(t.title, row.id);
    const monthly = t.monthly ?? [];
    for (let i = 0; i < monthly.length; i++) {
      const reportedOn = monthEnd(2026, 2 + i);
      if (reportedOn > today) break;
      const pending = t.pendingLast && i === monthly.length - 1;
      await insertProgressOnce(tx, {
        taskId: row.id,
        submissionKey: `demo-${row.publicCode}-${i}`,
        reportedOn,
        percent: monthly[i]!,
        done: `截至${reportedOn}，${t.title}累计完成${monthly[i]}%。`,
        problems: monthly[i]! - (monthly[i - 1] ?? 0) < 5 ? '进度滞后，主要是资金拨付和施工组织衔接不够。' : '',
        nextSteps: monthly[i]! >= 100 ? '' : '下月继续按计划推进。',
        state: pending ? 'submitted' : 'published',
        submittedByName: '责任单位信息员',
        submittedAt: at(reportedOn),
        reviewedByName: pending ? null : '市政务公开办',
        reviewedAt: pending ? null : at(addDays(reportedOn, 3)),
      });
    }
    for (const c of t.children ?? []) await add(c, row.id);
  };
  for (const t of TASKS) await add(t, null);
  return byTitle;
}

interface ProposalSeed {
  kind: 'npc' | 'cppcc';
  number: string;
  title: string;
  proposer: string;
  lead: string;
  supporting?: string;
  assignedOn: string;
  reply?: { on: string; result: 'A' | 'B' | 'C'; text: string; satisfaction?: 'satisfied' | 'basically' | 'unsatisfied'; publicity?: 'full' | 'summary' | 'none'; summary?: string; reason?: string; publishedOn?: string };
}

const PROPOSALS: ProposalSeed[] = [
  {
    kind: 'npc',
    number: '0012',
    title: '关于增设龙川江滨江步道夜间照明的建议',
    proposer: '李明代表',
    lead: 'housing-construction',
    supporting: '市水务局',
    assignedOn: '2026-03-20',
    reply: {
      on: '2026-06-10',
      result: 'A',
      text: '李明代表：\n您提出的《关于增设龙川江滨江步道夜间照明的建议》收悉，现答复如下：\n我局会同市水务局对滨江步道照明情况进行了实地踏勘，已于5月底前在鹿城桥至开发区段新增太阳能路灯126盏，步道夜间照明已实现全覆盖。下一步将把步道照明纳入城市照明日常养护范围。\n感谢您对城市建设工作的关心和支持。',
      satisfaction: 'satisfied',
      publicity: 'full',
      publishedOn: '2026-06-25',
    },
  },
  {
    kind: 'npc',
    number: '0027',
    title: '关于加快农村学校校舍改造的建议',
    proposer: '张桂芬等5名代表',
    lead: 'education-sports',
    supporting: '市财政局',
    assignedOn: '2026-03-20',
    reply: {
      on: '2026-06-18',
      result: 'B',
      text: '张桂芬等代表：\n你们提出的建议收悉。2026年市政府工作报告已将“完成12所农村学校校舍改造”列为重点工作，目前已开工10所，计划于年底前全部完工。剩余学校的改造已列入“十五五”教育事业发展规划。',
      satisfaction: 'basically',
      publicity: 'full',
      publishedOn: '2026-07-02',
    },
  },
  {
    kind: 'npc',
    number: '0045',
    title: '关于在城区增设老年助餐点的建议',
    proposer: '王华代表',
    lead: 'civil-affairs',
    assignedOn: '2026-03-20',
  },
  {
    kind: 'cppcc',
    number: '0108',
    title: '关于推进城市生活垃圾分类的提案',
    proposer: '赵静委员',
    lead: 'housing-construction',
    assignedOn: '2026-03-25',
    reply: {
      on: '2026-06-20',
      result: 'C',
      text: '赵静委员：\n您的提案收悉。受财力和处理设施建设周期限制，全域推行垃圾分类尚需时日，今年先建设5个示范片区……（复文涉及企业报价，公开摘要）',
      satisfaction: 'basically',
      publicity: 'summary',
      summary: '今年先建成5个垃圾分类示范片区，总结经验后逐步推开；厨余垃圾处理设施建设纳入2027年计划。',
      publishedOn: '2026-07-05',
    },
  },
  {
    kind: 'cppcc',
    number: '0131',
    title: '关于优化政务服务“一网通办”的提案',
    proposer: '陈立委员',
    lead: 'government-services',
    assignedOn: '2026-03-25',
    reply: { on: '2026-06-24', result: 'B', text: '陈立委员：\n您的提案收悉。目前全市政务服务事项网上可办率已达75%……', satisfaction: 'unsatisfied' },
  },
];

async function seedProposals(tx: Tx, rootUnitId: number, unitId: (slug: string) => number, today: string) {
  for (const p of PROPOSALS) {
    if (p.assignedOn > today) continue;
    const r = p.reply && p.reply.on <= today ? p.reply : undefined;
    const published = r?.publishedOn && r.publishedOn <= today ? r.publishedOn : null;
    await insertProposal(tx, {
      publicCode: newCode('ja'),
      rootUnitId,
      kind: p.kind,
      year: 2026,
      number: p.number,
      title: p.title,
      proposer: p.proposer,
      leadUnitId: unitId(p.lead),
      supportingUnits: p.supporting ?? '',
      assignedOn: p.assignedOn,
      dueOn: defaultReplyDue(p.assignedOn),
      repliedOn: r?.on ?? null,
      result: r?.result ?? null,
      replyText: r?.text ?? null,
      repliedByName: r ? '主办单位信息员' : null,
      satisfaction: r?.satisfaction ?? null,
      publicity: published ? (r!.publicity ?? 'full') : null,
      publicSummary: published ? (r!.summary ?? null) : null,
      withheldReason: published ? (r!.reason ?? null) : null,
      publishedOn: published,
      createdAt: at(p.assignedOn),
    });
  }
}

async function seedFindings(tx: Tx, rootUnitId: number, unitId: (slug: string) => number, tasks: Map<string, number>, today: string) {
  const rows = [
    { kind: 'inspection' as const, source: '2026年第二季度重点工作专项督查', unit: 'housing-construction', task: '建成城市生活垃圾分类示范片区5个', foundOn: '2026-07-10', finding: '示范片区建设进度滞后，5个片区中仅1个完成设施配置，进展报告连续两月未报送。', measures: '9月底前完成其余片区设施招标，按月报送进展。', rectifyBy: '2026-09-30', rectifiedOn: null, result: null },
    { kind: 'audit' as const, source: '2026年度市本级预算执行审计', unit: 'education-sports', task: '完成12所农村学校校舍改造', foundOn: '2026-08-20', finding: '校舍改造专项资金1260万元拨付滞后，至7月底仅拨付38%。', measures: '10月底前按工程进度拨付到位。', rectifyBy: '2026-10-31', rectifiedOn: '2026-10-25', result: '已按工程进度拨付专项资金至82%，剩余资金待竣工验收后拨付。' },
    { kind: 'inspection' as const, source: '2026年第三季度重点工作专项督查', unit: 'government-services', task: '建成“一网通办”政务服务事项全覆盖', foundOn: '2026-07-15', finding: '“一网通办”全覆盖任务未按6月30日时限完成，仍有87项事项不能网上办理。', measures: '12月底前完成剩余事项的系统对接。', rectifyBy: '2026-12-31', rectifiedOn: null, result: null },
    { kind: 'audit' as const, source: '2025年度停车设施建设资金专项审计', unit: 'transport', task: '', foundOn: '2026-03-12', finding: '2个停车场项目未按合同约定收取特许经营权使用费，少收48万元。', measures: '6月底前追缴到位。', rectifyBy: '2026-06-30', rectifiedOn: '2026-07-08', result: '已追缴48万元并缴入国库。' },
  ];
  for (const f of rows) {
    if (f.foundOn > today) continue;
    const done = f.rectifiedOn && f.rectifiedOn <= today;
    await insertFinding(tx, {
      publicCode: newCode('dc'),
      rootUnitId,
      kind: f.kind,
      source: f.source,
      unitId: unitId(f.unit),
      taskId: f.task ? (tasks.get(f.task) ?? null) : null,
      foundOn: f.foundOn,
      finding: f.finding,
      measures: f.measures,
      rectifyBy: f.rectifyBy,
      rectifiedOn: done ? f.rectifiedOn : null,
      result: done ? f.result : null,
      recordedByName: '市政务公开办',
      createdAt: at(f.foundOn),
    });
  }
}

function monthEnd(year: number, month: number): string {
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

