// The bulk of the full demo: a few thousand 主动公开 records of the demo city over three years, generated
// deterministically (seeded PRNG) per unit: 政务动态, 通知公告 and 政策文件 on the unit's own topics, and
// records filed under the catalog items the unit adopted, titled as the item's information usually is
// (预算公开, 处罚决定书, 名单公示 …), with 文号 in the unit's own issuer code. Pure: no I/O, no clock.
import type { RecordInput } from '../domain/types.ts';

/** mulberry32: small, fast and deterministic. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GenUnit {
  id: number;
  slug: string;
  name: string;
  shortName: string;
  type: string;
}

export interface GenItem {
  id: number;
  level1: string;
  level2: string;
  domainName: string;
}

export interface GeneratedRecord {
  unitId: number;
  publishedOn: string;
  /** Publication instant (UTC), during Beijing office hours. */
  publishedAt: Date;
  input: RecordInput;
}

/** Issuer codes in 文号 (楚市财发〔2025〕12号): the city government, its office, departments; townships use their name. */
const ISSUER: Record<string, string> = {
  'city-government': '楚市政',
  'government-office': '楚市政办',
  'development-reform': '楚市发改',
  'education-sports': '楚市教体',
  'civil-affairs': '楚市民',
  justice: '楚市司',
  'public-security': '楚市公',
  finance: '楚市财',
  audit: '楚市审',
  statistics: '楚市统',
  'human-resources': '楚市人社',
  'natural-resources': '楚市自然资',
  'housing-construction': '楚市住建',
  transport: '楚市交运',
  water: '楚市水务',
  agriculture: '楚市农',
  'forestry-grassland': '楚市林草',
  'culture-tourism': '楚市文旅',
  health: '楚市卫健',
  'healthcare-security': '楚市医保',
  emergency: '楚市应急',
  'market-regulation': '楚市市监',
  petitions: '楚市信访',
  'government-services': '楚市政务',
  taxation: '楚市税',
  'ecology-environment': '楚环楚',
  'development-zone': '楚开管',
  archives: '楚市档',
};

