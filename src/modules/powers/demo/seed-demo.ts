// Demo data in demo mode (GONGKAI_DEMO=1), once per unit: 东瓜镇's 权责清单 with the composition of a real
// Yunnan township list (法定 108 = 基本目录 82 + 州赋予 26; 赋权 127 = 122 处罚 by 下放 + 5 by 委托, like the
// 大姚县 2023 list in regulation-wave2 §1.2), the 市场监管局's list, 执法 information, 200+ decisions over the
// past year (some late, some overdue, some withdrawn) and 22 办事指南 with forms. Rows go in set-based.
import { sql } from 'drizzle-orm';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import type { Core } from '../../../core/services.ts';
import { systemActor, type Actor } from '../../../core/audit/index.ts';
import { shanghaiToday } from '../../../core/clock.ts';
import { addCalendarDays, type WorkCalendar } from '../../../core/calendar/working-days.ts';
import { provisionalOnce } from '../../../core/calendar/provisional.ts';
import { fileStorage } from '../../../core/files/storage.ts';
import { FILE_TYPES } from '../../../core/files/sniff.ts';
import { findUnitBySlug, type UnitRow } from '../http/deps.ts';
import { DEFAULT_POWER_TYPES, type PowerRow, type PowerSource } from '../domain/power-list.ts';
import { publicationDue, withdrawalDue, type DecisionKind } from '../domain/enforcement.ts';
import { formFileName } from '../domain/guide.ts';
import { repairGuideSearch } from '../data/guide-search.ts';
import { actOnChange, addInspectionItem, addOfficer, newCode, proposeChange, saveProfile, savePreview, confirmImport, saveStatisticsEntry } from '../service.ts';
import type { StoredMaterial } from '../data/schema.ts';
import { findStatisticsEntry, publicDecisionsChanged } from '../data/repository.ts';

const ACTOR: Actor = { ...systemActor, name: '系统（演示数据）' };

const STAGES = new Map(DEFAULT_POWER_TYPES.map((t) => [t.label, t.stages]));

const VIOLATIONS: [string, string][] = [
  ['在城市道路两侧擅自设置摊点', '《城市市容和环境卫生管理条例》第三十六条'],
  ['随意倾倒、抛撒、堆放生活垃圾', '《中华人民共和国固体废物污染环境防治法》第一百一十一条'],
  ['未取得建设工程规划许可证进行建设', '《中华人民共和国城乡规划法》第六十五条'],
  ['在禁止区域露天焚烧秸秆', '《中华人民共和国大气污染防治法》第一百一十九条'],
  ['擅自占用农用地建窑、建坟', '《中华人民共和国土地管理法实施条例》第五十一条'],
  ['未经批准擅自采伐林木', '《中华人民共和国森林法》第七十六条'],
  ['在河道管理范围内弃置、堆放阻碍行洪物体', '《中华人民共和国水法》第六十五条'],
  ['未按规定进行动物防疫', '《中华人民共和国动物防疫法》第九十二条'],
  ['违规使用禁用农药', '《农药管理条例》第六十条'],
  ['擅自在街道两侧建筑物外悬挂、晾晒物品', '《城市市容和环境卫生管理条例》第三十四条'],
  ['违反规定饲养家畜家禽影响市容', '《城市市容和环境卫生管理条例》第三十五条'],
  ['损坏村庄公共设施', '《村庄和集镇规划建设管理条例》第三十九条'],
  ['未按规定设置户外广告', '《云南省城镇容貌和环境卫生管理条例》第四十二条'],
  ['在公共场所违规燃放烟花爆竹', '《烟花爆竹安全管理条例》第四十二条'],
  ['违法占用耕地挖砂、采石', '《中华人民共和国土地管理法》第七十五条'],
  ['未落实安全生产主体责任', '《中华人民共和国安全生产法》第九十四条'],
  ['生产经营单位未如实记录安全生产教育培训情况', '《中华人民共和国安全生产法》第九十七条'],
  ['在饮用水水源保护区内从事网箱养殖', '《中华人民共和国水污染防治法》第九十一条'],
  ['擅自改变文物保护单位用途', '《中华人民共和国文物保护法》第六十五条'],
  ['农村村民未经批准建住宅', '《中华人民共和国土地管理法》第七十八条'],
];

