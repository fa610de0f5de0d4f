// The staff request page: the application (masked unless revealed by the handler or unit admin),
// the statutory clock with its ledger explained, the actions the viewer may take in this state, the
// letters and files, the history, and requests for the same information (第四十四条).
import type { ComponentChildren } from 'preact';
import type { PageContext } from '../../../core/ui/context.ts';
import { StaffLayout } from '../../../core/ui/layout.tsx';
import { MoreActions, NextStepsBox } from '../../../core/ui/next-steps.tsx';
import { CsrfField, ErrorSummary, RadioGroup, SelectField, TextArea, TextField } from '../../../core/ui/components.tsx';
import type { FieldErrors } from '../../../core/http/form.ts';
import { formatInstant } from '../../../core/clock.ts';
import { ACTION_LABELS, PARTY_LABELS, STATE_LABELS, type Action, type RequestState } from '../domain/states.ts';
import { CHANNEL_LABELS } from '../domain/receipt.ts';
import { APPLICANT_KIND_LABELS, DELIVERY_LABELS, ID_TYPE_LABELS, INFO_FORM_LABELS, ORG_SUBTYPE_LABELS, type IdType } from '../domain/applicant.ts';
import { OUTCOMES, outcomeLabel } from '../domain/outcomes.ts';
import { CONSULTATION_PARTY_LABELS, MAX_EXTENSION_WORKING_DAYS } from '../domain/clock.ts';
import { FEE_METHOD_LABELS } from '../domain/fees.ts';
import type { RequestView, SimilarRequest } from '../service-read.ts';
import type { PersonalData } from '../service.ts';
import { LETTER_METHOD_LABELS, LETTER_METHODS } from '../service.ts';
import { DUE_LABELS } from './staff-list.tsx';
import { LETTER_LABELS, nextSteps, type LetterKind } from '../domain/next-steps.ts';
import { Facts, LedgerTable } from './parts.tsx';

export interface FailedAction {
  action: string;
  errors: FieldErrors;
  reasons: string[];
  values: Record<string, string>;
}

export interface LetterChoice {
  key: string;
  kind: string;
  label: string;
  /** Extra facts the letter needs that only a person knows (e.g. how to pay a fee). */
  needs?: 'howToPay' | 'ref';
}

export interface RequestPageProps {
  ctx: PageContext;
  view: RequestView;
  revealed: PersonalData | null;
  failed: FailedAction | null;
  similar: { similar: SimilarRequest[]; applicants: number; proactiveCandidate: boolean } | null;
  letterChoices: LetterChoice[];
  unitNames: Map<number, string>;
  today: string;
}

const ATTACHMENT_KIND_LABELS: Record<string, string> = { application: '申请材料', correction: '补正材料', letter: '文书', released: '提供的信息', other: '其他' };