/** What each unit writes about (its work, in the words of its own notices). */
const TOPICS: Record<string, readonly string[]> = {
  'city-government': ['优化营商环境', '重大项目建设', '乡村振兴', '民族团结进步示范创建', '安全生产', '森林草原防灭火', '防汛抗旱', '城市更新'],
  'government-office': ['政务公开', '政府网站和政务新媒体管理', '12345政务服务便民热线', '督查督办', '政务值班', '市长信箱办理'],
  'development-reform': ['重大项目谋划储备', '固定资产投资', '社会信用体系建设', '价格监测', '粮食安全', '节能降碳'],
  'education-sports': ['义务教育招生', '学生资助', '校园安全', '教师招聘', '全民健身', '学前教育普及'],
  'civil-affairs': ['城乡低保', '特困人员救助供养', '养老服务', '婚姻登记', '社会组织管理', '殡葬改革'],
  justice: ['普法宣传', '法律援助', '人民调解', '行政复议', '社区矫正', '法治政府建设'],
  'public-security': ['户籍管理', '道路交通安全', '反电信网络诈骗', '治安管理', '出入境证件办理', '平安建设'],
  finance: ['预算管理', '政府采购', '惠民惠农补贴', '国有资产管理', '政府债务管理', '财会监督'],
  audit: ['预算执行审计', '经济责任审计', '投资项目审计', '审计整改', '民生资金审计'],
  statistics: ['统计调查', '经济普查', '统计执法', '统计数据发布', '人口抽样调查'],
  'human-resources': ['就业创业', '职业技能培训', '事业单位公开招聘', '根治欠薪', '城乡居民养老保险', '劳动人事争议调解'],
  'natural-resources': ['国土空间规划', '耕地保护', '不动产登记', '地质灾害防治', '土地征收', '矿产资源管理'],
  'housing-construction': ['老旧小区改造', '农村危房改造', '保障性租赁住房', '建筑工程质量安全', '物业管理', '燃气安全'],
  transport: ['农村公路建设', '道路运输管理', '城市公交', '交通安全隐患排查', '公路养护'],
  water: ['农村饮水安全', '河湖长制', '水土保持', '防汛抗旱', '水利工程建设'],
  agriculture: ['乡村振兴', '高标准农田建设', '防止返贫监测帮扶', '农产品质量安全', '烤烟生产', '动物防疫'],
  'forestry-grassland': ['森林草原防灭火', '国土绿化', '林木采伐管理', '野生动植物保护', '生态护林员管理', '林草有害生物防治'],
  'culture-tourism': ['彝族火把节', '公共文化服务', '文化市场监管', '文物保护', '非物质文化遗产保护', '文旅融合发展'],
  health: ['基本公共卫生服务', '家庭医生签约服务', '疫苗接种', '医疗机构监管', '爱国卫生运动', '妇幼健康'],
  'healthcare-security': ['城乡居民医保参保缴费', '医保基金监管', '医疗救助', '门诊慢特病待遇', '药品集中带量采购'],
  emergency: ['安全生产', '森林火灾防控', '防汛救灾', '应急演练', '危险化学品安全', '自然灾害救助'],
  'market-regulation': ['食品安全', '药品安全', '特种设备安全', '市场主体登记', '价格监督检查', '消费者权益保护'],
  petitions: ['信访事项办理', '矛盾纠纷排查化解', '网上信访', '领导干部接访下访', '信访工作条例宣传'],
  'government-services': ['一网通办', '政务服务事项', '公共资源交易', '便民服务中心建设', '高效办成一件事'],
  taxation: ['减税降费', '纳税服务', '个人所得税汇算', '社保费征缴', '发票管理', '纳税信用评价'],
  'ecology-environment': ['大气污染防治', '水污染防治', '建设项目环评审批', '排污许可', '环境执法', '生态环境保护督察整改'],
  'development-zone': ['招商引资', '园区基础设施建设', '企业服务', '安全生产', '征地协调', '产业园区建设'],
  archives: ['档案开放利用', '档案接收', '政府信息查阅服务', '档案安全'],
};

const TOWNSHIP_TOPICS = ['乡村振兴', '防止返贫监测帮扶', '森林防火', '人居环境整治', '城乡低保', '惠农补贴发放', '矛盾纠纷排查化解', '安全生产', '防汛抗旱', '便民服务'];

const SUBJECT: Record<string, string> = {
  'city-government': '综合政务',
  'government-office': '综合政务',
  'development-reform': '国民经济管理、国有资产监管',
  'education-sports': '科技、教育',
  'civil-affairs': '民政、扶贫、救灾',
  justice: '公安、安全、司法',
  'public-security': '公安、安全、司法',
  finance: '财政、金融、审计',
  audit: '财政、金融、审计',
  statistics: '国民经济管理、国有资产监管',
  'human-resources': '劳动、人事、监察',
  'natural-resources': '国土资源、能源',
  'housing-construction': '城乡建设、环境保护',
  transport: '工业、交通',
  water: '农业、林业、水利',
  agriculture: '农业、林业、水利',
  'forestry-grassland': '农业、林业、水利',
  'culture-tourism': '文化、广电、新闻出版',
  health: '卫生、体育',
  'healthcare-security': '卫生、体育',
  emergency: '市场监管、安全生产监管',
  'market-regulation': '市场监管、安全生产监管',
  petitions: '综合政务',
  'government-services': '综合政务',
  taxation: '财政、金融、审计',
  'ecology-environment': '城乡建设、环境保护',
  'development-zone': '国民经济管理、国有资产监管',
  archives: '文化、广电、新闻出版',
};

const PLACES = ['鹿城镇', '东瓜镇', '吕合镇', '紫溪镇', '东华镇', '子午镇', '苍岭镇', '三街镇', '八角镇', '中山镇', '新村镇', '西舍路镇', '大过口乡', '树苴乡', '大地基乡'];
const CN_NUM = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