function row(code: string, name: string, type: string, basis: string, subject: string, source: PowerSource, entrustedBy = ''): PowerRow {
  const stages = STAGES.get(type) ?? STAGES.get('其他行政职权')!;
  return {
    code,
    name,
    subItem: '',
    type,
    basis: [basis],
    subject,
    entrustedBy,
    target: '公民、法人或者其他组织',
    duties: stages.map((s) => ({ stage: s, text: s.startsWith('其他') ? s : `依法履行${s.replace('责任', '')}职责，在法定期限内办结。` })),
    accountability: '1.没有法律和事实依据实施的；\n2.擅自改变实施标准、条件、程序的；\n3.玩忽职守、滥用职权的。',
    accountabilityBasis: '《中华人民共和国公职人员政务处分法》第三十九条\n《中华人民共和国行政处罚法》第七十六条',
    supervision: '楚雄市司法局行政执法监督电话：0878-3100000',
    remedy: '对实施结果不服的，可依法申请行政复议或者提起行政诉讼。',
    source,
    note: source === '下放' ? '云政发〔2023〕9号赋权，县级行业主管部门不再实施' : '',
  };
}

/** 235 rows: 法定 108 (by type 许可4 处罚27 检查10 强制6 确认3 裁决3 给付7 其他48) + 赋权 127 (处罚122 下放; 许可2 给付2 其他1 委托). */
export function townshipRows(town: string): PowerRow[] {
  const subject = `${town}人民政府`;
  const rows: PowerRow[] = [];
  let n = 0;
  const add = (type: string, count: number, source: PowerSource, name: (i: number) => [string, string], entrustedBy = '') => {
    for (let i = 0; i < count; i++) {
      n++;
      const [nm, basis] = name(i);
      rows.push(row(`530000-XZ-${String(n).padStart(4, '0')}`, nm, type, basis, subject, source, entrustedBy));
    }
  };
  const v = (i: number): [string, string] => {
    const [act, law] = VIOLATIONS[i % VIOLATIONS.length]!;
    const round = Math.floor(i / VIOLATIONS.length);
    return [round ? `对${act}的处罚（第${round + 1}类情形）` : `对${act}的处罚`, law];
  };
  add('行政许可', 4, '法定', (i) => [['乡村建设规划许可', '临时占用农村道路审批', '农村村民宅基地审批', '公共场所举办大型群众性活动许可'][i]!, '《中华人民共和国城乡规划法》第四十一条']);
  add('行政处罚', 27, '法定', v);
  add('行政检查', 10, '法定', (i) => [`对${['安全生产', '森林防火', '消防安全', '食品安全', '生态环境', '地质灾害防治', '农村危房', '动物防疫', '水利工程', '人居环境'][i]}的监督检查`, '《云南省乡镇（街道）行政职权基本目录（2023年版）》']);
  add('行政强制', 6, '法定', (i) => [`${['查封', '扣押', '代履行', '强制拆除', '责令停止', '暂扣'][i]}违法设施、物品`, '《中华人民共和国行政强制法》第九条']);
  add('行政确认', 3, '法定', (i) => [['农村土地承包经营权登记确认', '五保供养对象确认', '村民一事一议筹资筹劳确认'][i]!, '《农村五保供养工作条例》第七条']);
  add('行政裁决', 3, '法定', (i) => [['土地权属争议调处', '林木林地权属争议调处', '水事纠纷调处'][i]!, '《中华人民共和国土地管理法》第十四条']);
  add('行政给付', 7, '法定', (i) => [['特困人员救助供养', '临时救助', '最低生活保障金给付', '农村困难群众医疗救助', '残疾人两项补贴给付', '高龄津贴给付', '自然灾害生活救助'][i]!, '《社会救助暂行办法》第十一条']);
  add('其他行政职权', 48, '法定', (i) => [`其他行政职权事项：${['组织编制村庄规划', '指导村民委员会选举', '调解民间纠纷', '组织兵役登记', '管理婚姻登记申请材料初审', '组织防汛抗旱'][i % 6]}${i >= 6 ? `（${Math.floor(i / 6) + 1}）` : ''}`, '《中华人民共和国地方各级人民代表大会和地方各级人民政府组织法》第七十六条']);
  add('行政处罚', 122, '下放', (i) => v(i + 27));
  add('行政许可', 2, '委托', (i) => [['农村小型公益设施建设审批', '林木采伐许可（个人自用材）'][i]!, '《中华人民共和国森林法》第五十六条'], '楚雄市自然资源局');
  add('行政给付', 2, '委托', (i) => [['计划生育家庭奖励扶助金给付', '农村义务教育阶段学生营养改善补助'][i]!, '《中华人民共和国人口与计划生育法》第三十一条'], '楚雄市卫生健康局');
  add('其他行政职权', 1, '委托', () => ['农业机械安全监督检查', '《农业机械安全监督管理条例》第四十一条'], '楚雄市农业农村局');
  return rows;
}

