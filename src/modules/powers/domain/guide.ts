// 办事指南 rules: the elements of a guide (regulation-wave2 §3.2) and the checks before it is published.

/** The elements of a guide with their exact labels (全国一体化政务服务平台 事项 fields, §3.2). */
export const GUIDE_LABELS = {
  name: '事项名称',
  itemType: '事项类型',
  basis: '设定依据',
  conditions: '受理条件',
  materials: '申请材料',
  process: '办理流程',
  place: '办理地点',
  hours: '办理时间',
  legalLimit: '法定办结时限',
  promisedLimit: '承诺办结时限',
  fee: '收费依据及标准',
  consultPhone: '咨询电话',
  complaintPhone: '监督投诉电话',
  delivery: '结果送达',
  remedy: '救济途径',
  audience: '服务对象',
  theme: '主题分类',
} as const;

export type GuideField = keyof typeof GUIDE_LABELS;

/** 事项类型 of services (the national model groups 许可、给付、奖励、确认、裁决、其他 and 公共服务). */
export const SERVICE_ITEM_TYPES = ['行政许可', '行政确认', '行政给付', '行政奖励', '行政裁决', '其他行政权力', '公共服务'] as const;
export const AUDIENCES = ['个人', '法人', '个人和法人'] as const;
export type Audience = (typeof AUDIENCES)[number];

/** 面向自然人/法人 主题分类 (a short editable default list). */
export const THEMES = ['社会保障', '户籍身份', '婚姻生育', '医疗卫生', '住房保障', '教育就业', '交通出行', '农业农村', '市场准入', '建设工程', '文化旅游', '民政服务', '自然资源', '水务水利', '其他'] as const;

export interface GuideMaterial {
  name: string;
  required: boolean;
  form: string;
  copies: number;
  note: string;
}

export interface GuideData {
  name: string;
  itemType: string;
  basis: string;
  conditions: string;
  process: string;
  place: string;
  hours: string;
  legalLimitDays: number | null;
  promisedLimitDays: number | null;
  fee: string;
  consultPhone: string;
  complaintPhone: string;
  delivery: string;
  remedy: string;
  audience: string;
  theme: string;
  materials: GuideMaterial[];
}

/**
 * The key elements 国办秘函〔2019〕19号 names for 办事指南 (事项名称、设定依据、申请条件、办理材料、办理地点、
 * 办理时间、联系电话、办理流程, regulation-wave2 §3.4): a guide missing one is "服务不实用" and is not published.
 */
export const KEY_ELEMENTS: readonly { field: GuideField; label: string }[] = [
  { field: 'name', label: '事项名称' },
  { field: 'basis', label: '设定依据' },
  { field: 'conditions', label: '受理条件' },
  { field: 'materials', label: '申请材料' },
  { field: 'place', label: '办理地点' },
  { field: 'hours', label: '办理时间' },
  { field: 'consultPhone', label: '咨询电话' },
  { field: 'process', label: '办理流程' },
];

// 《安阳市政务服务条例》第十三条 (§3.2): 兜底性质的"其他材料""有关材料"应当逐一明确.
const VAGUE_MATERIAL = /^(其他|其它|有关|相关|其他相关|其他有关|其它相关)(的)?(材料|资料|证明材料|证明)(等)?$/;

/** A material named only "其他材料" / "有关材料" / "相关材料" is refused: each material must be named. */
export function materialNameProblem(name: string): string | undefined {
  const t = name.replace(/\s+/g, '').replace(/[。.；;]$/, '');
  if (!t) return '请填写材料名称';
  if (VAGUE_MATERIAL.test(t)) return `材料名称“${name}”属于兜底表述，请逐一写明具体材料`;
  return undefined;
}

/** Problems that stop a guide being published, by field: key elements, vague materials, 承诺 > 法定. */
export function publishProblems(g: GuideData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { field, label } of KEY_ELEMENTS) {
    if (field === 'materials') {
      if (!g.materials.length) out.materials = `缺少重点要素“${label}”：请至少列出一项申请材料`;
    } else if (!String(g[field as keyof GuideData] ?? '').trim()) out[field] = `缺少重点要素“${label}”，办事指南不能发布`;
  }
  g.materials.forEach((m, i) => {
    const p = materialNameProblem(m.name);
    if (p) out[`material-${i}`] = p;
  });
  // 《优化营商环境条例》第三十六条: the promised limit shortens the legal one, never exceeds it (§3.3).
  if (g.legalLimitDays !== null && g.promisedLimitDays !== null && g.promisedLimitDays > g.legalLimitDays) {
    out.promisedLimit = `承诺办结时限（${g.promisedLimitDays}个工作日）不能超过法定办结时限（${g.legalLimitDays}个工作日）`;
  }
  return out;
}

/** Share of guides missing a key element (the 19号 check reports it), in whole per cent. */
export function incompleteShare(guides: readonly GuideData[]): number {
  if (!guides.length) return 0;
  const bad = guides.filter((g) => KEY_ELEMENTS.some((k) => (k.field === 'materials' ? !g.materials.length : !String(g[k.field as keyof GuideData] ?? '').trim()))).length;
  return Math.round((bad * 100) / guides.length);
}

/** The download name of a form: "<事项名称>-<材料名称>-空白表格.docx" with characters no file system accepts removed. */
export function formFileName(guideName: string, materialName: string, kind: 'blank' | 'sample', ext: string): string {
  const clean = (s: string) => s.replace(/[\\/:*?"<>|\r\n\t]/g, '').trim().slice(0, 40);
  return `${clean(guideName)}-${clean(materialName)}-${kind === 'blank' ? '空白表格' : '示例样表'}.${ext}`;
}
