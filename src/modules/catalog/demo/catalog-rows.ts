// Catalog rows in the national layout (regulation notes §3.3), modelled on the example rows of §3.4 and
// on local catalogs: 财政预决算 (财政部 guideline) and 生态环境 (环办厅函〔2019〕672号). They are the
// demo content loaded on the first start (../seed.ts) and the rows of the test workbooks (../testing/).

/** One fixture row as a person would type it into the sheet. */
export interface FixtureRow {
  domain: '财政预决算' | '生态环境';
  level1: string;
  level2: string;
  content: string;
  basis: string;
  timeLimit: string;
  publisher: string;
  /** 公开渠道和载体 cell text: a 、 list, lines, or the ■/□ checklist. */
  channels: string;
  /** 全社会, 特定群众, 主动, 依申请公开, 市级, 镇(街)级 cells. */
  marks: [string, string, string, string, string, string];
}

const Y = '√';
const FIN_BASIS = '《中华人民共和国预算法》、《中华人民共和国政府信息公开条例》、财预〔2016〕143号《地方预决算公开操作规程》';
const ENV_BASIS = '《中华人民共和国环境保护法》《中华人民共和国政府信息公开条例》《环境信息公开办法（试行）》';
export const FORMED_20 = '信息形成（变更）之日起20个工作日内';
export const ENV_20 = '自该信息形成或者变更之日起20个工作日内';