export function departmentRows(): PowerRow[] {
  const subject = '楚雄市市场监督管理局';
  const items: [string, string, string][] = [
    ['行政许可', '食品经营许可', '《中华人民共和国食品安全法》第三十五条'],
    ['行政许可', '食品生产许可', '《中华人民共和国食品安全法》第三十五条'],
    ['行政许可', '特种设备使用登记', '《中华人民共和国特种设备安全法》第三十三条'],
    ['行政许可', '药品零售企业许可', '《中华人民共和国药品管理法》第五十一条'],
    ['行政许可', '计量标准器具核准', '《中华人民共和国计量法》第九条'],
    ['行政确认', '市场主体登记', '《中华人民共和国市场主体登记管理条例》第三条'],
    ['行政检查', '食品安全监督检查', '《中华人民共和国食品安全法》第一百一十条'],
    ['行政检查', '特种设备安全监督检查', '《中华人民共和国特种设备安全法》第五十七条'],
    ['行政检查', '产品质量监督抽查', '《中华人民共和国产品质量法》第十五条'],
    ['行政检查', '价格监督检查', '《中华人民共和国价格法》第三十四条'],
    ['行政强制', '查封、扣押不符合食品安全标准的食品', '《中华人民共和国食品安全法》第一百一十条'],
    ['行政强制', '查封、扣押有严重事故隐患的特种设备', '《中华人民共和国特种设备安全法》第六十一条'],
    ['行政奖励', '对举报食品安全违法行为的奖励', '《中华人民共和国食品安全法》第一百一十五条'],
  ];
  const rows = items.map(([type, name, basis], i) => row(`532301-SJ-${String(i + 1).padStart(3, '0')}`, name, type, basis, subject, '法定'));
  const acts = ['经营超过保质期的食品', '未取得食品经营许可从事食品经营', '生产销售不符合安全标准的产品', '虚假宣传', '不明码标价', '使用未经检验的特种设备', '销售假药', '未按规定公示营业执照', '商业贿赂', '侵犯注册商标专用权', '缺斤短两', '无照经营', '使用不合格计量器具', '不执行政府定价', '销售无中文标签的进口食品'];
  const laws = ['《中华人民共和国食品安全法》第一百二十四条', '《中华人民共和国食品安全法》第一百二十二条', '《中华人民共和国产品质量法》第四十九条', '《中华人民共和国反不正当竞争法》第二十条', '《中华人民共和国价格法》第四十二条', '《中华人民共和国特种设备安全法》第八十四条', '《中华人民共和国药品管理法》第一百一十六条', '《中华人民共和国市场主体登记管理条例》第四十八条', '《中华人民共和国反不正当竞争法》第十九条', '《中华人民共和国商标法》第六十条', '《中华人民共和国计量法》第二十七条', '《无证无照经营查处办法》第十三条', '《中华人民共和国计量法》第二十六条', '《中华人民共和国价格法》第三十九条', '《中华人民共和国食品安全法》第一百二十五条'];
  acts.forEach((a, i) => rows.push(row(`532301-SJ-${String(rows.length + 1).padStart(3, '0')}`, `对${a}的处罚`, '行政处罚', laws[i]!, subject, '法定')));
  return rows;
}

async function demoForm(title: string): Promise<Buffer> {
  return Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph({ children: [new TextRun({ text: title, bold: true, size: 32 })] }), new Paragraph('申请人（签字）：__________    日期：____年__月__日')] }] }));
}