function ActionForm({
  ctx,
  no,
  action,
  title,
  failed,
  children,
  button,
  warning,
}: {
  ctx: PageContext;
  no: string;
  action: string;
  title: string;
  failed: FailedAction | null;
  children?: ComponentChildren;
  button?: string;
  warning?: boolean;
}) {
  const mine = failed?.action === action ? failed : null;
  return (
    <section class={mine ? 'action-box action-failed' : 'action-box'} id={`action-${action}`} aria-labelledby={`h-${action}`}>
      <h3 id={`h-${action}`}>{title}</h3>
      {mine && mine.reasons.length ? (
        <div class="error-summary" role="alert" tabIndex={-1} data-autofocus>
          <h4>未能{title}：</h4>
          <ul>
            {mine.reasons.map((r, i) => (
              <li key={i}>{r}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {mine && !mine.reasons.length ? <ErrorSummary errors={mine.errors} /> : null}
      <form method="post" action={`/staff/requests/${no}/do/${action}`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        {children}
        <button type="submit" class={warning ? 'button warning' : 'button'}>
          {button ?? title}
        </button>
      </form>
    </section>
  );
}

export function RequestPage({ ctx, view, revealed, failed, similar, letterChoices, unitNames, today }: RequestPageProps) {
  const r = view.request;
  const no = r.requestNo;
  const c = view.clock;
  const val = (action: string, key: string, fallback = '') => (failed?.action === action ? (failed.values[key] ?? fallback) : fallback);
  const err = (action: string, key: string) => (failed?.action === action ? failed.errors[key] : undefined);
  const has = (a: Action) => view.actions.includes(a);
  const openConsultations = view.consultations.filter((x) => !x.answeredOn);
  const pendingExt = view.extensions.find((e) => e.status === 'pending');
  const releasable = (r.outcome === 'disclose' || r.outcome === 'partial') && !r.publishedRecordRef && view.parties.some((p) => p === 'handler' || p === 'unit_admin' || p === 'openness_office');
  const who = revealed
    ? {
        name: revealed.applicantName,
        contactPerson: revealed.contactPerson,
        idNumber: revealed.idNumber,
        phone: revealed.phone,
        email: revealed.email,
        address: revealed.address,
        postcode: revealed.postcode,
      }
    : { name: r.applicantName, contactPerson: r.contactPerson, idNumber: r.idNumber, phone: r.phone, email: r.email, address: r.address, postcode: r.postcode };
  const steps = nextSteps({
    state: r.state,
    parties: view.parties,
    actions: view.actions,
    handlerName: view.handlerName,
    receivedOn: r.receivedOn,
    today,
    correctBy: view.clarification?.correctBy ?? null,
    feePayBy: view.fee?.payBy ?? null,
    consultationAnswerBy: openConsultations.map((x) => x.answerBy).sort()[0] ?? null,
    extensionPending: !!pendingExt,
    noticesSent: [
      ...(view.clarification ? (['clarification'] as const) : []),
      ...(view.extensions.some((e) => e.status === 'approved') ? (['extension'] as const) : []),
      ...(view.consultations.length ? (['consultation'] as const) : []),
      ...(view.fee ? (['fee'] as const) : []),
      ...(r.outcome ? (['reply'] as const) : []),
    ],
    lettersSent: view.letters.map((l) => l.kind as LetterKind),
  });
  // One form per key: the extension decision is one form for two actions, reassign shares assign's.
  const keyOf = (a: Action): string => (a === 'reassign' ? 'assign' : a === 'approve_extension' || a === 'reject_extension' ? 'decide_extension' : a);
  const primaryKeys = new Set(steps.primary.map(keyOf));
  const otherKey = (k: string) => !primaryKeys.has(k);
  const otherKeys = new Set(
    view.actions
      .filter((a) => !(a === 'record_consultation_answer' && !openConsultations.length) && !(a === 'request_extension' && pendingExt) && !((a === 'approve_extension' || a === 'reject_extension') && !pendingExt))
      .map(keyOf)
      .filter(otherKey),
  );
  const failedInOthers = !!failed && otherKeys.has(failed.action);
  const letterChoice = steps.letter ? letterChoices.find((l) => l.kind === steps.letter) : undefined;
  const actionForms = (show: (key: string) => boolean) => (
    <>
        {show('accept') && has('accept') ? (
          <ActionForm ctx={ctx} no={no} action="accept" title={ACTION_LABELS.accept} failed={failed}>
            {!r.receivedOn ? (
              <TextField
                name="confirmedOn"
                label="双方确认日期"
                type="date"
                value={val('accept', 'confirmedOn', today)}
                error={err('accept', 'confirmedOn')}
                hint="第三十一条第（三）项：通过互联网或传真提交的，以双方确认之日为收到申请之日。"
              />
            ) : null}
            <TextField name="note" label="备注" value={val('accept', 'note')} maxLength={500} />
          </ActionForm>
        ) : null}
        {show('assign') && (has('assign') || has('reassign')) ? (
          <ActionForm ctx={ctx} no={no} action="assign" title={has('assign') ? ACTION_LABELS.assign : ACTION_LABELS.reassign} failed={failed}>
            <SelectField
              name="handlerId"
              label="承办人"
              required
              value={val('assign', 'handlerId', r.handlerId ? String(r.handlerId) : '')}
              error={err('assign', 'handlerId')}
              placeholder="请选择本单位工作人员"
              options={view.handlerChoices.map((s) => ({ value: String(s.id), label: s.displayName }))}
            />
            <TextField name="note" label="备注" value={val('assign', 'note')} maxLength={500} />
          </ActionForm>
        ) : null}
        {show('send_clarification') && has('send_clarification') ? (
          <ActionForm ctx={ctx} no={no} action="send_clarification" title={ACTION_LABELS.send_clarification} failed={failed}>
            <p class="hint">
              第三十条：申请内容不明确的，应当自收到申请之日起7个工作日内一次性告知申请人补正{c.clarificationNoticeBy ? `（即 ${c.clarificationNoticeBy} 前）` : ''}。答复期限自收到补正后的申请之日起重新计算。
            </p>
            <TextArea name="items" label="需要补正的事项" required rows={4} value={val('send_clarification', 'items')} error={err('send_clarification', 'items')} />
            <TextField name="correctBy" label="补正期限" type="date" required value={val('send_clarification', 'correctBy')} error={err('send_clarification', 'correctBy')} hint="应给申请人合理的补正期限。" />
            <TextField name="sentOn" label="告知日期" type="date" value={val('send_clarification', 'sentOn', today)} error={err('send_clarification', 'sentOn')} />
            <TextField name="lateReason" label="逾期告知的理由" value={val('send_clarification', 'lateReason')} error={err('send_clarification', 'lateReason')} hint="超过7个工作日告知补正的，须记录理由，并将被标记为逾期告知。" maxLength={500} />
          </ActionForm>
        ) : null}
        {show('record_correction') && has('record_correction') ? (
          <ActionForm ctx={ctx} no={no} action="record_correction" title={ACTION_LABELS.record_correction} failed={failed}>
            {view.clarification ? (
              <p class="hint">
                补正事项：{view.clarification.items}；补正期限：{view.clarification.correctBy}
              </p>
            ) : null}
            <TextArea name="text" label="补正的内容" required rows={4} value={val('record_correction', 'text')} error={err('record_correction', 'text')} />
            <TextArea name="infoDescription" label="补正后的所需信息描述（如有）" rows={3} value={val('record_correction', 'infoDescription')} error={err('record_correction', 'infoDescription')} />
            <TextField name="receivedOn" label="收到补正的日期" type="date" value={val('record_correction', 'receivedOn', today)} error={err('record_correction', 'receivedOn')} />
            <TextField name="lateReason" label="逾期补正的正当理由" value={val('record_correction', 'lateReason')} error={err('record_correction', 'lateReason')} maxLength={500} hint="超过补正期限才补正的，须记录申请人的正当理由。" />
          </ActionForm>
        ) : null}
        {show('end_no_correction') && has('end_no_correction') ? (
          <ActionForm ctx={ctx} no={no} action="end_no_correction" title={ACTION_LABELS.end_no_correction} failed={failed} warning>
            <p class="hint">第三十条：申请人无正当理由逾期不补正的，视为放弃申请，行政机关不再处理（年度报告：其他处理 1）。</p>
            <TextField name="on" label="终止日期" type="date" value={val('end_no_correction', 'on', today)} error={err('end_no_correction', 'on')} />
          </ActionForm>
        ) : null}
        {show('send_consultation') && has('send_consultation') ? (
          <ActionForm ctx={ctx} no={no} action="send_consultation" title={ACTION_LABELS.send_consultation} failed={failed}>
            <p class="hint">第三十二条、第三十四条：征求意见所需时间不计入答复期限；对方应在15个工作日内提出意见。</p>
            <RadioGroup
              name="party"
              legend="征求意见的对象"
              inline
              value={val('send_consultation', 'party', 'third_party')}
              error={err('send_consultation', 'party')}
              options={Object.entries(CONSULTATION_PARTY_LABELS).map(([value, label]) => ({ value, label }))}
            />
            <TextField name="partyName" label="名称" required value={val('send_consultation', 'partyName')} error={err('send_consultation', 'partyName')} maxLength={100} />
            <TextArea name="question" label="征求意见的事项" required rows={3} value={val('send_consultation', 'question')} error={err('send_consultation', 'question')} />
            <TextField name="sentOn" label="发出日期" type="date" value={val('send_consultation', 'sentOn', today)} error={err('send_consultation', 'sentOn')} />
          </ActionForm>
        ) : null}
        {show('record_consultation_answer') && has('record_consultation_answer') && openConsultations.length ? (
          <ActionForm ctx={ctx} no={no} action="record_consultation_answer" title={ACTION_LABELS.record_consultation_answer} failed={failed}>
            <SelectField
              name="ref"
              label="征求意见"
              required
              value={val('record_consultation_answer', 'ref', openConsultations[0]!.ref)}
              error={err('record_consultation_answer', 'ref')}
              options={openConsultations.map((x) => ({ value: x.ref, label: `${x.ref} ${x.partyName}（${x.sentOn} 发出，应于 ${x.answerBy} 前答复）` }))}
            />
            <RadioGroup
              name="answer"
              legend="意见"
              inline
              value={val('record_consultation_answer', 'answer')}
              error={err('record_consultation_answer', 'answer')}
              options={[
                { value: 'agree', label: '同意公开' },
                { value: 'disagree', label: '不同意公开' },
                { value: 'no_answer', label: '逾期未提出意见' },
                { value: 'other', label: '其他' },
              ]}
            />
            <TextArea name="note" label="意见内容或理由" rows={3} value={val('record_consultation_answer', 'note')} error={err('record_consultation_answer', 'note')} />
            <TextField name="answeredOn" label="收到答复的日期" type="date" value={val('record_consultation_answer', 'answeredOn', today)} error={err('record_consultation_answer', 'answeredOn')} />
          </ActionForm>
        ) : null}
        {show('request_extension') && has('request_extension') && !pendingExt ? (
          <ActionForm ctx={ctx} no={no} action="request_extension" title={ACTION_LABELS.request_extension} failed={failed}>
            <p class="hint">第三十三条第二款：需要延长答复期限的，应当经政府信息公开工作机构负责人同意并告知申请人，延长的期限最长不得超过20个工作日，只能延长一次。</p>
            <TextField name="days" label="延长的工作日数" required inputMode="numeric" value={val('request_extension', 'days')} error={err('request_extension', 'days')} hint={`1 至 ${MAX_EXTENSION_WORKING_DAYS}`} maxLength={3} />
            <TextArea name="reason" label="延期理由" required rows={3} value={val('request_extension', 'reason')} error={err('request_extension', 'reason')} />
          </ActionForm>
        ) : null}
        {show('decide_extension') && (has('approve_extension') || has('reject_extension')) && pendingExt ? (
          <ActionForm ctx={ctx} no={no} action="decide_extension" title="审批延期申请" failed={failed} button="提交审批意见">
            <RadioGroup
              name="decision"
              legend="审批意见"
              inline
              value={val('decide_extension', 'decision')}
              error={err('decide_extension', 'decision')}
              options={[
                { value: 'approve', label: `同意延期 ${pendingExt.days} 个工作日` },
                { value: 'reject', label: '不同意' },
              ]}
            />
            <TextArea name="note" label="意见" rows={2} value={val('decide_extension', 'note')} error={err('decide_extension', 'note')} hint="不同意的，须填写理由。" />
            <TextField name="decidedOn" label="审批日期" type="date" value={val('decide_extension', 'decidedOn', today)} error={err('decide_extension', 'decidedOn')} />
          </ActionForm>
        ) : null}
        {show('send_fee_notice') && has('send_fee_notice') ? (
          <ActionForm ctx={ctx} no={no} action="send_fee_notice" title={ACTION_LABELS.send_fee_notice} failed={failed}>
            <p class="hint">条例第四十二条、国办函〔2020〕109号：申请数量、频次明显超过合理范围的，可以收取信息处理费；按件或按量计收，同一申请只能选择一种；申请人应在20个工作日内缴纳。</p>
            <RadioGroup
              name="method"
              legend="计收方式"
              inline
              value={val('send_fee_notice', 'method')}
              error={err('send_fee_notice', 'method')}
              options={Object.entries(FEE_METHOD_LABELS).map(([value, label]) => ({ value, label }))}
            />
            <TextField name="pages" label="页数（按量计收）" inputMode="numeric" value={val('send_fee_notice', 'pages')} error={err('send_fee_notice', 'pages')} maxLength={6} />
            <TextField name="sentOn" label="通知日期" type="date" value={val('send_fee_notice', 'sentOn', today)} error={err('send_fee_notice', 'sentOn')} />
          </ActionForm>
        ) : null}
        {show('record_payment') && has('record_payment') ? (
          <ActionForm ctx={ctx} no={no} action="record_payment" title={ACTION_LABELS.record_payment} failed={failed}>
            {view.fee ? (
              <p class="hint">
                应缴 {view.fee.amountYuan} 元，缴费期限 {view.fee.payBy}。
              </p>
            ) : null}
            <TextField name="paidOn" label="缴费日期" type="date" value={val('record_payment', 'paidOn', today)} error={err('record_payment', 'paidOn')} />
          </ActionForm>
        ) : null}
        {show('end_no_payment') && has('end_no_payment') ? (
          <ActionForm ctx={ctx} no={no} action="end_no_payment" title={ACTION_LABELS.end_no_payment} failed={failed} warning>
            <TextField name="on" label="终止日期" type="date" value={val('end_no_payment', 'on', today)} error={err('end_no_payment', 'on')} />
          </ActionForm>
        ) : null}
        {show('reply') && has('reply') ? (
          <ActionForm ctx={ctx} no={no} action="reply" title={ACTION_LABELS.reply} failed={failed}>
            <SelectField
              name="outcome"
              label="办理结果（年度报告分类）"
              required
              value={val('reply', 'outcome')}
              error={err('reply', 'outcome')}
              placeholder="请选择"
              options={OUTCOMES.filter((o) => o.byReply).map((o) => ({ value: o.code, label: outcomeLabel(o.code) }))}
            />
            <details>
              <summary>各办理结果的法律依据</summary>
              <ul>
                {OUTCOMES.filter((o) => o.byReply).map((o) => (
                  <li key={o.code}>
                    {outcomeLabel(o.code)}：{o.basis.join('、') || '（须写明依据）'}。{o.hint}
                  </li>
                ))}
              </ul>
            </details>
            <TextField
              name="legalBasis"
              label="法律依据"
              required
              value={val('reply', 'legalBasis')}
              error={err('reply', 'legalBasis')}
              maxLength={500}
              hint="予以公开的，通常为：《中华人民共和国政府信息公开条例》第三十六条第（二）项。可从列表中选择各办理结果的依据。"
              suggestions={[...new Set(OUTCOMES.filter((o) => o.byReply).flatMap((o) => o.basis))]}
            />
            <TextArea name="withheldParts" label="不予公开的内容（部分公开时填写）" rows={2} value={val('reply', 'withheldParts')} error={err('reply', 'withheldParts')} />
            <TextArea name="withheldReason" label="不予公开部分的理由（部分公开时填写）" rows={2} value={val('reply', 'withheldReason')} error={err('reply', 'withheldReason')} />
            <TextField name="redirectChannel" label="应当通过的渠道（信访投诉举报类申请填写）" value={val('reply', 'redirectChannel')} error={err('reply', 'redirectChannel')} maxLength={200} />
            <TextField name="responsibleAgency" label="负责公开的机关及联系方式（不属于本机关负责公开时填写）" value={val('reply', 'responsibleAgency')} error={err('reply', 'responsibleAgency')} maxLength={200} />
            <TextField name="earlierRequestNo" label="此前已答复的受理编号（重复申请时填写）" value={val('reply', 'earlierRequestNo')} error={err('reply', 'earlierRequestNo')} maxLength={30} />
            <TextArea name="replyText" label="答复说明" rows={4} value={val('reply', 'replyText')} error={err('reply', 'replyText')} hint="写入答复告知书，例如获取信息的方式、途径和时间。" />
            <TextField name="repliedOn" label="答复日期" type="date" value={val('reply', 'repliedOn', today)} error={err('reply', 'repliedOn')} />
            <p class="hint">救济途径（行政复议60日、行政诉讼6个月）由系统按设置自动写入。</p>
          </ActionForm>
        ) : null}
        {show('archive') && has('archive') ? (
          <ActionForm ctx={ctx} no={no} action="archive" title={ACTION_LABELS.archive} failed={failed}>
            <TextField name="note" label="备注" value={val('archive', 'note')} maxLength={500} />
          </ActionForm>
        ) : null}
        {show('withdraw') && has('withdraw') ? (
          <ActionForm ctx={ctx} no={no} action="withdraw" title={ACTION_LABELS.withdraw} failed={failed} warning button="登记申请人撤回申请">
            <TextArea name="note" label="申请人撤回的方式和日期" required rows={2} value={val('withdraw', 'note')} error={err('withdraw', 'note')} />
            <TextField name="on" label="撤回日期" type="date" value={val('withdraw', 'on', today)} error={err('withdraw', 'on')} />
          </ActionForm>
        ) : null}
    </>
  );
  return (
    <StaffLayout ctx={ctx} title={`申请 ${no}`} breadcrumbs={[{ href: '/staff/requests', label: '依申请公开' }, { label: no }]}>
      <h1>
        申请 {no} <span class="badge">{view.stateLabel}</span>
      </h1>
      <p>
        受理单位：{view.unitName}；承办人：{view.handlerName ?? '尚未指定（由单位管理员指定）'}；您在本申请中的身份：{view.parties.map((p) => PARTY_LABELS[p]).join('、') || '无'}
      </p>
      <NextStepsBox
        status={
          <>
            <p>
              状态：<strong>{view.stateLabel}</strong>；答复期限：
              {c.dueOn ? `${c.dueOn}${c.dueProvisional ? '（暂定）' : ''}` : '未开始或暂停计算'}
              {view.due.status === 'overdue' && view.due.overdueWorkingDays ? `，已逾期 ${view.due.overdueWorkingDays} 个工作日` : view.due.workingDaysLeft !== null && c.dueOn ? `，还剩 ${view.due.workingDaysLeft} 个工作日` : ''}。
            </p>
            {pendingExt ? (
              <p>
                延期申请待批准：{pendingExt.days} 个工作日，理由：{pendingExt.reason}
              </p>
            ) : null}
          </>
        }
        waitingFor={steps.waitingFor}
        idle={!steps.primary.length && !steps.letter}
        notes={
          steps.letter ? (
            <p class="notice">
              {LETTER_LABELS[steps.letter]}尚未生成送达。<a href={`#action-letters`}>生成{LETTER_LABELS[steps.letter]}</a>
            </p>
          ) : null
        }
      >
        {actionForms((k) => primaryKeys.has(k))}
        {r.state === 'archived' && !steps.letter ? <p>本申请已归档，无需进一步操作。</p> : null}
      </NextStepsBox>
      {view.clock.flags.length ? (
        <div class="warning-box">
          <ul>
            {view.clock.flags.map((f, i) => (
              <li key={i}>{f}</li>
            ))}
          </ul>
        </div>
      ) : null}

      <section aria-labelledby="clock-title">
        <h2 id="clock-title">答复期限</h2>
        <Facts
          rows={[
            ['收到申请之日', c.receivedOn ?? '尚未确定（网上申请待受理单位确认）'],
            ['确定依据', r.receiptBasis || ''],
            ['答复期限', c.dueOn ? <strong key="d">{c.dueOn}{c.dueProvisional ? '（暂定）' : ''}</strong> : '（未开始或暂停计算）'],
            ['期限状态', DUE_LABELS[view.due.status] + (view.due.workingDaysLeft !== null && view.due.status !== 'overdue' ? `，还剩 ${view.due.workingDaysLeft} 个工作日` : '') + (view.due.overdueWorkingDays ? `，逾期 ${view.due.overdueWorkingDays} 个工作日` : '')],
            ['补正告知期限', c.clarificationNoticeBy ? `${c.clarificationNoticeBy}（收到申请之日起7个工作日内，第三十条）` : ''],
            ['延期', c.extension ? `${c.extension.days} 个工作日（${c.extension.on} 批准）` : ''],
            ['不计入期限的工作日', c.pausedDays ? String(c.pausedDays) : ''],
          ]}
        />
        <p>
          <strong>计算方法：</strong>
          {c.summary}
        </p>
        <LedgerTable
          caption="期限台账：每个事件对答复期限的影响"
          steps={c.steps.map((s) => ({ on: s.on, label: s.label, effect: s.effect, counted: s.counted, paused: s.paused, dueOn: s.dueOn, basis: s.basis }))}
        />
      </section>

      <section aria-labelledby="app-title">
        <h2 id="app-title">申请内容</h2>
        <Facts
          rows={[
            ['申请渠道', CHANNEL_LABELS[r.channel]],
            ['申请人类型', APPLICANT_KIND_LABELS[r.applicantKind] + (r.orgSubtype ? `（${ORG_SUBTYPE_LABELS[r.orgSubtype]}）` : '')],
            ['姓名或名称', who.name],
            ['法定代表人或联系人', who.contactPerson],
            ['身份证明', `${ID_TYPE_LABELS[r.idType as IdType] ?? r.idType} ${who.idNumber}`],
            ['联系电话', who.phone],
            ['电子邮箱', who.email],
            ['通信地址', [who.address, who.postcode].filter(Boolean).join(' ')],
            ['所需信息', r.infoDescription],
            ['文号', r.infoDocNo],
            ['信息形式', r.forms.map((f) => INFO_FORM_LABELS[f] ?? f).join('、')],
            ['获取方式', r.delivery ? DELIVERY_LABELS[r.delivery] : ''],
            ['缺少的内容', r.missingItems.length ? `第二十九条第二款第${r.missingItems.map((i) => ['', '（一）', '（二）', '（三）'][i]).join('、')}项` : ''],
          ]}
        />
        {revealed ? (
          <p class="notice">已显示完整的个人信息。本次查看已记入审计日志。</p>
        ) : view.canReveal ? (
          <form method="post" action={`/staff/requests/${no}/reveal`} class="inline">
            <CsrfField token={ctx.csrfToken} />
            <button type="submit" class="button secondary">
              查看完整的身份证明号码和联系方式（将记入审计日志）
            </button>
          </form>
        ) : (
          <p class="hint">个人信息已隐藏。只有承办人和本单位管理员可以查看完整信息。</p>
        )}
      </section>

      <HandOverSection ctx={ctx} no={no} linkedMessageNo={r.linkedMessageNo} fromMessage={view.transitions.some((x) => x.action === 'from_message')} canHandOver={view.parties.length > 0 && !['archived', 'withdrawn', 'terminated'].includes(r.state)} />

      {view.outcomeLabel ? (
        <section aria-labelledby="reply-title">
          <h2 id="reply-title">办理结果</h2>
          <Facts
            rows={[
              ['办理结果', view.outcomeLabel],
              ['法律依据', r.legalBasis],
              ['不予公开的内容', r.withheldParts],
              ['不予公开的理由', r.withheldReason],
              ['告知的渠道', r.redirectChannel],
              ['负责公开的机关', r.responsibleAgency],
              ['此前的申请', r.earlierRequestNo],
              ['答复内容', r.replyText],
              ['救济途径', r.remedyText],
              ['答复日期', r.repliedOn ?? ''],
              ['办结日期', r.closedOn ?? ''],
              ['转为主动公开', r.publishedRecordRef ? <a key="rec" href={`/staff/records/${r.publishedRecordRef}`}>{r.publishedRecordRef}</a> : ''],
            ]}
          />
        </section>
      ) : null}

      {releasable ? (
        <section class="action-box" id="action-release" aria-labelledby="h-release">
          <h3 id="h-release">申请公开转为主动公开</h3>
          {failed?.action === 'release' ? (
            <div class="error-summary" role="alert" tabIndex={-1} data-autofocus>
              <ul>
                {(failed.reasons.length ? failed.reasons : Object.values(failed.errors)).map((x, i) => (
                  <li key={i}>{x}</li>
                ))}
              </ul>
            </div>
          ) : null}
          <p class="hint">条例第四十四条：多个申请人就相同政府信息提出公开申请，且该信息属于可以公开的，可以纳入主动公开的范围。转为主动公开后，生成一条“通知公告”草稿，由信息员完善后提交审核、发布。</p>
          <form method="post" action={`/staff/requests/${no}/release`}>
            <CsrfField token={ctx.csrfToken} />
            <button type="submit" class="button secondary">
              转为主动公开（生成信息草稿）
            </button>
          </form>
        </section>
      ) : null}

      <section aria-labelledby="actions-title">
        <h2 id="actions-title">办理</h2>
        {failed && !view.actions.includes(failed.action as Action) && failed.reasons.length && !['letters', 'attachments'].includes(failed.action) && !(failed.action === 'release' && releasable) ? (
          <div class="error-summary" role="alert" tabIndex={-1} data-autofocus>
            <h3>操作未完成：</h3>
            <ul>
              {failed.reasons.map((x, i) => (
                <li key={i}>{x}</li>
              ))}
            </ul>
          </div>
        ) : null}
        {!view.actions.length ? <p>在当前状态（{view.stateLabel}）下，您没有可以进行的操作。</p> : null}
        <MoreActions count={otherKeys.size} afterNextSteps={primaryKeys.size > 0} open={failedInOthers}>
          {actionForms(otherKey)}
        </MoreActions>
      </section>

      <section aria-labelledby="letters-title">
        <h2 id="letters-title">文书</h2>
        {view.letters.length ? (
          <div class="table-wrap" role="region" tabIndex={0} aria-label="已生成的文书">
            <table>
              <caption class="visually-hidden">已生成的文书</caption>
              <thead>
                <tr>
                  <th scope="col">文书</th>
                  <th scope="col">送达方式</th>
                  <th scope="col">送达日期</th>
                  <th scope="col">文件</th>
                </tr>
              </thead>
              <tbody>
                {view.letters.map((l) => (
                  <tr key={l.id}>
                    <th scope="row">{l.title}</th>
                    <td>{LETTER_METHOD_LABELS[l.method as (typeof LETTER_METHODS)[number]] ?? '未送达'}</td>
                    <td>{l.sentOn ?? '—'}</td>
                    <td>{l.attachmentId ? <a href={`/staff/requests/${no}/files/${l.attachmentId}`}>下载 .docx</a> : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p>尚未生成文书。</p>
        )}
        {letterChoices.length ? (
          <section class="action-box" id="action-letters" aria-labelledby="h-letters">
            <h3 id="h-letters">生成并送达文书</h3>
            {failed?.action === 'letters' ? (
              failed.reasons.length ? (
                <div class="error-summary" role="alert" tabIndex={-1} data-autofocus>
                  <ul>
                    {failed.reasons.map((x, i) => (
                      <li key={i}>{x}</li>
                    ))}
                  </ul>
                </div>
              ) : (
                <ErrorSummary errors={failed.errors} />
              )
            ) : null}
            <p class="hint">文书按当前的文书模板生成（Word 格式）。可先下载草稿核对，再登记送达；登记后申请人可在查询页面下载。选择电子邮件的，系统同时向申请人发送邮件。</p>
            <form method="post" action={`/staff/requests/${no}/letters`} novalidate>
              <CsrfField token={ctx.csrfToken} />
              <SelectField
                name="kind"
                label="文书"
                required
                value={val('letters', 'kind', (letterChoice ?? letterChoices[letterChoices.length - 1]!).key)}
                error={err('letters', 'kind')}
                options={letterChoices.map((l) => ({ value: l.key, label: l.label }))}
              />
              {letterChoices.some((l) => l.needs === 'howToPay') ? (
                <TextField name="howToPay" label="缴纳方式（收费通知书）" value={val('letters', 'howToPay')} error={err('letters', 'howToPay')} maxLength={300} hint="例如缴款账户或缴费窗口。" />
              ) : null}
              <SelectField
                name="method"
                label="送达方式"
                value={val('letters', 'method')}
                error={err('letters', 'method')}
                placeholder="（仅下载草稿，不登记送达）"
                options={LETTER_METHODS.map((m) => ({ value: m, label: LETTER_METHOD_LABELS[m] }))}
              />
              <TextField name="sentOn" label="送达日期" type="date" value={val('letters', 'sentOn', today)} error={err('letters', 'sentOn')} />
              <button type="submit" name="step" value="draft" class="button secondary">
                下载草稿
              </button>{' '}
              <button type="submit" name="step" value="send" class="button">
                生成并登记送达
              </button>
            </form>
          </section>
        ) : null}
      </section>

      <section aria-labelledby="files-title">
        <h2 id="files-title">附件</h2>
        {view.attachments.length ? (
          <ul>
            {view.attachments.map((a) => (
              <li key={a.id}>
                <a href={`/staff/requests/${no}/files/${a.id}`}>{a.fileName}</a> <span class="hint">（{ATTACHMENT_KIND_LABELS[a.kind] ?? a.kind}，{Math.ceil(a.size / 1024)} KB）</span>
                {a.kind === 'released' ? (
                  <>
                    {' '}
                    <a href={`/staff/requests/${no}/files/${a.id}/redaction`}>
                      提供前检查个人信息<span class="visually-hidden">：{a.fileName}</span>
                    </a>
                  </>
                ) : null}
                {a.activeContent ? <strong class="attachment-warning">注意：{a.activeContent}，只能下载，打开前请确认来源可信。</strong> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p>没有附件。</p>
        )}
        {view.parties.some((p) => p === 'handler' || p === 'unit_staff' || p === 'openness_office') ? (
          <form method="post" action={`/staff/requests/${no}/files`} enctype="multipart/form-data" class="action-box">
            <CsrfField token={ctx.csrfToken} />
            {failed?.action === 'attachments' ? <ErrorSummary errors={failed.errors} /> : null}
            <RadioGroup
              name="kind"
              legend="附件类型"
              inline
              value={val('attachments', 'kind', 'released')}
              options={[
                { value: 'released', label: '提供给申请人的信息' },
                { value: 'other', label: '其他材料' },
              ]}
            />
            <div class={failed?.action === 'attachments' && failed.errors.file ? 'field field-error' : 'field'}>
              <label for="f-file">选择文件</label>
              <input type="file" id="f-file" name="file" />
            </div>
            <button type="submit" class="button secondary">
              上传附件
            </button>
          </form>
        ) : null}
      </section>

      {similar && similar.similar.length ? (
        <section aria-labelledby="similar-title">
          <h2 id="similar-title">相同或相似信息的申请</h2>
          {similar.proactiveCandidate ? (
            <p class="warning-box">
              已有 {similar.applicants} 位申请人申请相同或相似的信息。依照条例第四十四条，可以公开的，可以纳入主动公开的范围。
            </p>
          ) : null}
          <div class="table-wrap" role="region" tabIndex={0} aria-label="相同或相似信息的申请">
            <table>
              <caption class="visually-hidden">相同或相似信息的申请</caption>
              <thead>
                <tr>
                  <th scope="col">受理编号</th>
                  <th scope="col">单位</th>
                  <th scope="col">状态</th>
                  <th scope="col">办理结果</th>
                  <th scope="col">相同之处</th>
                  <th scope="col">其他申请人</th>
                </tr>
              </thead>
              <tbody>
                {similar.similar.map((s) => (
                  <tr key={s.id}>
                    <th scope="row">
                      <a href={`/staff/requests/${s.requestNo}`}>{s.requestNo}</a>
                    </th>
                    <td>{unitNames.get(s.unitId) ?? ''}</td>
                    <td>{s.stateLabel}</td>
                    <td>{s.outcomeLabel ?? '—'}</td>
                    <td>{s.match === 'doc_no' ? '文号相同' : s.match === 'description' ? '描述相同' : `描述相似（${Math.round(s.score * 100)}%）`}</td>
                    <td>{s.otherApplicant ? '是' : '否'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}

      <section aria-labelledby="history-title">
        <h2 id="history-title">办理记录</h2>
        <div class="table-wrap" role="region" tabIndex={0} aria-label="办理记录">
          <table>
            <caption class="visually-hidden">办理记录</caption>
            <thead>
              <tr>
                <th scope="col">时间</th>
                <th scope="col">操作</th>
                <th scope="col">状态变化</th>
                <th scope="col">操作人</th>
                <th scope="col">说明</th>
              </tr>
            </thead>
            <tbody>
              {view.transitions.map((t) => (
                <tr key={t.id}>
                  <td class="nowrap">{formatInstant(t.at)}</td>
                  <th scope="row">{ACTION_LABELS[t.action as Action] ?? HAND_OVER_LABELS[t.action] ?? (t.action === 'submit_online' ? '网上提交' : t.action === 'register' ? '登记申请' : t.action)}</th>
                  <td>
                    {t.fromState ? STATE_LABELS[t.fromState as RequestState] : '—'} → {STATE_LABELS[t.toState]}
                  </td>
                  <td>{t.actorName}</td>
                  <td>{t.note}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </StaffLayout>
  );
}

/** History rows of the hand-over with 互动交流 (service-handover.ts). */
const HAND_OVER_LABELS: Record<string, string> = { from_message: '由互动交流转来', to_message: '转互动交流办理' };

/**
 * The link with 互动交流 and, while there is none, the hand-over of a 信访/投诉/举报 or consultation
 * made in the form of a request (条例 第三十九条第一款). The message is created by the 互动交流 module
 * (its route); the kinds are the ones of that module's intake.
 */
function HandOverSection({ ctx, no, linkedMessageNo, fromMessage, canHandOver }: { ctx: RequestPageProps['ctx']; no: string; linkedMessageNo: string; fromMessage: boolean; canHandOver: boolean }) {
  if (linkedMessageNo)
    return (
      <section aria-labelledby="to-message-title" id="to-message">
        <h2 id="to-message-title">互动交流</h2>
        <p>
          {fromMessage ? '本申请由互动交流诉求转来：' : '本申请已转互动交流办理（条例第三十九条第一款）：'}
          <a href={`/staff/messages/${linkedMessageNo}`}>{linkedMessageNo}</a>
          {fromMessage ? '' : '。仍须答复申请人：办理结果选择“信访举报投诉类申请”，告知的渠道写明该编号。'}
        </p>
      </section>
    );
  if (!canHandOver) return null;
  const kinds = [
    ['complaint', '投诉'],
    ['report', '举报'],
    ['consult', '咨询'],
    ['help', '求助'],
    ['suggestion', '意见建议'],
  ] as const;
  return (
    <section aria-labelledby="to-message-title" id="to-message">
      <h2 id="to-message-title">转互动交流办理</h2>
      <p class="hint">以政府信息公开申请的形式进行信访、投诉、举报或咨询的，不作为政府信息公开申请处理（条例第三十九条第一款）。转为互动交流诉求后，由政务公开办派单办理；本申请仍须告知申请人。</p>
      <form method="post" action={`/staff/messages/from-request/${no}`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <SelectField name="kind" label="诉求类型" value="complaint" required options={kinds.map(([value, label]) => ({ value, label }))} />
        <button type="submit" class="button secondary">
          转互动交流办理
        </button>
      </form>
    </section>
  );
}