export const FIXTURE_ROWS: readonly FixtureRow[] = [
  // 财政预决算 (财政部 guideline rows as reproduced in local catalogs)
  { domain: '财政预决算', level1: '政府预决算', level2: '政府预算', content: "一般公共预算收入表、支出表、本级支出表、本级基本支出表；政府性基金收入表、支出表；本级支出公开到功能分类项级科目，本级一般公共预算基本支出公开到经济性质分类款级科目；本级汇总'三公'经费并说明增减；没有数据的表格列出空表并说明", basis: '《中华人民共和国预算法》、《中华人民共和国政府信息公开条例》、财预〔2016〕143号《地方预决算公开操作规程》、财预〔2018〕209号《地方政府债务信息公开办法(试行)》', timeLimit: '本级人民代表大会或其常务委员会批准后20日内', publisher: '楚雄市财政局', channels: '■政府网站 □政府公报 □两微一端 □发布会/听证会 □广播电视 □纸质媒体 □公开查阅点 □政务服务中心 □便民服务站 □入户/现场 □社区/企事业单位/村公示栏（电子屏） □精准推送 □其他', marks: [Y, '', Y, '', Y, Y] },
  { domain: '财政预决算', level1: '政府预决算', level2: '政府决算', content: '一般公共预算收入决算表、支出决算表、本级支出决算表、本级基本支出决算表；政府性基金收入决算表、支出决算表；国有资本经营收入决算表、支出决算表；社会保险基金收入决算表、支出决算表', basis: FIN_BASIS, timeLimit: '本级人民代表大会或其常务委员会批准后20日内', publisher: '楚雄市财政局', channels: '政府网站', marks: [Y, '', Y, '', Y, Y] },
  { domain: '财政预决算', level1: '政府预决算', level2: '预算调整', content: '预算调整方案及说明，调整后的一般公共预算、政府性基金预算收支表', basis: FIN_BASIS, timeLimit: '本级人民代表大会常务委员会批准后20日内', publisher: '楚雄市财政局', channels: '政府网站、政府公报', marks: [Y, '', Y, '', Y, ''] },
  { domain: '财政预决算', level1: '政府预决算', level2: '预算执行情况', content: '上半年预算执行情况报告；上年预算执行情况和本年预算草案的报告', basis: FIN_BASIS, timeLimit: '本级人民代表大会或其常务委员会批准后20日内', publisher: '楚雄市财政局', channels: '政府网站', marks: [Y, '', Y, '', Y, ''] },
  { domain: '财政预决算', level1: '部门预决算', level2: '部门预算', content: '收支总体情况表、收入总体情况表、支出总体情况表、财政拨款收支总体情况表、一般公共预算支出情况表、一般公共预算基本支出情况表、一般公共预算“三公”经费支出情况表、政府性基金预算支出情况表；部门职责、机构设置、收支增减变化、机关运行经费、政府采购情况说明', basis: '《中华人民共和国预算法》第十四条；《中华人民共和国政府信息公开条例》；财预〔2016〕143号《地方预决算公开操作规程》', timeLimit: '本级政府财政部门批复后20日内', publisher: '各预算部门（单位）、各乡镇人民政府', channels: '■政府网站 ■政府公报 □两微一端 □发布会/听证会 □广播电视 □纸质媒体 □公开查阅点 □政务服务中心 □便民服务站 □入户/现场 □社区/企事业单位/村公示栏（电子屏） □精准推送 ■其他 部门网站', marks: [Y, '', Y, '', Y, Y] },
  { domain: '财政预决算', level1: '部门预决算', level2: '部门决算', content: '收入支出决算总表、收入决算表、支出决算表、财政拨款收入支出决算总表、一般公共预算财政拨款支出决算表、“三公”经费支出决算表；国有资产占用情况、绩效评价结果', basis: FIN_BASIS, timeLimit: '本级政府财政部门批复后20日内', publisher: '各预算部门（单位）、各乡镇人民政府', channels: '政府网站、部门网站', marks: [Y, '', Y, '', Y, Y] },
  { domain: '财政预决算', level1: '部门预决算', level2: '部门整体支出绩效评价结果', content: '部门整体支出绩效自评报告及财政重点绩效评价报告', basis: '《中华人民共和国预算法》；《中共中央 国务院关于全面实施预算绩效管理的意见》', timeLimit: '随部门决算一并公开', publisher: '各预算部门（单位）', channels: '政府网站', marks: [Y, '', Y, '', Y, ''] },
  { domain: '财政预决算', level1: '“三公”经费', level2: '“三公”经费预算', content: '因公出国（境）费、公务用车购置及运行费（区分购置费和运行费）、公务接待费的预算数及增减变化原因', basis: FIN_BASIS, timeLimit: '本级政府财政部门批复后20日内', publisher: '各预算部门（单位）', channels: '政府网站\n政务服务中心', marks: [Y, '', Y, '', Y, Y] },
  { domain: '财政预决算', level1: '“三公”经费', level2: '“三公”经费决算', content: '因公出国（境）团组数及人次、公务用车购置数及保有量、国内公务接待批次及人次等情况', basis: FIN_BASIS, timeLimit: '本级政府财政部门批复后20日内', publisher: '各预算部门（单位）', channels: '政府网站', marks: [Y, '', Y, '', Y, Y] },
  { domain: '财政预决算', level1: '政府债务', level2: '政府债务限额及余额', content: '本地区政府债务限额、余额，地方政府债券发行、还本付息情况', basis: '《中华人民共和国预算法》；财预〔2018〕209号《地方政府债务信息公开办法（试行）》', timeLimit: '本级人民代表大会或其常务委员会批准后20日内', publisher: '楚雄市财政局', channels: '政府网站、两微一端', marks: [Y, '', Y, '', Y, ''] },
  { domain: '财政预决算', level1: '政府债务', level2: '新增债券使用情况', content: '新增债券资金使用项目、金额、期限、利率及项目进展情况', basis: '财预〔2018〕209号《地方政府债务信息公开办法（试行）》', timeLimit: '每年6月底前', publisher: '楚雄市财政局', channels: '政府网站', marks: [Y, '', Y, '', Y, ''] },
  { domain: '财政预决算', level1: '政府债务', level2: '政府债务还本付息', content: '政府债券还本付息金额、资金来源', basis: '财预〔2018〕209号《地方政府债务信息公开办法（试行）》', timeLimit: '及时公开', publisher: '楚雄市财政局', channels: '政府网站', marks: [Y, '', Y, '', Y, ''] },
  { domain: '财政预决算', level1: '财政专项资金', level2: '专项资金管理办法', content: '专项资金的设立依据、政策目标、支持对象、申报条件、分配办法', basis: '《中华人民共和国政府信息公开条例》；财预〔2016〕143号《地方预决算公开操作规程》', timeLimit: FORMED_20, publisher: '楚雄市财政局及各主管部门', channels: '政府网站、公开查阅点', marks: [Y, '', Y, Y, Y, ''] },
  { domain: '财政预决算', level1: '财政专项资金', level2: '专项资金分配结果', content: '资金分配项目、金额、补助对象', basis: FIN_BASIS, timeLimit: FORMED_20, publisher: '楚雄市财政局及各主管部门', channels: '政府网站；社区/企事业单位/村公示栏（电子屏）', marks: [Y, Y, Y, '', Y, Y] },
  { domain: '财政预决算', level1: '政府采购', level2: '政府采购意向', content: '采购项目名称、采购需求概况、预算金额、预计采购时间', basis: '《中华人民共和国政府采购法》；财库〔2020〕10号《关于开展政府采购意向公开工作的通知》', timeLimit: '采购活动开始前30日', publisher: '各预算部门（单位）', channels: '中国政府采购网云南分网、政府网站', marks: [Y, '', Y, '', Y, ''] },
  { domain: '财政预决算', level1: '政府采购', level2: '中标、成交结果', content: '采购人和采购代理机构名称、项目名称和编号、中标或成交供应商名称、地址和金额', basis: '《中华人民共和国政府采购法》；《中华人民共和国政府采购法实施条例》第四十三条', timeLimit: '中标、成交供应商确定之日起2个工作日内', publisher: '各预算部门（单位）、采购代理机构', channels: '中国政府采购网云南分网', marks: [Y, '', Y, '', Y, ''] },
  { domain: '财政预决算', level1: '政府采购', level2: '政府采购合同', content: '政府采购合同文本（涉及国家秘密、商业秘密的内容除外）', basis: '《中华人民共和国政府采购法实施条例》第五十条', timeLimit: '合同签订之日起2个工作日内', publisher: '各预算部门（单位）', channels: '中国政府采购网云南分网', marks: [Y, '', Y, '', Y, ''] },
  // 生态环境 (生态环境部 环办厅函〔2019〕672号 rows as reproduced in local catalogs)
  { domain: '生态环境', level1: '行政许可', level2: '建设项目环境影响评价文件审批', content: '受理环节：受理情况公示、报告书（表）全本；拟决定环节：拟审查环评文件基本情况公示；决定环节：环评批复', basis: '《中华人民共和国环境影响评价法》《中华人民共和国海洋环境保护法》《中华人民共和国放射性污染防治法》《中华人民共和国政府信息公开条例》', timeLimit: ENV_20, publisher: '楚雄州生态环境局楚雄分局', channels: '■政府网站 □政府公报 ■两微一端 □发布会/听证会 □广播电视 □纸质媒体 □公开查阅点 ■政务服务中心 ■便民服务站 □入户/现场 □社区/企事业单位/村公示栏（电子屏） □精准推送 □其他', marks: [Y, '', Y, '', Y, ''] },
  { domain: '生态环境', level1: '行政许可', level2: '防治污染设施拆除或闲置审批', content: '关闭、闲置、拆除工业固体废物污染环境防治设施、场所的核准结果；拆除、闲置环境噪声污染防治设施的审批结果', basis: '《中华人民共和国固体废物污染环境防治法》《中华人民共和国环境噪声污染防治法》《中华人民共和国海洋环境保护法》《中华人民共和国政府信息公开条例》、中办发〔2016〕8号、国办发〔2017〕42号', timeLimit: ENV_20, publisher: '楚雄州生态环境局楚雄分局', channels: '政府网站、政务服务中心', marks: [Y, '', Y, '', Y, ''] },
  { domain: '生态环境', level1: '行政许可', level2: '排污许可', content: '排污许可证申请受理、审批结果，排污许可证正本及副本信息', basis: '《排污许可管理条例》；《中华人民共和国政府信息公开条例》', timeLimit: ENV_20, publisher: '楚雄州生态环境局', channels: '全国排污许可证管理信息平台、政府网站', marks: [Y, '', Y, '', Y, ''] },
  { domain: '生态环境', level1: '行政许可', level2: '危险废物经营许可', content: '许可证持有单位名称、地址、经营方式、经营危险废物类别、年经营规模、有效期限', basis: '《中华人民共和国固体废物污染环境防治法》；《危险废物经营许可证管理办法》', timeLimit: ENV_20, publisher: '楚雄州生态环境局', channels: '政府网站', marks: [Y, '', Y, '', Y, ''] },
  { domain: '生态环境', level1: '行政处罚', level2: '行政处罚决定', content: '行政处罚决定书（按要求做必要的隐私保护处理）：违法企业名称、违法事实、处罚依据、处罚内容、履行方式和期限', basis: '《中华人民共和国行政处罚法》第四十八条；《中华人民共和国环境保护法》；《环境行政处罚办法》', timeLimit: '作出行政处罚决定之日起7个工作日内', publisher: '楚雄州生态环境局楚雄分局', channels: '政府网站、信用中国网站', marks: [Y, '', Y, '', Y, ''] },
  { domain: '生态环境', level1: '行政处罚', level2: '按日连续处罚', content: '按日连续处罚决定书、复查情况', basis: '《中华人民共和国环境保护法》第五十九条；《环境保护主管部门实施按日连续处罚办法》', timeLimit: ENV_20, publisher: '楚雄州生态环境局楚雄分局', channels: '政府网站', marks: [Y, '', Y, '', Y, ''] },
  { domain: '生态环境', level1: '行政强制', level2: '查封、扣押', content: '查封、扣押决定书，解除查封、扣押决定书', basis: '《中华人民共和国行政强制法》；《环境保护主管部门实施查封、扣押办法》', timeLimit: ENV_20, publisher: '楚雄州生态环境局楚雄分局', channels: '政府网站', marks: ['', Y, '', Y, Y, ''] },
  { domain: '生态环境', level1: '环境质量', level2: '空气质量状况', content: '城市环境空气质量自动监测数据、空气质量指数（AQI）', basis: '《中华人民共和国大气污染防治法》；《环境空气质量标准》', timeLimit: '实时公开', publisher: '楚雄州生态环境局楚雄分局', channels: '政府网站、两微一端、广播电视', marks: [Y, '', Y, '', Y, ''] },
  { domain: '生态环境', level1: '环境质量', level2: '水环境质量状况', content: '集中式生活饮用水水源水质状况、地表水水质月报', basis: '《中华人民共和国水污染防治法》', timeLimit: '每季度结束后15个工作日内', publisher: '楚雄州生态环境局楚雄分局', channels: '政府网站', marks: [Y, '', Y, '', Y, ''] },
  { domain: '生态环境', level1: '环境质量', level2: '生态环境状况公报', content: '年度生态环境状况公报', basis: '《中华人民共和国环境保护法》第五十四条', timeLimit: '每年6月5日前', publisher: '楚雄州生态环境局楚雄分局', channels: '政府网站、纸质媒体、发布会', marks: [Y, '', Y, '', Y, ''] },
  { domain: '生态环境', level1: '突发环境事件', level2: '突发环境事件应急预案', content: '本级突发环境事件应急预案及修订情况', basis: '《中华人民共和国突发事件应对法》；《突发环境事件应急管理办法》', timeLimit: ENV_20, publisher: '楚雄州生态环境局楚雄分局', channels: '政府网站', marks: [Y, '', Y, '', Y, Y] },
  { domain: '生态环境', level1: '突发环境事件', level2: '突发环境事件信息', content: '突发环境事件的发生时间、地点、原因、影响范围、应对处置情况', basis: '《中华人民共和国突发事件应对法》；《突发环境事件信息报告办法》', timeLimit: '及时公开', publisher: '楚雄州生态环境局楚雄分局、各乡镇人民政府', channels: '政府网站、两微一端、广播电视、入户、现场', marks: [Y, '', Y, '', Y, Y] },
  { domain: '生态环境', level1: '环境监管', level2: '重点排污单位名录', content: '重点排污单位名录及调整情况', basis: '《企业事业单位环境信息公开办法》；《环境监管重点单位名录管理办法》', timeLimit: '每年3月底前', publisher: '楚雄州生态环境局', channels: '政府网站', marks: [Y, '', Y, '', Y, ''] },
  { domain: '生态环境', level1: '环境监管', level2: '“双随机、一公开”抽查结果', content: '抽查事项、抽查对象、检查结果及处理情况', basis: '国办发〔2015〕58号《关于推广随机抽查规范事中事后监管的通知》', timeLimit: ENV_20, publisher: '楚雄州生态环境局楚雄分局', channels: '政府网站、国家企业信用信息公示系统', marks: [Y, '', Y, '', Y, ''] },
  { domain: '生态环境', level1: '环境监管', level2: '环境信访投诉办理', content: '群众信访投诉举报的受理、办理情况', basis: '《信访工作条例》；《环境信访办法》', timeLimit: '办结后及时公开', publisher: '楚雄州生态环境局楚雄分局、各乡镇人民政府', channels: '政府网站、便民服务站', marks: ['', Y, '', Y, Y, Y] },
  { domain: '生态环境', level1: '生态环境保护督察', level2: '督察整改落实情况', content: '中央和省级生态环境保护督察反馈问题的整改方案、整改进展、整改完成情况', basis: '《中央生态环境保护督察工作规定》', timeLimit: '及时公开', publisher: '楚雄市人民政府、楚雄州生态环境局楚雄分局', channels: '政府网站、纸质媒体', marks: [Y, '', Y, '', Y, Y] },
];

