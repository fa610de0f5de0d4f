// Which letters a request can have now, and the facts each one is filled with. The reply letter uses
// the template of the recorded outcome; the notices use what the service recorded (补正 items and
// period, the approved extension, a consultation, the fee notice).
import { DELIVERY_LABELS, INFO_FORM_LABELS } from '../domain/applicant.ts';
import { outcomeLabel } from '../domain/outcomes.ts';
import { FEE_METHOD_LABELS } from '../domain/fees.ts';
import type { LetterFacts } from '../letters/compose.ts';
import type { RequestRow } from '../data/repository.ts';
import type { RequestView } from '../service-read.ts';
import type { LetterChoice } from '../views/staff-request.tsx';

/** The letters that can be generated for the request as it stands. */
export function letterChoices(view: RequestView): LetterChoice[] {
  const out: LetterChoice[] = [];
  if (view.clarification) out.push({ key: 'clarification', kind: 'clarification', label: '补正通知书' });
  if (view.extensions.some((e) => e.status === 'approved')) out.push({ key: 'extension', kind: 'extension', label: '延期答复告知书' });
  for (const c of view.consultations) out.push({ key: `consultation:${c.ref}`, kind: 'consultation', label: `征求意见函（${c.ref} ${c.partyName}）` });
  if (view.fee) out.push({ key: 'fee', kind: 'fee', label: '收费通知书', needs: 'howToPay' });
  const o = view.request.outcome;
  if (o) out.push({ key: 'reply', kind: 'reply', label: `答复告知书（${outcomeLabel(o)}）` });
  return out;
}

/** The template key of a choice: the outcome code for the reply letter, else the notice kind. */
export function templateKeyOf(choice: LetterChoice, row: RequestRow): string | null {
  if (choice.kind === 'reply') return row.outcome ?? null;
  return choice.kind;
}

export interface FactsInput {
  row: RequestRow;
  view: RequestView;
  choice: LetterChoice;
  unit: { name: string; phone: string };
  reviewBody: string;
  /** 人民法院 of the remedy notice ('' = 有管辖权的人民法院). */
  court?: string;
  issuedOn: string;
  releasedFiles: string[];
  howToPay: string;
}

/** The facts of one letter; the applicant's full name (letters are addressed to the applicant). */
export function letterFacts(i: FactsInput): LetterFacts {
  const { row, view } = i;
  const facts: LetterFacts = {
    unitName: i.unit.name,
    unitPhone: i.unit.phone,
    reviewBody: i.reviewBody,
    court: i.court ?? '',
    requestNo: row.requestNo,
    applicantName: row.applicantName,
    receivedOn: row.receivedOn ?? row.receiptFacts.submittedOn ?? i.issuedOn,
    issuedOn: i.issuedOn,
    description: row.infoDocNo ? (row.infoDescription ? `${row.infoDescription}（文号：${row.infoDocNo}）` : row.infoDocNo) : row.infoDescription,
    formWanted: row.forms.map((f) => INFO_FORM_LABELS[f] ?? f).join('、'),
    delivery: row.delivery ? DELIVERY_LABELS[row.delivery] : '',
  };
  if (i.choice.kind === 'reply') {
    facts.legalBasis = row.legalBasis;
    facts.replyNotes = [row.replyText, row.redirectChannel ? `您可以通过以下渠道提出：${row.redirectChannel}。` : '', row.responsibleAgency ? `负责公开该政府信息的机关：${row.responsibleAgency}。` : '', row.earlierRequestNo ? `本机关已就受理编号为 ${row.earlierRequestNo} 的申请作出答复。` : '']
      .filter(Boolean)
      .join('\n');
    facts.withheldNotes = row.withheldParts ? `${row.withheldParts}，理由：${row.withheldReason}` : undefined;
    facts.remedy = row.remedyText || undefined;
    facts.attachments = i.releasedFiles;
  }
  if (i.choice.kind === 'clarification' && view.clarification) facts.correction = { items: view.clarification.items, deadline: view.clarification.correctBy };
  if (i.choice.kind === 'extension') {
    const ext = view.extensions.find((e) => e.status === 'approved');
    const step = view.clock.steps.findIndex((s) => s.kind === 'extension_approved');
    const before = step > 0 ? view.clock.steps[step - 1]?.dueOn : null;
    const after = step >= 0 ? view.clock.steps[step]?.dueOn : null;
    if (ext) facts.extension = { reason: ext.reason, days: ext.days, previousDue: before ?? '', newDue: after ?? view.clock.dueOn ?? '' };
  }
  if (i.choice.kind === 'consultation') {
    const ref = i.choice.key.split(':')[1];
    const c = view.consultations.find((x) => x.ref === ref);
    if (c) facts.consultation = { party: c.partyName, partyKind: c.party, matter: c.question, deadline: c.answerBy };
  }
  if (i.choice.kind === 'fee' && view.fee) {
    facts.fee = {
      method: FEE_METHOD_LABELS[view.fee.method],
      rate: view.fee.basis,
      amountYuan: String(view.fee.amountYuan),
      deadline: view.fee.payBy,
      howToPay: i.howToPay,
    };
  }
  return facts;
}