const GUIDES: { unit: string; name: string; type: string; audience: string; theme: string; basis: string; legal: number; promised: number; materials: string[] }[] = [
  { unit: 'civil-affairs', name: '最低生活保障审核确认', type: '行政确认', audience: '个人', theme: '社会保障', basis: '《社会救助暂行办法》第十一条', legal: 30, promised: 20, materials: ['最低生活保障申请书', '居民身份证', '户口簿', '家庭收入和财产状况声明'] },
  { unit: 'civil-affairs', name: '特困人员救助供养审核确认', type: '行政确认', audience: '个人', theme: '社会保障', basis: '《社会救助暂行办法》第十四条', legal: 30, promised: 20, materials: ['特困人员救助供养申请书', '居民身份证', '户口簿'] },
  { unit: 'civil-affairs', name: '临时救助给付', type: '行政给付', audience: '个人', theme: '社会保障', basis: '《社会救助暂行办法》第四十七条', legal: 20, promised: 10, materials: ['临时救助申请书', '居民身份证', '困难情况证明'] },
  { unit: 'civil-affairs', name: '内地居民结婚登记', type: '行政确认', audience: '个人', theme: '婚姻生育', basis: '《婚姻登记条例》第五条', legal: 1, promised: 1, materials: ['居民身份证', '户口簿', '本人无配偶以及与对方当事人没有直系血亲和三代以内旁系血亲关系的签字声明'] },
  { unit: 'civil-affairs', name: '社会团体成立登记', type: '行政许可', audience: '法人', theme: '民政服务', basis: '《社会团体登记管理条例》第九条', legal: 60, promised: 30, materials: ['登记申请书', '业务主管单位的批准文件', '验资报告', '章程草案'] },
  { unit: 'human-resources', name: '失业保险金申领', type: '行政给付', audience: '个人', theme: '教育就业', basis: '《失业保险条例》第十四条', legal: 10, promised: 5, materials: ['失业保险金申领登记表', '居民身份证', '解除劳动关系证明'] },
  { unit: 'human-resources', name: '就业困难人员认定', type: '行政确认', audience: '个人', theme: '教育就业', basis: '《中华人民共和国就业促进法》第五十二条', legal: 15, promised: 7, materials: ['就业困难人员认定申请表', '居民身份证'] },
  { unit: 'human-resources', name: '劳务派遣经营许可', type: '行政许可', audience: '法人', theme: '市场准入', basis: '《中华人民共和国劳动合同法》第五十七条', legal: 20, promised: 10, materials: ['劳务派遣经营许可申请书', '营业执照', '公司章程', '劳务派遣管理制度'] },
  { unit: 'market-regulation', name: '食品经营许可', type: '行政许可', audience: '法人', theme: '市场准入', basis: '《中华人民共和国食品安全法》第三十五条', legal: 10, promised: 5, materials: ['食品经营许可申请书', '营业执照', '与食品经营相适应的主要设备设施布局、操作流程等文件', '食品安全自查、从业人员健康管理等规章制度'] },
  { unit: 'market-regulation', name: '个体工商户登记', type: '行政确认', audience: '个人和法人', theme: '市场准入', basis: '《促进个体工商户发展条例》第八条', legal: 3, promised: 1, materials: ['个体工商户登记申请书', '经营者居民身份证', '经营场所使用证明'] },
  { unit: 'market-regulation', name: '特种设备使用登记', type: '行政许可', audience: '法人', theme: '市场准入', basis: '《中华人民共和国特种设备安全法》第三十三条', legal: 15, promised: 5, materials: ['特种设备使用登记表', '产品合格证', '监督检验证明'] },
  { unit: 'housing-construction', name: '建筑工程施工许可', type: '行政许可', audience: '法人', theme: '建设工程', basis: '《中华人民共和国建筑法》第七条', legal: 7, promised: 3, materials: ['建筑工程施工许可申请表', '建设工程规划许可证', '施工合同'] },
  { unit: 'housing-construction', name: '公共租赁住房保障资格审核', type: '行政确认', audience: '个人', theme: '住房保障', basis: '《公共租赁住房管理办法》第七条', legal: 30, promised: 20, materials: ['公共租赁住房申请表', '居民身份证', '户口簿', '住房情况证明'] },
  { unit: 'natural-resources', name: '不动产登记（首次登记）', type: '行政确认', audience: '个人和法人', theme: '自然资源', basis: '《不动产登记暂行条例》第十四条', legal: 30, promised: 5, materials: ['不动产登记申请书', '申请人身份证明', '不动产权属来源证明材料'] },
  { unit: 'natural-resources', name: '建设用地规划许可', type: '行政许可', audience: '法人', theme: '建设工程', basis: '《中华人民共和国城乡规划法》第三十七条', legal: 20, promised: 10, materials: ['建设用地规划许可申请表', '建设项目批准、核准或者备案文件', '国有土地使用权出让合同'] },
  { unit: 'transport', name: '道路货物运输经营许可', type: '行政许可', audience: '法人', theme: '交通出行', basis: '《中华人民共和国道路运输条例》第二十四条', legal: 20, promised: 10, materials: ['道路货物运输经营申请表', '负责人身份证明', '安全生产管理制度文本'] },
  { unit: 'health', name: '医疗机构执业登记', type: '行政许可', audience: '法人', theme: '医疗卫生', basis: '《医疗机构管理条例》第十五条', legal: 45, promised: 20, materials: ['医疗机构执业登记申请书', '医疗机构用房产权证明或者使用证明', '医疗机构规章制度'] },
  { unit: 'health', name: '公共场所卫生许可', type: '行政许可', audience: '法人', theme: '医疗卫生', basis: '《公共场所卫生管理条例》第八条', legal: 20, promised: 10, materials: ['公共场所卫生许可申请表', '营业执照', '公共场所卫生检测报告'] },
  { unit: 'agriculture', name: '农药经营许可', type: '行政许可', audience: '法人', theme: '农业农村', basis: '《农药管理条例》第二十四条', legal: 20, promised: 10, materials: ['农药经营许可申请表', '营业执照', '经营人员农学等相关专业学历证明'] },
  { unit: 'water', name: '取水许可', type: '行政许可', audience: '法人', theme: '水务水利', basis: '《取水许可和水资源费征收管理条例》第二十一条', legal: 45, promised: 20, materials: ['取水许可申请书', '建设项目水资源论证报告'] },
  { unit: 'donggua', name: '农村宅基地和建房（规划许可）审批', type: '行政许可', audience: '个人', theme: '农业农村', basis: '《中华人民共和国土地管理法》第六十二条', legal: 20, promised: 15, materials: ['农村宅基地和建房（规划许可）申请表', '农村宅基地使用承诺书', '居民身份证', '户口簿'] },
  { unit: 'donggua', name: '高龄津贴给付', type: '行政给付', audience: '个人', theme: '社会保障', basis: '《云南省老年人权益保障条例》第二十二条', legal: 20, promised: 10, materials: ['高龄津贴申请表', '居民身份证'] },
];

