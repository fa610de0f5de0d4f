// Pre-filled text for sections 一、五、六: the computed facts, and 【请填写…】 where staff must write.
// The sub-headings follow the 30号 definition of 总体情况 and common practice (regulation.md §2.1). Pure.
import { yuanText } from './section3.ts';
import { TO_FILL } from './checks.ts';
import type { ReportTables } from './tables.ts';
import type { TextSection } from './template.ts';

export interface PrefillFacts {
  year: number;
  unitName: string;
  /** 各级人民政府 also report 工作考核、社会评议和责任追究结果 (《政府信息公开条例》第五十条第四项). */
  isGovernment: boolean;
  tables: ReportTables;
  /** Whether the 规章 / 行政规范性文件 counts come from the records (not entered by hand). */
  recordsFromSource: boolean;
  /** 信息处理费 paid within the year, in 分; null when the requests module gives no fee data. */
  feesFen: number | null;
}

const fill = (what: string) => `${TO_FILL}：${what}】`;

export function prefillTexts(f: PrefillFacts): Record<TextSection, string> {
  const t = f.tables;
  const s3 = t.s3;
  const rec = t.s2.records;
  const lines: string[] = ['（一）主动公开'];
  if (f.recordsFromSource) {
    lines.push(
      `${f.year}年，${f.unitName}制发规章${rec.regulation.issued ?? 0}件、行政规范性文件${rec.normativeDocument.issued ?? 0}件，废止规章${rec.regulation.repealed ?? 0}件、行政规范性文件${rec.normativeDocument.repealed ?? 0}件；截至${f.year}年12月31日，现行有效规章${rec.regulation.inForce ?? 0}件、行政规范性文件${rec.normativeDocument.inForce ?? 0}件。`,
    );
  }
  lines.push(fill('主动公开的重点工作和成效'));
  const sum = (rows: (keyof typeof s3)[]) => rows.reduce((s, r) => s + s3[r].total, 0);
  lines.push(
    '（二）依申请公开',
    `${f.year}年，${f.unitName}新收政府信息公开申请${s3.new.total}件，上年结转${s3.carried.total}件；办结${s3.total.total}件，其中予以公开${s3.granted.total}件、部分公开${s3.partial.total}件、不予公开${sum(['stateSecret', 'lawForbidden', 'threeSecurity', 'thirdParty', 'internalAffairs', 'processInfo', 'enforcementFile', 'administrativeQuery'])}件、无法提供${sum(['notHeld', 'needsCreation', 'unclearAfterClarification'])}件、不予处理${sum(['petition', 'repeated', 'publication', 'excessive', 'confirmation'])}件、其他处理${sum(['noClarification', 'feeUnpaid', 'otherReason'])}件；结转下年度继续办理${s3.forward.total}件。`,
    '（三）政府信息管理',
    fill('公开前审查、政策文件清理、不予公开信息定期评估等情况'),
    '（四）政府信息公开平台建设',
    fill('政府网站、政务新媒体、政府公报等平台的建设和管理情况'),
    '（五）监督保障',
  );
  const reviews = t.s4.review.total;
  const suits = t.s4.direct.total + t.s4.afterReview.total;
  lines.push(
    reviews + suits === 0
      ? `${f.year}年，未发生因政府信息公开工作被申请行政复议、提起行政诉讼的情况。`
      : `${f.year}年，因政府信息公开工作被申请行政复议${reviews}件、被提起行政诉讼${suits}件。`,
  );
  lines.push(f.isGovernment ? fill('工作考核、社会评议和责任追究结果情况（《政府信息公开条例》第五十条第四项）') : fill('工作机构、人员培训和监督考核情况'));

  let fee: string;
  if (f.feesFen === null) fee = fill('依据《政府信息公开信息处理费管理办法》收取信息处理费的情况');
  else if (f.feesFen === 0) fee = `${f.year}年度未收取信息处理费。`;
  else fee = `本年度收取信息处理费共计${yuanText(f.feesFen)}元。`;

  return {
    overview: lines.join('\n'),
    problems: ['（一）存在的主要问题', fill('本年度政府信息公开工作存在的主要问题'), '（二）改进情况', fill('针对问题的改进措施和下一步工作打算')].join('\n'),
    other: [
      '（一）收取信息处理费情况',
      fee,
      '（二）落实上级年度政务公开工作要点情况',
      fill('落实情况'),
      '（三）人大代表建议和政协提案办理结果公开情况',
      fill('办理结果公开情况'),
      '（四）年度政务公开工作创新情况',
      fill('创新情况，没有的写“无”'),
    ].join('\n'),
  };
}