/** Which demo units adopt the demo rows of which domain into their own catalogs. */
export const DEMO_ADOPTIONS: readonly { unitSlug: string; domain: FixtureRow['domain'] }[] = [
  { unitSlug: 'finance', domain: '财政预决算' },
  { unitSlug: 'ecology-environment', domain: '生态环境' },
];

const HEADER_TOP = ['序号', '领域', '公开事项', '公开事项', '公开内容（要素）', '公开依据', '公开时限', '公开主体', '公开渠道和载体', '公开对象', '公开对象', '公开方式', '公开方式', '公开层级', '公开层级'];
const HEADER_SUB = ['序号', '领域', '一级事项', '二级事项', '公开内容（要素）', '公开依据', '公开时限', '公开主体', '公开渠道和载体', '全社会', '特定群众', '主动', '依申请公开', '市级', '镇(街)级'];

/**
 * The rows as a sheet grid the import parser reads (as readCatalogWorkbook returns it, merged header
 * cells spread): the two-row national header with a 领域 column, then one line per row.
 */
export function demoCatalogSheet(rows: readonly FixtureRow[] = FIXTURE_ROWS): {
  grid: string[][];
  merges: { range: string; top: number; left: number; bottom: number; right: number }[];
} {
  const letter = (c: number) => String.fromCharCode(64 + c);
  const merge = (top: number, left: number, bottom: number, right: number) => ({ range: `${letter(left)}${top}:${letter(right)}${bottom}`, top, left, bottom, right });
  const merges = [...[1, 2, 5, 6, 7, 8, 9].map((c) => merge(1, c, 2, c)), ...[3, 10, 12, 14].map((c) => merge(1, c, 1, c + 1))];
  const grid = [
    [...HEADER_TOP],
    [...HEADER_SUB],
    ...rows.map((r, i) => [String(i + 1), r.domain, r.level1, r.level2, r.content, r.basis, r.timeLimit, r.publisher, r.channels, ...r.marks]),
  ];
  return { grid, merges };
}
