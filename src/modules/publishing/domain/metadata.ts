// Checks of a record's metadata, with a Chinese message per field (keys = RecordInput fields).
// Pure: `today` is passed in.
import { isValidIsoDate } from '../../../core/calendar/working-days.ts';
import { checkDocNo } from './doc-no.ts';
import type { RecordInput } from './types.ts';
import { DISCLOSURE_GROUNDS, DISCLOSURES, DOC_TYPES, GENERAL_COLUMNS, GENRES, INTERPRETATION_FORMS, SUBJECTS } from './vocab.ts';

export interface MetadataCheck {
  errors: Record<string, string>;
  /** The input with 文号 normalised, text trimmed and keywords cleaned. */
  value: RecordInput;
  /** Things changed on the user's behalf (e.g. brackets of the 文号), to show after saving. */
  notes: string[];
}

export const TITLE_MAX = 200;
export const SUMMARY_MAX = 500;
export const KEYWORDS_MAX = 10;
export const KEYWORD_MAX_CHARS = 20;
const EARLIEST_YEAR = 1949;

/** Control characters (but not tab/newline) never belong in metadata text. */
function clean(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '').trim();
}

export function splitKeywords(text: string): string[] {
  return text
    .split(/[,，、;；\s]+/)
    .map((k) => clean(k))
    .filter(Boolean);
}

/** The visible text of rich text, to tell an empty body from one with content. */
export function plainText(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, '')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;|&#160;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function yearOf(d: string): number {
  return Number(d.slice(0, 4));
}

/**
 * Checks a legal date: valid YYYY-MM-DD, not before 1949 and no later than next year (a year like
 * 2099 is a typing mistake).
 */
export function checkLegalDate(value: string | null | undefined, label: string, today: string): string | null {
  if (!value) return `请填写${label}`;
  if (!isValidIsoDate(value)) return `${label}不是有效日期，应为“年-月-日”，如 2025-06-26`;
  const y = yearOf(value);
  if (y < EARLIEST_YEAR) return `${label}的年份${y}不正确`;
  if (y > yearOf(today) + 1) return `${label}的年份${y}不正确：不能晚于${yearOf(today) + 1}年`;
  return null;
}

