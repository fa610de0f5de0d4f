// The case register's form: what a 行政复议 / 行政诉讼 case must say, checked field by field. Pure.
import { isValidIsoDate } from '../../../core/calendar/working-days.ts';
import type { CaseKind, LawsuitPath } from './section4.ts';
import type { RemedyResult } from './template.ts';

export const CASE_KIND_LABELS: Record<CaseKind, string> = { review: '行政复议', lawsuit: '行政诉讼' };
export const LAWSUIT_PATH_LABELS: Record<LawsuitPath, string> = { direct: '未经复议直接起诉', after_review: '复议后起诉' };
export const RESULT_LABELS: Record<RemedyResult, string> = { upheld: '结果维持', corrected: '结果纠正', other: '其他结果', pending: '尚未审结' };

export interface CaseInput {
  kind: CaseKind | undefined;
  lawsuitPath: LawsuitPath | undefined;
  caseNo: string;
  body: string;
  subject: string;
  filedOn: string | undefined;
  decidedOn: string | undefined;
  result: RemedyResult | undefined;
  requestNo: string;
  note: string;
}

export function emptyCaseInput(): CaseInput {
  return { kind: undefined, lawsuitPath: undefined, caseNo: '', body: '', subject: '', filedOn: undefined, decidedOn: undefined, result: undefined, requestNo: '', note: '' };
}

const REQUEST_NO = /^[A-Za-z0-9][A-Za-z0-9-]{0,39}$/;

/** Field errors for a case (empty when acceptable). `today` bounds the dates. */
export function validateCase(c: CaseInput, today: string): Record<string, string> {
  const e: Record<string, string> = {};
  if (!c.kind) e.kind = '请选择案件类型（行政复议或行政诉讼）';
  if (c.kind === 'lawsuit' && !c.lawsuitPath) e.lawsuitPath = '请选择起诉方式（未经复议直接起诉或复议后起诉）';
  if (!c.caseNo.trim()) e.caseNo = '请填写案号';
  else if ([...c.caseNo].length > 100) e.caseNo = '案号不能超过100个字';
  if (!c.body.trim()) e.body = c.kind === 'lawsuit' ? '请填写受理法院' : '请填写行政复议机关';
  else if ([...c.body].length > 100) e.body = '受理机关不能超过100个字';
  if ([...c.subject].length > 200) e.subject = '案由不能超过200个字';
  if ([...c.note].length > 1000) e.note = '备注不能超过1000个字';
  if (!c.filedOn) e.filedOn = '请填写立案（申请）日期';
  else if (!isValidIsoDate(c.filedOn)) e.filedOn = '立案（申请）日期应为有效日期，格式如 2025-10-24';
  else if (c.filedOn > today) e.filedOn = '立案（申请）日期不能晚于今天';
  if (!c.result) e.result = '请选择审理结果';
  else if (c.result === 'pending') {
    if (c.decidedOn) e.decidedOn = '尚未审结的案件不填结案日期';
  } else if (!c.decidedOn) e.decidedOn = '已审结的案件请填写结案日期';
  else if (!isValidIsoDate(c.decidedOn)) e.decidedOn = '结案日期应为有效日期，格式如 2025-10-24';
  else if (c.decidedOn > today) e.decidedOn = '结案日期不能晚于今天';
  else if (c.filedOn && isValidIsoDate(c.filedOn) && c.decidedOn < c.filedOn) e.decidedOn = '结案日期不能早于立案（申请）日期';
  if (c.requestNo && !REQUEST_NO.test(c.requestNo)) e.requestNo = '受理编号格式不正确，如 YSQ-2025-000123';
  return e;
}