async function seedList(core: Core, unit: UnitRow, rows: PowerRow[], edition: { label: string; publishedOn: string; docNo: string }): Promise<boolean> {
  const [has] = (await core.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM powers_editions WHERE unit_id = ${unit.id}`)).rows;
  if (has && has.n > 0) return false;
  const admin = (await core.db.execute<{ id: number }>(sql`SELECT id FROM staff_users ORDER BY id LIMIT 1`)).rows[0];
  if (!admin) return false;
  const code = await savePreview(core, unit, Number(admin.id), '演示数据', edition, rows);
  const r = await confirmImport(core, ACTOR, unit, Number(admin.id), code);
  return r.ok;
}

const DOC_WORD: Partial<Record<DecisionKind, string>> = { 行政处罚: '罚', 行政许可: '许', 行政检查: '查', 行政强制: '强' };

function shift(date: string, days: number): string {
  return addCalendarDays(date, days);
}

async function seedDecisions(core: Core, unit: UnitRow, count: number, kinds: DecisionKind[], cal: WorkCalendar, today: string, prefix: string): Promise<number> {
  const [has] = (await core.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM powers_decisions WHERE unit_id = ${unit.id}`)).rows;
  if (has && has.n > 0) return 0;
  const companies = ['楚雄市鹿城某某商贸有限公司', '楚雄某某餐饮店', '云南某某建材有限公司', '楚雄市某某超市', '楚雄某某农资经营部', '楚雄某某药房有限公司', '楚雄某某汽车修理厂', '楚雄市某某食品加工厂'];
  const people = ['张某', '李某某', '王某', '赵某', '杨某', '普某', '者某', '罗某'];
  const rows = [];
  for (let i = 0; i < count; i++) {
    const kind = kinds[i % kinds.length]!;
    const decidedOn = shift(today, -Math.round(((i + 0.5) * 360) / count) - 2);
    const due = publicationDue(kind, decidedOn, cal);
    const natural = i % 3 === 0;
    // Most published on time, every 9th late, the newest few still pending, every 23rd never published (overdue).
    const publishedOn = i % 23 === 5 ? null : i % 9 === 4 ? shift(due.due, 3) : shift(decidedOn, 2 + (i % 4));
    const withdrawn = publishedOn && i % 19 === 7;
    const eventOn = withdrawn ? shift(publishedOn, 20) : null;
    const withdraw = eventOn && eventOn < today ? withdrawalDue(eventOn, cal) : null;
    rows.push({
      public_code: newCode('d'),
      kind,
      doc_no: `${prefix}${DOC_WORD[kind] ?? '决'}〔${decidedOn.slice(0, 4)}〕${i + 1}号`,
      party_name: natural ? people[i % people.length] : companies[i % companies.length],
      party_type: natural ? '自然人' : '法人',
      uscc: natural ? '' : `91532301MA6K${String(10000 + i).slice(-5)}X`,
      legal_rep: natural ? '' : `${people[(i + 3) % people.length]}`,
      facts: kind === '行政处罚' ? '经查，当事人存在违反相关法律法规的行为，事实清楚，证据确凿。' : kind === '行政许可' ? '申请人提交的申请材料齐全，符合法定形式和条件。' : '经现场检查，被检查对象基本符合相关要求。',
      basis: kind === '行政处罚' ? '《中华人民共和国食品安全法》第一百二十四条' : kind === '行政许可' ? '《中华人民共和国行政许可法》第三十八条' : '《中华人民共和国食品安全法》第一百一十条',
      content: kind === '行政处罚' ? `警告，罚款${(i % 7) * 1000 + 2000}元` : kind === '行政许可' ? '准予行政许可' : '责令限期整改',
      fine_yuan: kind === '行政处罚' ? String((i % 7) * 1000 + 2000) : null,
      decided_on: decidedOn,
      due_on: due.due,
      due_provisional: due.provisional,
      published_on: publishedOn && publishedOn <= today ? publishedOn : null,
      withdraw_event_on: withdraw ? eventOn : null,
      withdraw_ground: withdraw ? '依法撤销' : null,
      withdraw_due_on: withdraw ? withdraw.due : null,
      withdrawn_on: withdraw ? shift(eventOn!, 1) : null,
      withdraw_reason: withdraw ? '原处罚决定经行政复议被撤销，撤回原公开信息。' : null,
    });
  }
  await core.db.execute(sql`
    INSERT INTO powers_decisions (public_code, root_unit_id, unit_id, kind, doc_no, party_name, party_type, uscc, legal_rep, facts, basis, content, fine_yuan, decided_on, due_on, due_provisional,
      published_on, withdraw_event_on, withdraw_ground, withdraw_due_on, withdrawn_on, withdraw_reason)
    SELECT x.public_code, ${unit.rootId ?? unit.id}, ${unit.id}, x.kind, x.doc_no, x.party_name, x.party_type, x.uscc, x.legal_rep, x.facts, x.basis, x.content, x.fine_yuan::numeric, x.decided_on::date, x.due_on::date,
      x.due_provisional, x.published_on::date, x.withdraw_event_on::date, x.withdraw_ground, x.withdraw_due_on::date, x.withdrawn_on::date, x.withdraw_reason
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x(public_code text, kind text, doc_no text, party_name text, party_type text, uscc text, legal_rep text, facts text, basis text, content text,
      fine_yuan text, decided_on text, due_on text, due_provisional boolean, published_on text, withdraw_event_on text, withdraw_ground text, withdraw_due_on text, withdrawn_on text, withdraw_reason text)`);
  publicDecisionsChanged();
  return rows.length;
}

