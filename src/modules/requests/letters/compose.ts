// Fills a letter template with the facts of one request. Pure: the facts (dates included) are arguments.
import { chineseDate, fillTemplate, type LetterValues, type PlaceholderName } from './template-text.ts';
import { consultationConsequence } from './defaults.ts';
import { remedyNotice } from '../domain/outcomes.ts';

export interface LetterFacts {
  unitName: string;
  unitPhone: string;
  /** 行政复议机关 named in the remedy notice (the site's setting, or derived from the unit tree). */
  reviewBody: string;
  /** 人民法院 named in the remedy notice ('' = 有管辖权的人民法院). */
  court?: string;
  requestNo: string;
  /** 答复告知书的文号 (the unit's pattern), shown above the 受理编号; absent when the unit has none. */
  docNo?: string;
  applicantName: string;
  /** 收到申请之日, YYYY-MM-DD. */
  receivedOn: string;
  /** The date the letter is issued, YYYY-MM-DD. */
  issuedOn: string;
  description: string;
  formWanted?: string;
  delivery?: string;
  legalBasis?: string;
  replyNotes?: string;
  withheldNotes?: string;
  /** The remedy text recorded with the reply; the standard text when absent. */
  remedy?: string;
  attachments?: string[];
  correction?: { items: string; deadline: string };
  extension?: { reason: string; days: number; previousDue: string; newDue: string };
  consultation?: { party: string; partyKind: 'third_party' | 'agency'; matter: string; deadline: string };
  fee?: { method: string; rate: string; amountYuan: string; deadline: string; howToPay: string };
}

export interface ComposedLetter {
  title: string;
  text: string;
  reference: string;
  missing: PlaceholderName[];
}

const date = (iso: string | undefined) => (iso ? chineseDate(iso) : undefined);

export function letterValues(f: LetterFacts): LetterValues {
  const v: LetterValues = {
    单位名称: f.unitName,
    受理编号: f.requestNo,
    申请人: f.applicantName,
    收到申请日期: date(f.receivedOn),
    答复日期: date(f.issuedOn),
    申请内容: f.description,
    提供形式: f.formWanted,
    获取方式: f.delivery,
    法律依据: f.legalBasis,
    答复说明: f.replyNotes,
    不予公开部分及理由: f.withheldNotes,
    救济途径: f.remedy?.trim() || remedyNotice({ reviewBody: f.reviewBody, court: f.court }),
    复议机关: f.reviewBody,
    联系电话: f.unitPhone,
    附件清单: f.attachments?.length ? f.attachments.join('、') : undefined,
  };
  if (f.correction) {
    v.补正事项 = f.correction.items;
    v.补正期限 = date(f.correction.deadline);
  }
  if (f.extension) {
    v.延期理由 = f.extension.reason;
    v.延长工作日数 = String(f.extension.days);
    v.原答复期限 = date(f.extension.previousDue);
    v.延长后答复期限 = date(f.extension.newDue);
  }
  if (f.consultation) {
    v.征求意见对象 = f.consultation.party;
    v.征求意见事项 = f.consultation.matter;
    v.意见期限 = date(f.consultation.deadline);
    v.逾期后果 = consultationConsequence(f.consultation.partyKind);
  }
  if (f.fee) {
    v.收费方式 = f.fee.method;
    v.收费标准 = f.fee.rate;
    v.收费金额 = f.fee.amountYuan;
    v.缴费期限 = date(f.fee.deadline);
    v.缴纳方式 = f.fee.howToPay;
  }
  return v;
}

export function composeLetter(template: { title: string; body: string }, facts: LetterFacts): ComposedLetter {
  const filled = fillTemplate(template.body, letterValues(facts));
  return { title: template.title, text: filled.text, reference: facts.docNo ? `${facts.docNo}　受理编号：${facts.requestNo}` : `受理编号：${facts.requestNo}`, missing: filled.missing };
}