function pick<T>(r: () => number, list: readonly T[]): T {
  return list[Math.floor(r() * list.length)]!;
}

function int(r: () => number, lo: number, hi: number): number {
  return lo + Math.floor(r() * (hi - lo + 1));
}

const pad = (n: number) => String(n).padStart(2, '0');

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Chinese date for titles and bodies: 2025-03-07 → 2025年3月7日. */
function cnDate(iso: string): string {
  return `${Number(iso.slice(0, 4))}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;
}

/** How many records a unit publishes in a year, about. */
function yearlyVolume(u: GenUnit): number {
  if (u.slug === 'city-government') return 90;
  if (u.slug === 'government-office') return 60;
  if (u.type === 'township') return 18;
  if (u.slug === 'archives' || u.slug === 'petitions' || u.slug === 'statistics') return 14;
  return 26;
}

type Kind = 'item' | 'news' | 'notice' | 'policy';

interface Ctx {
  r: () => number;
  unit: GenUnit;
  year: number;
  writtenOn: string;
  topic: string;
  /** 文号 sequence per issuer code and year. */
  docSeq: Map<string, number>;
  /** 文号 already in use (the hand-written demo records): skipped. */
  taken: ReadonlySet<string>;
}

function issuerOf(u: GenUnit): string {
  return ISSUER[u.slug] ?? `${u.shortName.replace(/[镇乡]$/, '')}政`;
}

function docNo(c: Ctx, type: '发' | '通' | '函'): string {
  const issuer = `${issuerOf(c.unit)}${type}`;
  const key = `${issuer}:${c.year}`;
  let n = (c.docSeq.get(key) ?? 0) + int(c.r, 1, 3);
  while (c.taken.has(`${issuer}〔${c.year}〕${n}号`)) n++;
  c.docSeq.set(key, n);
  return `${issuer}〔${c.year}〕${n}号`;
}

function sentences(c: Ctx, genre: string, count: number, item?: GenItem): string[] {
  const { r, topic, year } = c;
  const place = pick(r, PLACES);
  const opening = item
    ? `根据《中华人民共和国政府信息公开条例》和本单位政务公开事项标准目录（${item.domainName}领域“${item.level2.replace(/"/g, '')}”事项）的要求，现将有关信息公开如下。`
    : `为深入贯彻落实党中央、国务院和省委、省政府关于${topic}的决策部署，按照州委、州政府工作要求，结合我市实际，制定本${genre === '新闻' ? '工作安排' : genre}。`;
  const all = [
    opening,
    `${year}年以来，全市${topic}工作稳步推进，累计完成${int(r, 12, 260)}项重点任务，涉及资金${(int(r, 30, 9800) / 10).toFixed(1)}万元，惠及群众${int(r, 300, 42000)}人次。`,
    `各乡镇、各部门要高度重视，明确责任分工，细化工作措施，确保${topic}各项任务按时保质完成。`,
    `${place}在${topic}工作中探索形成了“党建引领、群众参与、部门联动”的做法，群众满意度达${int(r, 90, 99)}.${int(r, 0, 9)}%。`,
    `会议指出，要坚持问题导向，对${topic}中发现的问题建立台账、限期整改，整改情况于每月${int(r, 5, 25)}日前报送。`,
    `${topic}资金严格实行专款专用，任何单位和个人不得截留、挤占、挪用，自觉接受审计监督和社会监督。`,
    `下一步，将持续深化${topic}，健全长效机制，推动工作从“有没有”向“好不好”转变。`,
    `对工作中弄虚作假、推诿扯皮造成不良影响的，依规依纪追究相关单位和人员责任。`,
    `联系单位：${c.unit.name}，联系电话：0878-${int(r, 3121000, 3129999)}。`,
  ];
  const out: string[] = [all[0]!];
  while (out.length < count) {
    const s = pick(r, all.slice(1));
    if (!out.includes(s)) out.push(s);
  }
  return out;
}

function bodyHtml(paragraphs: string[]): string {
  return paragraphs.map((p) => `<p>${p}</p>`).join('\n');
}

function itemTitle(c: Ctx, item: GenItem): { title: string; genre: string; docNo: string } {
  const { r, unit, year } = c;
  const l2 = item.level2.replace(/"([^"]*)"/g, '“$1”');
  const month = Number(c.writtenOn.slice(5, 7));
  const quarter = Math.ceil(month / 3);
  if (/预算|决算/.test(l2) && item.domainName === '财政预决算') {
    const y = /决算/.test(l2) ? year - 1 : year;
    return { title: `${unit.name}${y}年${l2.replace(/^部门|^政府/, unit.type === 'government' ? '政府' : '部门')}公开`, genre: '报告', docNo: '' };
  }
  if (/处罚/.test(l2)) return { title: `${unit.shortName}行政处罚决定书（${issuerOf(unit).replace(/^楚市/, '楚')}罚〔${year}〕${int(r, 1, 160)}号）`, genre: '决定', docNo: '' };
  if (/许可|审批|核准|登记/.test(l2)) return { title: `${unit.shortName}${year}年${month}月${l2.replace(/结果$/, '')}结果公示`, genre: '公告', docNo: '' };
  if (/名单|对象|公示|分配|发放|补偿|补助|补贴|救助/.test(l2)) return { title: `${unit.shortName}${year}年第${CN_NUM[quarter - 1]}季度${l2.replace(/公示$/, '')}公示`, genre: '公告', docNo: '' };
  if (/公告$/.test(l2)) return { title: `${unit.shortName}${l2}（${year}年第${int(r, 1, 12)}号）`, genre: '公告', docNo: '' };
  if (/预案|规划|方案|计划|政策|办法|标准/.test(l2)) return { title: `${unit.name}关于印发${year}年${l2}的通知`, genre: '通知', docNo: docNo(c, '发') };
  if (/指南|流程|名录|清单/.test(l2)) return { title: `${l2}（${year}年版）`, genre: '其他', docNo: '' };
  if (/通知|预警|信息|进展/.test(l2)) return { title: `${unit.shortName}关于发布${l2}的公告（${cnDate(c.writtenOn)}）`, genre: '公告', docNo: '' };
  return { title: `${unit.shortName}${year}年${month}月${l2.replace(/情况$/, '')}情况`, genre: '报告', docNo: '' };
}

function one(c: Ctx, kind: Kind, item: GenItem | undefined): Omit<RecordInput, 'publisherName'> {
  const { r, unit, year, topic } = c;
  const subject = SUBJECT[unit.slug] ?? (unit.type === 'township' ? '综合政务' : '其他');
  let title: string;
  let genre: string;
  let no = '';
  let column: RecordInput['generalColumn'] = null;
  if (kind === 'item' && item) {
    ({ title, genre, docNo: no } = itemTitle(c, item));
  } else if (kind === 'news') {
    column = 'news';
    genre = '新闻';
    const place = unit.type === 'township' ? unit.shortName : pick(r, PLACES);
    title = pick(r, [
      `${unit.shortName}召开${year}年${topic}工作推进会`,
      `${unit.shortName}开展${topic}专项检查`,
      `${unit.shortName}组织${topic}业务培训`,
      `${unit.shortName}部署${topic}重点工作`,
      unit.type === 'township' ? `${unit.shortName}党委政府主要领导到各村（社区）督导${topic}工作` : `${unit.shortName}到${place}调研${topic}工作`,
      `${place}${topic}工作取得阶段性成效`,
    ]);
  } else if (kind === 'notice') {
    column = 'notice';
    genre = pick(r, ['通知', '公告', '通告']);
    title = pick(r, [`关于做好${year}年${topic}工作的${genre}`, `关于开展${topic}工作的${genre}`, `${unit.shortName}关于${topic}有关事项的${genre}`]);
    if (genre === '通知' && r() < 0.6) no = docNo(c, '通');
  } else {
    column = 'policy';
    genre = pick(r, ['通知', '意见', '方案']);
    title =
      genre === '通知'
        ? `${unit.name}关于印发《楚雄市${year}年${topic}工作方案》的通知`
        : genre === '意见'
          ? `${unit.name}关于进一步加强${topic}工作的意见`
          : `楚雄市${year}年${topic}实施方案`;
    no = docNo(c, '发');
  }
  const text = sentences(c, genre, int(r, 5, 9), kind === 'item' ? item : undefined);
  const paragraphs: string[] = [];
  for (let i = 0; i < text.length; i += 2) paragraphs.push(text.slice(i, i + 2).join(''));
  if (genre !== '新闻') paragraphs.push(`${unit.name}`, cnDate(c.writtenOn));
  return {
    kind: 'record',
    interpretationForm: null,
    catalogItemId: kind === 'item' && item ? item.id : null,
    generalColumn: kind === 'item' && item ? null : column,
    title,
    docNo: no,
    writtenOn: c.writtenOn,
    formedOn: c.writtenOn,
    subject,
    genre,
    docType: 'other',
    needsInterpretation: false,
    keywords: [topic, item?.domainName ?? (unit.type === 'township' ? unit.shortName : '政务公开')].filter((k, i, a) => a.indexOf(k) === i),
    summary: text[0]!,
    bodyHtml: bodyHtml(paragraphs),
    disclosure: 'proactive',
    disclosureGrounds: [],
    disclosureNote: '',
    reevaluateOn: null,
  };
}

/**
 * The demo records of `years` for every unit, published before `today` (YYYY-MM-DD), in publication
 * order. `itemsByUnit`: the items each unit's catalog holds (the city: its standard catalog).
 */
export function generateDemoRecords(
  units: readonly GenUnit[],
  itemsByUnit: ReadonlyMap<number, readonly GenItem[]>,
  years: readonly number[],
  today: string,
  opts: { seed?: number; takenDocNos?: ReadonlySet<string> } = {},
): GeneratedRecord[] {
  const seed = opts.seed ?? 20261126;
  const taken = opts.takenDocNos ?? new Set<string>();
  const r = prng(seed);
  const docSeq = new Map<string, number>();
  const out: GeneratedRecord[] = [];
  for (const year of years) {
    for (const unit of units) {
      const items = itemsByUnit.get(unit.id) ?? [];
      const topics = TOPICS[unit.slug] ?? TOWNSHIP_TOPICS;
      const n = Math.round(yearlyVolume(unit) * (0.85 + r() * 0.3));
      for (let i = 0; i < n; i++) {
        const day = int(r, 0, 360);
        let writtenOn = addDays(`${year}-01-02`, day);
        let publishedOn = addDays(writtenOn, int(r, 0, 6));
        if (publishedOn >= today || publishedOn.slice(0, 4) !== String(year)) continue;
        const roll = r();
        const kind: Kind = roll < 0.45 && items.length ? 'item' : roll < 0.75 ? 'news' : roll < 0.92 ? 'notice' : 'policy';
        const item = kind === 'item' ? pick(r, items) : undefined;
        // Budgets go out in February and March, final accounts in August and September.
        const budget = item?.domainName === '财政预决算' ? /决算/.test(item.level2) ? '08' : /预算/.test(item.level2) ? '02' : null : null;
        if (budget) {
          writtenOn = `${year}-${budget}-${pad(int(r, 3, 26))}`;
          publishedOn = addDays(writtenOn, int(r, 3, 30));
          if (publishedOn >= today) continue;
        }
        const c: Ctx = { r, unit, year, writtenOn, topic: pick(r, topics), docSeq, taken };
        const input = { ...one(c, kind, item), publisherName: unit.name };
        const hh = int(r, 1, 9);
        out.push({ unitId: unit.id, publishedOn, publishedAt: new Date(`${publishedOn}T${pad(hh)}:${pad(int(r, 0, 59))}:00Z`), input });
      }
    }
  }
  return out.sort((a, b) => (a.publishedAt < b.publishedAt ? -1 : a.publishedAt > b.publishedAt ? 1 : 0));
}
