// 政策解读: which records need one, and whether a submission or a publication carries it.
import type { Disclosure, DocType, RecordKind, RecordState } from './vocab.ts';

/** The refusal, in the words of the city's rule (楚市政通〔2017〕47号 三(四): 无解读方案的 … 一律不予收文). */
export const NO_INTERPRETATION_MESSAGE = '无解读材料，不予受理';

export interface InterpretationSubject {
  kind: RecordKind;
  docType: DocType;
  needsInterpretation: boolean;
  docNo?: string;
  /** Why a record whose 文号 looks like a 规范性文件's is not one (the 文号 alone then does not trigger the rule). */
  interpretationWaiver?: string;
}

/**
 * A 文号 in the numbering of 行政规范性文件: a year in 〔〕 and 规 in the issuer's code (统一登记、统一编号,
 * e.g. 楚市政规〔2025〕2号, 楚市财规〔2026〕2号).
 */
export function looksLikeNormativeDocNo(docNo: string): boolean {
  const m = /^([\p{Script=Han}A-Za-z]+)〔\d{4}〕\d+号$/u.exec(docNo);
  return !!m && m[1]!.includes('规');
}

export type InterpretationTrigger = 'regulation' | 'normative' | 'marked' | 'doc_no';

/** Why the rule applies to a record (empty when it does not). */
export function interpretationTriggers(r: InterpretationSubject): InterpretationTrigger[] {
  if (r.kind !== 'record') return [];
  const out: InterpretationTrigger[] = [];
  if (r.docType === 'regulation') out.push('regulation');
  if (r.docType === 'normative') out.push('normative');
  if (r.needsInterpretation) out.push('marked');
  // The 文号 triggers the rule too (the 文件类型 may be picked wrongly), unless the editor states why not.
  if (r.docNo && looksLikeNormativeDocNo(r.docNo) && !(r.interpretationWaiver ?? '').trim()) out.push('doc_no');
  return out;
}

/**
 * 规章 and 行政规范性文件 publish their 解读 at the same time (国办发〔2016〕80号; regulation notes §6), as
 * does any policy the drafter marks 需解读 (涉及切身利益、需广泛知晓、专业性强) or whose 文号 is a 规范性文件's.
 */
export function requiresInterpretation(r: InterpretationSubject): boolean {
  return interpretationTriggers(r).length > 0;
}

export interface LinkedInterpretation {
  state: RecordState;
  disclosure: Disclosure;
}

/** A 解读 the public will see: 主动公开 and not withdrawn. */
function usable(l: LinkedInterpretation): boolean {
  return l.state !== 'withdrawn' && l.disclosure === 'proactive';
}

function refusal(r: InterpretationSubject): string {
  const why = `${NO_INTERPRETATION_MESSAGE}：须关联一篇公开的政策解读，与文件同步审核、同步发布（解读方案是内部材料，不能代替公开的政策解读）`;
  const t = interpretationTriggers(r);
  if (t.length === 1 && t[0] === 'doc_no') {
    return `${why}。文号“${r.docNo}”是规范性文件的编号；如本文件不是规范性文件，请在“无需解读的理由”中说明`;
  }
  return why;
}

/**
 * At submission: null when the record may be submitted; otherwise the refusal. It needs a linked 政策解读
 * that will be public (主动公开, not withdrawn); an attached 解读方案 alone is not enough (解读方案、解读材料与
 * 政策文件同步组织、同步审签; the public sees the 解读, not the plan).
 */
export function checkInterpretationMaterial(r: InterpretationSubject, linked: LinkedInterpretation[]): string | null {
  if (!requiresInterpretation(r)) return null;
  return linked.some(usable) ? null : refusal(r);
}

/**
 * At publication: a public 解读 must already be published or go out with the document (同步发布).
 * `goingWith` are the states of linked interpretations published together with it.
 */
export function checkInterpretationAtPublication(r: InterpretationSubject, linked: LinkedInterpretation[], goingWith: readonly RecordState[]): string | null {
  if (!requiresInterpretation(r)) return null;
  const ok = linked.some((l) => usable(l) && (l.state === 'published' || goingWith.includes(l.state)));
  return ok ? null : refusal(r);
}