async function seedGuides(core: Core, rootId: number): Promise<number> {
  const [has] = (await core.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM powers_guides g JOIN units u ON u.id = g.unit_id WHERE coalesce(u.root_id, u.id) = ${rootId}`)).rows;
  if (has && has.n > 0) return 0;
  const storage = fileStorage(core.config);
  const docx = FILE_TYPES.docx.mediaType;
  const values = [];
  for (const g of GUIDES) {
    const unit = await findUnitBySlug(core.db, g.unit);
    if (!unit || (unit.rootId ?? unit.id) !== rootId) continue;
    const materials: StoredMaterial[] = [];
    for (const [i, name] of g.materials.entries()) {
      const m: StoredMaterial = { name, required: true, form: i === 0 ? '原件' : '原件及复印件', copies: 1, note: '' };
      if (i === 0) {
        const blank = await storage.put(await demoForm(name));
        const sample = await storage.put(await demoForm(`${name}（示例）`));
        m.blank = { key: blank.key, fileName: formFileName(g.name, name, 'blank', 'docx'), mediaType: docx, size: blank.size };
        m.sample = { key: sample.key, fileName: formFileName(g.name, name, 'sample', 'docx'), mediaType: docx, size: sample.size };
      }
      materials.push(m);
    }
    values.push({
      public_code: newCode('g'),
      unit_id: unit.id,
      name: g.name,
      item_type: g.type,
      audience: g.audience,
      theme: g.theme,
      basis: g.basis,
      conditions: '符合法律法规规定条件的申请人均可申请，申请材料齐全、符合法定形式。',
      process: '申请\n受理（材料齐全当场受理；不齐全的一次性告知需要补正的全部内容）\n审查\n决定\n送达',
      place: unit.address || '楚雄市政务服务中心',
      hours: unit.officeHours || '周一至周五 上午9:00—12:00，下午14:30—18:00（法定节假日除外）',
      legal_limit_days: g.legal,
      promised_limit_days: g.promised,
      fee: '不收费',
      consult_phone: unit.phone || '0878-3122345',
      complaint_phone: '12345',
      delivery: '窗口领取或邮寄送达',
      remedy: '对办理结果不服的，可在收到决定之日起六十日内申请行政复议，或者六个月内向人民法院提起行政诉讼。',
      materials,
    });
  }
  await core.db.execute(sql`
    INSERT INTO powers_guides (public_code, unit_id, name, item_type, audience, theme, basis, conditions, process, place, hours, legal_limit_days, promised_limit_days, fee, consult_phone, complaint_phone, delivery, remedy, materials, published_at)
    SELECT x.public_code, x.unit_id, x.name, x.item_type, x.audience, x.theme, x.basis, x.conditions, x.process, x.place, x.hours, x.legal_limit_days, x.promised_limit_days, x.fee, x.consult_phone, x.complaint_phone, x.delivery, x.remedy, x.materials, now()
    FROM jsonb_to_recordset(${JSON.stringify(values)}::jsonb) AS x(public_code text, unit_id bigint, name text, item_type text, audience text, theme text, basis text, conditions text, process text, place text, hours text,
      legal_limit_days int, promised_limit_days int, fee text, consult_phone text, complaint_phone text, delivery text, remedy text, materials jsonb)`);
  // Published: into the platform search.
  await repairGuideSearch(core.db);
  return values.length;
}

export async function seedPowersDemo(core: Core, rootId: number, log: (s: string) => void): Promise<void> {
  const town = await findUnitBySlug(core.db, 'donggua');
  const market = await findUnitBySlug(core.db, 'market-regulation');
  if (!town || !market || (town.rootId ?? town.id) !== rootId) return;
  const today = shanghaiToday(core.clock.now());
  const cal = provisionalOnce(await core.calendar.calendar());
  if (await seedList(core, town, townshipRows('东瓜镇'), { label: '2023年版', publishedOn: '2023-12-06', docNo: '楚政办通〔2023〕28号' })) {
    const admin = Number((await core.db.execute<{ id: number }>(sql`SELECT id FROM staff_users ORDER BY id LIMIT 1`)).rows[0]!.id);
    const add = await proposeChange(core, ACTOR, town, admin, {
      kind: '增加',
      itemId: null,
      row: row('530000-XZ-0236', '对违反《云南省乡村清洁条例》乱堆乱放行为的处罚', '行政处罚', '《云南省乡村清洁条例》第三十二条', '东瓜镇人民政府', '法定'),
      reason: '新制定的地方性法规赋予乡镇人民政府该项处罚权',
      proposedOn: shift(today, -40),
    });
    if (add.ok) {
      await actOnChange(core, ACTOR, add.code, 'review', { on: shift(today, -35) });
      await actOnChange(core, ACTOR, add.code, 'check_legality', { on: shift(today, -30) });
      await actOnChange(core, ACTOR, add.code, 'approve', { on: shift(today, -20), docNo: '楚政办通〔2026〕41号' });
      await actOnChange(core, ACTOR, add.code, 'publish', { on: shift(today, -18) });
    }
    await proposeChange(core, ACTOR, town, admin, { kind: '增加', itemId: null, row: row('530000-XZ-0237', '对擅自占用农村道路的处罚', '行政处罚', '《云南省农村公路条例》第四十五条', '东瓜镇人民政府', '下放'), reason: '示例：待审核的调整', proposedOn: shift(today, -3) });
    await seedList(core, market, departmentRows(), { label: '2026年版', publishedOn: '2026-03-01', docNo: '楚政办通〔2026〕9号' });
    log('已载入演示权责清单：东瓜镇 235 项（法定 108 项、赋权 127 项），市场监管局 28 项。');
  }
  for (const [u, body, cats] of [
    [market, '楚雄市市场监督管理局', '市场监管'],
    [town, '楚雄市东瓜镇人民政府', '综合行政执法'],
  ] as const) {
    if ((await core.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM powers_enforcement_profiles WHERE unit_id = ${u.id}`)).rows[0]!.n) continue;
    await saveProfile(core, ACTOR, u, {
      bodyName: body,
      duties: '依法对本辖区内的相关违法行为实施行政处罚、行政强制和监督检查。',
      authority: '详见本机关权责清单。',
      basis: '《中华人民共和国行政处罚法》\n《中华人民共和国行政强制法》\n《中华人民共和国行政许可法》',
      procedure: '立案\n调查取证（执法人员不少于两人，出示执法证件）\n审查（重大执法决定法制审核）\n告知（陈述、申辩、听证权利）\n决定\n送达\n执行\n结案归档',
      remedy: '对行政执法决定不服的，可以自知道之日起六十日内向楚雄市人民政府申请行政复议，或者自知道之日起六个月内向人民法院提起行政诉讼。',
    });
    for (let i = 0; i < 6; i++) await addOfficer(core, ACTOR, u, { name: ['张明', '李华', '王芳', '赵强', '杨丽', '普文'][i]!, certNo: `53230${u.id}${String(100 + i)}`, category: cats });
    for (const [item, content] of [
      ['食品经营者的监督检查', '许可资质、从业人员健康证明、进货查验记录'],
      ['特种设备使用单位的监督检查', '使用登记、定期检验、作业人员持证情况'],
      ['产品质量监督抽查', '按抽查计划抽取样品检验'],
    ] as const) {
      await addInspectionItem(core, ACTOR, u, { item, subItem: '', inspector: body, basis: '《国务院办公厅关于推广随机抽查规范事中事后监管的通知》（国办发〔2015〕58号）', method: '现场检查', content, note: '抽查比例不低于5%' });
    }
  }
  const n1 = await seedDecisions(core, market, 160, ['行政处罚', '行政许可', '行政处罚', '行政检查', '行政强制'], cal, today, '楚市监');
  const n2 = await seedDecisions(core, town, 60, ['行政处罚', '行政处罚', '行政许可', '行政检查'], cal, today, '东瓜镇');
  if (n1 + n2) log(`已载入演示执法决定 ${n1 + n2} 件。`);
  // Last year's 年度执法数据 of the 市场监管局: the figures the register cannot know, and its 情况说明.
  const lastYear = Number(today.slice(0, 4)) - 1;
  if (!(await findStatisticsEntry(core.db, market.id, lastYear))) {
    await saveStatisticsEntry(core, ACTOR, market, null, lastYear, {
      figures: { licenceApplications: 1268, licenceRefused: 14, penaltyHearings: 3, coerciveMeasures: 41, inspections: 2315, randomInspections: 486, reconsiderations: 5, reconsiderationsCorrected: 1, lawsuits: 2, lawsuitsLost: 0 },
      explanation: `${lastYear}年，本局围绕食品安全、特种设备、产品质量等重点领域开展行政执法，全年开展行政检查2315次，其中“双随机、一公开”抽查486次。\n行政许可受理申请1268件，不予许可14件，主要原因是申请材料不符合法定条件。\n全年被申请行政复议5件，其中被纠错1件；被提起行政诉讼2件，无败诉案件。`,
    });
  }
  const g = await seedGuides(core, rootId);
  if (g) log(`已载入演示办事指南 ${g} 份（含空白表格和示例样表）。`);
}
