// 政策解读: which records need one, and whether a submission carries it.
import type { DocType, RecordKind, RecordState } from './vocab.ts';

/** The refusal, in the words of the city's rule (楚市政通〔2017〕47号 三(四): 无解读方案的 … 一律不予收文). */
export const NO_INTERPRETATION_MESSAGE = '无解读材料，不予受理';

/**
 * 规章 and 行政规范性文件 publish their 解读 at the same time (国办发〔2016〕80号; regulation notes §6), as
 * does any policy the drafter marks 需解读 (涉及切身利益、需广泛知晓、专业性强).
 */
export function requiresInterpretation(r: { kind: RecordKind; docType: DocType; needsInterpretation: boolean }): boolean {
  return r.kind === 'record' && (r.docType === 'regulation' || r.docType === 'normative' || r.needsInterpretation);
}

export interface InterpretationMaterial {
  /** 政策解读 records linked to the policy. */
  linked: { state: RecordState }[];
  /** Number of attachments with role 解读方案. */
  planAttachments: number;
}

/**
 * null when the record may be submitted; otherwise the refusal. A linked 政策解读 (not withdrawn) or an
 * attached 解读方案 is enough (解读方案、解读材料与政策文件同步组织、同步审签).
 */
export function checkInterpretationMaterial(
  r: { kind: RecordKind; docType: DocType; needsInterpretation: boolean },
  m: InterpretationMaterial,
): string | null {
  if (!requiresInterpretation(r)) return null;
  const usable = m.linked.filter((l) => l.state !== 'withdrawn').length;
  return usable > 0 || m.planAttachments > 0 ? null : NO_INTERPRETATION_MESSAGE;
}
