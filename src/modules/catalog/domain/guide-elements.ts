// What a 政府信息公开指南 must state (《政府信息公开条例》第十二条): the 受理机构 with its name, address,
// office hours, phone, fax and online contact; how to apply; the fee rule (第四十二条, 信息处理费); and
// where to complain and seek remedies (第五十一条), naming the bodies. Pure: text in, missing elements out.
import { GUIDE_SECTION_TITLES, type GuideSectionKey } from './guide.ts';

export interface GuideElement {
  /** The section whose field shows the message. */
  section: GuideSectionKey;
  label: string;
  present: (text: { office: string; onRequest: string; supervision: string; all: string }) => boolean;
}

const PENDING = /待补充|待填写|[×X]{2,}/;

/** The value after "标签：" on some line of the text, when it is filled in (not 待补充). */
function labelled(text: string, label: RegExp): string | undefined {
  for (const line of text.split('\n')) {
    const m = new RegExp(`(?:${label.source})[^：:\\n]{0,6}[：:]\\s*(.+)$`).exec(line);
    if (m && m[1]!.trim() && !PENDING.test(m[1]!)) return m[1]!.trim();
  }
  return undefined;
}

/** Sentences (split at 。；and line ends) that mention `topic`. */
function sentences(text: string, topic: RegExp): string[] {
  return text.split(/[。；;\n]/).filter((s) => topic.test(s));
}

const PHONE = /\d[\d\s\-－—()（）]{5,}\d/;
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/;
/** A body named in a sentence: a government, an office, a bureau, the review body, a court … */
const BODY = /人民政府|办公室|办公厅|机关|主管部门|局|委员会|人民法院|政务公开办/;

export const GUIDE_ELEMENTS: readonly GuideElement[] = [
  { section: 'office', label: '受理机构名称', present: (t) => !!labelled(t.office, /机构名称|机构|名称/) },
  { section: 'office', label: '办公地址', present: (t) => !!labelled(t.office, /地址/) },
  { section: 'office', label: '办公时间', present: (t) => !!labelled(t.office, /办公时间|受理时间|工作时间/) },
  { section: 'office', label: '联系电话', present: (t) => PHONE.test(labelled(t.office, /电话/) ?? '') },
  {
    section: 'office',
    label: '传真号码（没有传真的写“无”）',
    present: (t) => {
      const fax = labelled(t.office, /传真/) ?? '';
      return PHONE.test(fax) || /^无/.test(fax);
    },
  },
  {
    section: 'office',
    label: '电子邮箱或互联网联系方式',
    present: (t) => EMAIL.test(t.office) || !!labelled(t.office, /互联网联系方式|网上|在线|网址|网站/),
  },
  {
    section: 'on_request',
    label: '申请的程序（提出申请的方式和答复期限）',
    present: (t) =>
      /申请/.test(t.onRequest) &&
      /当面|邮寄|信件|信函|数据电文|在线|网上|互联网|传真|电子邮件/.test(t.onRequest) &&
      /\d+个工作日/.test(t.onRequest),
  },
  { section: 'on_request', label: '信息处理费的收取规定', present: (t) => /信息处理费/.test(t.all) },
  {
    section: 'supervision',
    label: '受理投诉、举报的机关',
    present: (t) => sentences(t.supervision, /投诉|举报/).some((s) => /向/.test(s) && BODY.test(s)),
  },
  {
    section: 'supervision',
    label: '行政复议机关',
    present: (t) => sentences(t.supervision, /行政复议/).some((s) => /向/.test(s) && BODY.test(s)),
  },
  {
    section: 'supervision',
    label: '受理行政诉讼的人民法院',
    present: (t) => sentences(t.supervision, /行政诉讼/).some((s) => /人民法院/.test(s)),
  },
];

/** The elements of 第十二条 the 指南 text lacks, in order. */
export function missingGuideElements(sections: Partial<Record<GuideSectionKey, string>>): GuideElement[] {
  const t = {
    office: sections.office ?? '',
    onRequest: sections.on_request ?? '',
    supervision: sections.supervision ?? '',
    all: Object.values(sections).join('\n'),
  };
  return GUIDE_ELEMENTS.filter((e) => !e.present(t));
}

/** Field errors (section_<key>) naming each missing element; empty when the 指南 states them all. */
export function guideElementErrors(sections: Partial<Record<GuideSectionKey, string>>): Record<string, string> {
  const bySection = new Map<GuideSectionKey, string[]>();
  for (const e of missingGuideElements(sections)) bySection.set(e.section, [...(bySection.get(e.section) ?? []), e.label]);
  const errors: Record<string, string> = {};
  for (const [key, labels] of bySection) {
    errors[`section_${key}`] = `“${GUIDE_SECTION_TITLES[key]}”部分缺少《条例》第十二条要求写明的内容：${labels.join('；')}。请补充后再发布`;
  }
  return errors;
}
