// Letter templates as plain text with {占位符}: filling them in, and checking an edited template.
// Pure: no I/O, no clock. The openness office edits the text; the platform fills in the request's data.

/** Every placeholder a template may use, with what it stands for (shown on the template editor). */
export const PLACEHOLDERS = {
  单位名称: '作出答复的单位的名称',
  受理编号: '申请的受理编号',
  申请人: '申请人姓名或名称',
  收到申请日期: '收到申请之日（条例 第三十一条），如 2026年11月2日',
  答复日期: '出具本文书的日期',
  申请内容: '申请公开的政府信息的名称、文号或特征性描述',
  提供形式: '申请人要求的信息形式（纸质、电子数据等）',
  获取方式: '申请人要求的获取方式（自行领取、邮寄、电子邮件、在线下载）',
  法律依据: '答复所依据的法律条款',
  答复说明: '经办人填写的答复内容（获取途径、理由等）',
  不予公开部分及理由: '部分公开时不予公开的内容及理由（条例 第三十七条）',
  救济途径: '行政复议和行政诉讼的告知（自动生成）',
  复议机关: '受理行政复议申请的机关',
  补正事项: '需要补正的事项（条例 第三十条）',
  补正期限: '补正的截止日期',
  原答复期限: '延期前的答复期限',
  延长工作日数: '延长的工作日数',
  延长后答复期限: '延期后的答复期限',
  延期理由: '延期的理由',
  征求意见对象: '第三方或其他机关的名称',
  征求意见事项: '需要征求意见的内容',
  意见期限: '提出意见的截止日期',
  逾期后果: '逾期未提出意见的处理（条例 第三十二条或第三十四条）',
  收费方式: '按件计收或按量计收',
  收费标准: '计费标准的说明',
  收费金额: '应缴金额（元）',
  缴费期限: '缴费截止日期',
  缴纳方式: '缴纳方式',
  联系电话: '本单位政府信息公开工作机构的联系电话',
  附件清单: '随文提供的附件',
} as const;

export type PlaceholderName = keyof typeof PLACEHOLDERS;
export type LetterValues = Partial<Record<PlaceholderName, string>>;

const PLACEHOLDER = /\{([^{}\n]{1,20})\}/g;

/** The mark a placeholder gets when it has no value: a blank for a person to fill in by hand. */
export const BLANK = '＿＿＿＿';

export interface FilledTemplate {
  text: string;
  /** Placeholders used by the template that had no value (filled with a blank). */
  missing: PlaceholderName[];
}

/**
 * Replaces each {占位符} with its value; a placeholder without value becomes a blank and is reported.
 * A line holding nothing but one placeholder without value (say {答复说明} left empty) is dropped.
 */
export function fillTemplate(template: string, values: LetterValues): FilledTemplate {
  const missing = new Set<PlaceholderName>();
  const kept = template
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .filter((line) => {
      const only = /^\s*>?\s*\{([^{}\n]{1,20})\}\s*$/.exec(line);
      return !only || !(only[1]! in PLACEHOLDERS) || !!values[only[1] as PlaceholderName]?.trim();
    })
    .join('\n');
  const text = kept.replace(PLACEHOLDER, (whole, name: string) => {
    if (!(name in PLACEHOLDERS)) return whole;
    const v = values[name as PlaceholderName]?.trim();
    if (!v) {
      missing.add(name as PlaceholderName);
      return BLANK;
    }
    return v;
  });
  return { text, missing: [...missing] };
}

/** The placeholders a template uses, in order of first use. */
export function placeholdersIn(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1]!))];
}

export const TEMPLATE_LIMITS = { title: 60, body: 10_000, reason: 500 } as const;

/** Checks an edited template: a title, a body, known placeholders only, and the ones the letter needs. */
export function validateTemplate(title: string, body: string, required: readonly PlaceholderName[]): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!title.trim()) errors.title = '请填写文书标题';
  else if ([...title].length > TEMPLATE_LIMITS.title) errors.title = `文书标题不能超过${TEMPLATE_LIMITS.title}个字`;
  if (!body.trim()) errors.body = '请填写文书正文';
  else if ([...body].length > TEMPLATE_LIMITS.body) errors.body = `文书正文不能超过${TEMPLATE_LIMITS.body}个字`;
  else {
    const unknown = placeholdersIn(body).filter((p) => !(p in PLACEHOLDERS));
    const absent = required.filter((p) => !body.includes(`{${p}}`));
    if (unknown.length) errors.body = `正文中有无法识别的占位符：${unknown.map((u) => `{${u}}`).join('、')}。可用的占位符见下方列表。`;
    else if (absent.length) errors.body = `本文书必须包含以下占位符：${absent.map((u) => `{${u}}`).join('、')}`;
  }
  return errors;
}

/** 2026-11-26 → 2026年11月26日, the way dates are written in official letters. */
export function chineseDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}