export function validateRecordInput(raw: RecordInput, ctx: { today: string; publishedOn?: string | null }): MetadataCheck {
  const errors: Record<string, string> = {};
  const notes: string[] = [];
  const today = ctx.today;
  const v: RecordInput = {
    ...raw,
    title: clean(raw.title ?? ''),
    publisherName: clean(raw.publisherName ?? ''),
    docNo: clean(raw.docNo ?? ''),
    writtenOn: clean(raw.writtenOn ?? ''),
    formedOn: clean(raw.formedOn ?? ''),
    subject: clean(raw.subject ?? ''),
    genre: clean(raw.genre ?? ''),
    summary: clean(raw.summary ?? ''),
    disclosureNote: clean(raw.disclosureNote ?? ''),
    interpretationWaiver: clean(raw.interpretationWaiver ?? ''),
    docNoSharedReason: clean(raw.docNoSharedReason ?? ''),
    reevaluateOn: raw.reevaluateOn ? clean(raw.reevaluateOn) : null,
    keywords: [...new Set((raw.keywords ?? []).flatMap((k) => splitKeywords(k)))],
    disclosureGrounds: [...new Set(raw.disclosureGrounds ?? [])],
  };

  if (v.kind !== 'record' && v.kind !== 'interpretation') errors.kind = '请选择信息类别';
  if (!v.title) errors.title = '请填写标题';
  else if (v.title.length > TITLE_MAX) errors.title = `标题不能超过${TITLE_MAX}个字，现有${v.title.length}个字`;
  if (!v.publisherName) errors.publisherName = '请填写发布机构';
  else if (v.publisherName.length > 100) errors.publisherName = '发布机构不能超过100个字';

  // Where the record is shown: one catalog item of the unit, or a general column.
  if (v.generalColumn !== null && !GENERAL_COLUMNS.includes(v.generalColumn)) errors.generalColumn = '所选栏目不存在';
  if (v.catalogItemId === null && v.generalColumn === null) errors.generalColumn = '请选择所属公开事项或栏目（政务动态、通知公告、政策文件）';

  if (!(SUBJECTS as readonly string[]).includes(v.subject)) errors.subject = v.subject ? '所选主题分类不在分类表中' : '请选择主题分类';
  if (!(GENRES as readonly string[]).includes(v.genre)) errors.genre = v.genre ? '所选体裁不在体裁表中' : '请选择体裁';
  if (!DOC_TYPES.includes(v.docType)) errors.docType = '请选择文件类型（规章、行政规范性文件或其他）';

  if (v.kind === 'interpretation') {
    // A 政策解读 is material about a policy, not itself a 规章 or 规范性文件 (regulation notes §6).
    if (!v.interpretationForm || !INTERPRETATION_FORMS.includes(v.interpretationForm)) errors.interpretationForm = '请选择解读形式';
    if (v.docType !== 'other') errors.docType = '政策解读的文件类型应为“其他”';
    v.needsInterpretation = false;
    v.interpretationWaiver = '';
  } else {
    v.interpretationForm = null;
  }

  // 文号: GB/T 9704-2012 7.2.4; a 规章 may carry a 政府令 number. Required for 规章 and 行政规范性文件,
  // which are always issued with a number (统一登记、统一编号).
  const maxYear = Number(today.slice(0, 4)) + 1;
  if (v.docNo) {
    const r = checkDocNo(v.docNo, { maxYear, allowOrderNo: v.docType === 'regulation' });
    if (r.error) errors.docNo = r.error;
    else {
      if (r.normalisedNote) notes.push(r.normalisedNote);
      v.docNo = r.value!;
    }
  } else if (v.docType === 'regulation' || v.docType === 'normative') {
    errors.docNo = `${v.docType === 'regulation' ? '规章' : '行政规范性文件'}须填写文号`;
  }

  const written = checkLegalDate(v.writtenOn, '成文日期', today);
  if (written) errors.writtenOn = written;
  const formed = checkLegalDate(v.formedOn, '信息形成（变更）日期', today);
  if (formed) errors.formedOn = formed;
  // 成文日期 is the day the document was signed (《党政机关公文格式》GB/T 9704-2012 7.3.5.1: 以负责人签发的日期为准):
  // a day that has happened, already when the draft is saved.
  if (!written && v.writtenOn > today) errors.writtenOn = `成文日期（${v.writtenOn}）不能晚于今天（${today}）：成文日期是负责人签发的日期`;
  const published = ctx.publishedOn ?? null;
  if (published) {
    // 成文日期 and the day the information was formed cannot follow its publication.
    if (!written && !errors.writtenOn && v.writtenOn > published) errors.writtenOn = `成文日期（${v.writtenOn}）不能晚于发布日期（${published}）`;
    if (!formed && v.formedOn > published) errors.formedOn = `信息形成（变更）日期（${v.formedOn}）不能晚于发布日期（${published}）`;
  }

  if (v.keywords.length > KEYWORDS_MAX) errors.keywords = `关键词不能超过${KEYWORDS_MAX}个`;
  else if (v.keywords.some((k) => k.length > KEYWORD_MAX_CHARS)) errors.keywords = `每个关键词不能超过${KEYWORD_MAX_CHARS}个字`;
  if (v.summary.length > SUMMARY_MAX) errors.summary = `内容概述不能超过${SUMMARY_MAX}个字`;
  if (!plainText(v.bodyHtml ?? '')) errors.bodyHtml = '请填写正文';

  // 公开属性 (国办发〔2016〕80号); 依申请公开 / 不予公开 need a ground from 条例 第十四、十五、十六条 and a
  // re-evaluation date (条例 第十八条 动态调整).
  if (!DISCLOSURES.includes(v.disclosure)) errors.disclosure = '请选择公开属性';
  else if (v.disclosure === 'proactive') {
    v.disclosureGrounds = [];
    v.reevaluateOn = null;
  } else {
    const known = new Map(DISCLOSURE_GROUNDS.map((g) => [g.code, g]));
    if (!v.disclosureGrounds.length) {
      errors.disclosureGrounds =
        v.disclosure === 'withheld'
          ? '不予公开的信息，须选择《政府信息公开条例》第十四、十五、十六条中的依据'
          : '依申请公开的信息，须选择依据：《政府信息公开条例》第十四、十五、十六条，或仅涉及特定对象、不属于第十九、二十条主动公开范围';
    } else if (v.disclosureGrounds.some((g) => !known.has(g))) errors.disclosureGrounds = '所选依据不在可选范围内';
    else if (v.disclosure === 'withheld' && v.disclosureGrounds.some((g) => !known.get(g)!.fits.includes('withheld'))) {
      // 不予公开 only on the exemptions of 第十四、十五、十六条.
      errors.disclosureGrounds = '不予公开只能依据《政府信息公开条例》第十四、十五、十六条；“不属于主动公开范围”的信息应标为依申请公开';
    }
    if (!v.reevaluateOn) errors.reevaluateOn = '请填写复查日期（《政府信息公开条例》第十八条）';
    else {
      const e = checkLegalDate(v.reevaluateOn, '复查日期', today);
      if (e && !/年份.*不能晚于/.test(e)) errors.reevaluateOn = e;
      else if (!isValidIsoDate(v.reevaluateOn) || v.reevaluateOn <= today) errors.reevaluateOn = `复查日期应晚于今天（${today}）`;
      else if (yearOf(v.reevaluateOn) > yearOf(today) + 5) errors.reevaluateOn = '复查日期不宜晚于五年之后，请定期复查';
    }
  }
  if ((v.docNoSharedReason ?? '').length > 500) errors.docNoSharedReason = '联合发文或转发说明不能超过500个字';
  if ((v.interpretationWaiver ?? '').length > 500) errors.interpretationWaiver = '无需解读的理由不能超过500个字';
  if (v.disclosureNote.length > 1000) errors.disclosureNote = '说明不能超过1000个字';
  return { errors, value: v, notes };
}
