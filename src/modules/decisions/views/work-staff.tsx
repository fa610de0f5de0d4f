// Staff pages of key-task entry, 建议提案办理 and 督查/审计 findings.
import type { PageContext } from '../../../core/ui/context.ts';
import { StaffLayout } from '../../../core/ui/layout.tsx';
import { CheckboxGroup, CsrfField, ErrorSummary, Paragraphs, RadioGroup, SelectField, TextArea, TextField, RefusalBox } from '../../../core/ui/components.tsx';
import { MEETING_KINDS } from '../domain/meetings.ts';
import { PROPOSAL_KINDS, PROPOSAL_STATE_LABELS, PUBLICITY_LABELS, RESULT_LABELS, SATISFACTION_LABELS, proposalState, type ProposalKind, type ProposalResult, type Satisfaction } from '../domain/proposals.ts';
import { FINDING_KINDS, RECTIFICATION_LABELS, rectificationState } from '../domain/findings.ts';
import type { FindingRow, MeetingRow, ProposalRow } from '../data/repository.ts';
import type { Form } from './staff.tsx';

const BASE = '/staff/decisions';
const empty: Form = { values: {}, errors: {} };
type Option = { id: number; name: string };

export interface TaskFormProps {
  ctx: PageContext;
  /** Absent when creating. */
  code?: string;
  title?: string;
  units: Option[];
  parents: { code: string; title: string; year: number }[];
  form: Form;
}

/** One form for a new key task and for changing one (the year is fixed once created). */
export function TaskFormPage({ ctx, code, title, units, parents, form }: TaskFormProps) {
  const v = form.values;
  const heading = code ? `修改重点工作：${title}` : '新增重点工作';
  return (
    <StaffLayout ctx={ctx} title={heading} breadcrumbs={[{ href: BASE, label: '决策和执行公开' }, ...(code ? [{ href: `${BASE}/tasks/${code}`, label: title ?? '' }] : []), { label: code ? '修改' : '新增重点工作' }]}>
      <h1>{heading}</h1>
      <p>保存后即在“执行公开”页面公开。有子任务的工作，完成进度按各子任务进度的平均值计算，不再单独报送进展。</p>
      <ErrorSummary errors={form.errors} />
      <form method="post" action={code ? `${BASE}/tasks/${code}/edit` : `${BASE}/tasks`} class="narrow">
        <CsrfField token={ctx.csrfToken} />
        {code ? <input type="hidden" name="year" value={v.year} /> : <TextField name="year" label="年度" value={v.year} error={form.errors.year} inputMode="numeric" maxLength={4} required />}
        <TextField name="title" label="重点工作" hint="如：新增城市公共停车泊位1500个" value={v.title} error={form.errors.title} maxLength={200} required />
        <TextField name="source" label="任务来源" hint="如：2026年市政府工作报告；或重大行政决策的名称" value={v.source} error={form.errors.source} maxLength={100} required />
        <SelectField
          name="parentCode"
          label="上级任务（选填）"
          hint="作为某项重点工作的子任务时选择"
          value={v.parentCode}
          error={form.errors.parentCode}
          options={parents.map((p) => ({ value: p.code, label: `${p.year}年：${p.title}` }))}
          placeholder="无（作为一级任务）"
        />
        <SelectField name="leadUnitId" label="牵头单位" value={v.leadUnitId} error={form.errors.leadUnitId} options={units.map((u) => ({ value: String(u.id), label: u.name }))} placeholder="请选择" required />
        <TextField name="supportingUnits" label="配合单位（选填）" hint="多个单位用顿号分隔，如：市财政局、各街道办事处" value={v.supportingUnits} error={form.errors.supportingUnits} maxLength={500} />
        <TextArea name="steps" label="实施步骤（选填，每行一步）" hint="如：3月底前完成项目立项" value={v.steps} error={form.errors.steps} rows={4} />
        <TextField name="startsOn" label="开始日期" hint="格式如 2026-02-01；第一次进展报告从这天起算" value={v.startsOn} error={form.errors.startsOn} required />
        <TextField name="dueOn" label="完成时限" hint="格式如 2026-12-31" value={v.dueOn} error={form.errors.dueOn} required />
        <TextField name="reportEveryDays" label="进展报告周期（天）" hint="每月报告填 30；超过周期未公开新的进展即标为“进展报告逾期”" value={v.reportEveryDays} error={form.errors.reportEveryDays} inputMode="numeric" maxLength={3} required />
        <button type="submit" class="button">
          {code ? '保存修改' : '保存并公开'}
        </button>
      </form>
    </StaffLayout>
  );
}

// ------------------------------------------------------------------ 建议提案办理

export function ProposalsStaffPage({ ctx, year, rows, unitName, units, canManage, form = empty, today }: { ctx: PageContext; year: number; rows: ProposalRow[]; unitName: (id: number) => string; units: Option[]; canManage: boolean; form?: Form; today: string }) {
  const v = form.values;
  return (
    <StaffLayout ctx={ctx} title="建议提案办理" breadcrumbs={[{ href: BASE, label: '决策和执行公开' }, { label: '建议提案办理' }]}>
      <h1>{year}年建议提案办理</h1>
      {rows.length ? (
        <div class="table-wrap" role="region" tabIndex={0} aria-label="建议提案">
          <table>
            <caption>
              {year}年人大代表建议和政协提案（共{rows.length}件）
            </caption>
            <thead>
              <tr>
                <th scope="col">类别和编号</th>
                <th scope="col">标题</th>
                <th scope="col">主办单位</th>
                <th scope="col">答复期限</th>
                <th scope="col">状态</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((p) => {
                const s = proposalState(p, today);
                return (
                  <tr key={p.publicCode}>
                    <td class="nowrap">
                      {PROPOSAL_KINDS[p.kind].label}第{p.number}号
                    </td>
                    <td>
                      <a href={`${BASE}/proposals/${p.publicCode}`}>{p.title}</a>
                    </td>
                    <td>{unitName(p.leadUnitId)}</td>
                    <td class="nowrap">{p.dueOn}</td>
                    <td class={s === 'overdue' || s === 'reopen' ? 'status-bad' : s === 'published' ? 'status-ok' : undefined}>{PROPOSAL_STATE_LABELS[s]}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : (
        <p>本年度尚未登记建议提案。</p>
      )}
      {canManage ? (
        <section aria-labelledby="new-proposal">
          <h2 id="new-proposal">登记交办的建议提案</h2>
          <ErrorSummary errors={form.errors} />
          <form method="post" action={`${BASE}/proposals`} class="narrow">
            <CsrfField token={ctx.csrfToken} />
            <RadioGroup name="kind" legend="类别" value={v.kind ?? ''} error={form.errors.kind} options={Object.entries(PROPOSAL_KINDS).map(([k, x]) => ({ value: k, label: x.label }))} inline required />
            <TextField name="year" label="年度" value={v.year ?? String(year)} error={form.errors.year} inputMode="numeric" maxLength={4} required />
            <TextField name="number" label="编号" hint="人大、政协编的号，如 0123" value={v.number} error={form.errors.number} maxLength={20} required />
            <TextField name="title" label="标题" value={v.title} error={form.errors.title} maxLength={200} required />
            <TextField name="proposer" label="提出人" hint="代表或委员姓名；联名的写领衔人，如：李明等5名代表" value={v.proposer} error={form.errors.proposer} maxLength={100} required />
            <SelectField name="leadUnitId" label="主办单位" value={v.leadUnitId} error={form.errors.leadUnitId} options={units.map((u) => ({ value: String(u.id), label: u.name }))} placeholder="请选择" required />
            <TextField name="supportingUnits" label="协办单位（选填）" value={v.supportingUnits} error={form.errors.supportingUnits} maxLength={300} />
            <TextField name="assignedOn" label="交办日期" hint="格式如 2026-03-31" value={v.assignedOn} error={form.errors.assignedOn} required />
            <TextField name="dueOn" label="答复期限（选填）" hint="不填则为交办之日起3个月" value={v.dueOn} error={form.errors.dueOn} />
            <button type="submit" class="button">
              登记
            </button>
          </form>
        </section>
      ) : null}
    </StaffLayout>
  );
}

export interface ProposalStaffProps {
  ctx: PageContext;
  p: ProposalRow;
  leadUnit: string;
  today: string;
  canReply: boolean;
  canManage: boolean;
  replyForm?: Form;
  publishForm?: Form;
  refusals?: string[];
}

export function ProposalStaffPage({ ctx, p, leadUnit, today, canReply, canManage, replyForm = empty, publishForm = empty, refusals }: ProposalStaffProps) {
  const here = `${BASE}/proposals/${p.publicCode}`;
  const state = proposalState(p, today);
  const rv = replyForm.values;
  const pv = publishForm.values;
  return (
    <StaffLayout ctx={ctx} title={p.title} breadcrumbs={[{ href: BASE, label: '决策和执行公开' }, { href: `${BASE}/proposals?year=${p.year}`, label: '建议提案办理' }, { label: p.title }]}>
      <h1>{p.title}</h1>
      <RefusalBox reasons={refusals} />
      <dl class="facts">
        <dt>类别和编号</dt>
        <dd>
          {PROPOSAL_KINDS[p.kind].label}第{p.number}号
        </dd>
        <dt>提出人</dt>
        <dd>{p.proposer}</dd>
        <dt>主办单位</dt>
        <dd>{leadUnit}</dd>
        <dt>协办单位</dt>
        <dd>{p.supportingUnits || '—'}</dd>
        <dt>交办日期</dt>
        <dd>{p.assignedOn}</dd>
        <dt>答复期限</dt>
        <dd>{p.dueOn}</dd>
        <dt>状态</dt>
        <dd>{PROPOSAL_STATE_LABELS[state]}</dd>
        {p.repliedOn ? (
          <>
            <dt>答复日期</dt>
            <dd>{p.repliedOn}</dd>
            <dt>办理结果</dt>
            <dd>{RESULT_LABELS[p.result as ProposalResult]}</dd>
          </>
        ) : null}
        {p.publishedOn ? (
          <>
            <dt>公开</dt>
            <dd>
              {p.publishedOn}，{PUBLICITY_LABELS[p.publicity as keyof typeof PUBLICITY_LABELS]}（<a href={`/decisions/proposals/items/${p.publicCode}`}>公开页面</a>）
            </dd>
          </>
        ) : null}
      </dl>
      {p.replyText ? (
        <section aria-labelledby="reply-text">
          <h2 id="reply-text">办理复文</h2>
          <Paragraphs text={p.replyText} />
        </section>
      ) : null}
      {canReply && !p.publishedOn && (!p.repliedOn || p.satisfaction === 'unsatisfied') ? (
        <section aria-labelledby="reply-title">
          <h2 id="reply-title">{p.repliedOn ? '重新办理：填写新的复文' : '填写办理复文'}</h2>
          <ErrorSummary errors={replyForm.errors} />
          <form method="post" action={`${here}/reply`} class="narrow">
            <CsrfField token={ctx.csrfToken} />
            <TextField name="repliedOn" label="答复日期" hint="格式如 2026-06-20" value={rv.repliedOn} error={replyForm.errors.repliedOn} required />
            <RadioGroup name="result" legend="办理结果" value={rv.result ?? ''} error={replyForm.errors.result} options={Object.entries(RESULT_LABELS).map(([k, l]) => ({ value: k, label: l }))} required />
            <TextArea name="replyText" label="办理复文全文" value={rv.replyText} error={replyForm.errors.replyText} rows={10} required />
            <button type="submit" class="button">
              保存复文
            </button>
          </form>
        </section>
      ) : null}
      {canManage && p.repliedOn && !p.publishedOn && p.satisfaction !== 'unsatisfied' ? (
        <section aria-labelledby="publish-title">
          <h2 id="publish-title">代表（委员）意见和公开办理结果</h2>
          <p>复文涉及公共利益、社会关注度高的，一般全文公开；含国家秘密、商业秘密、个人隐私等内容的，可公开摘要或不公开并说明理由。选择“不满意”时转为重新办理，不公开。</p>
          <ErrorSummary errors={publishForm.errors} />
          <form method="post" action={`${here}/publish`} class="narrow">
            <CsrfField token={ctx.csrfToken} />
            <RadioGroup
              name="satisfaction"
              legend="代表（委员）对办理结果的意见"
              value={pv.satisfaction ?? ''}
              error={publishForm.errors.satisfaction}
              options={[...Object.entries(SATISFACTION_LABELS).map(([k, l]) => ({ value: k, label: l })), { value: '', label: '未反馈' }]}
              inline
            />
            <RadioGroup name="publicity" legend="公开方式" value={pv.publicity ?? 'full'} error={publishForm.errors.publicity} options={Object.entries(PUBLICITY_LABELS).map(([k, l]) => ({ value: k, label: l }))} inline />
            <TextArea name="summary" label="复文摘要（选择“公开摘要”时填写）" value={pv.summary} error={publishForm.errors.summary} rows={4} />
            <TextArea name="withheldReason" label="不公开的理由（选择“不公开”时填写）" value={pv.withheldReason} error={publishForm.errors.withheldReason} rows={2} />
            <button type="submit" class="button">
              提交
            </button>
          </form>
        </section>
      ) : null}
    </StaffLayout>
  );
}

export const satisfactionLabel = (s: string | null) => (s ? SATISFACTION_LABELS[s as Satisfaction] : '未反馈');
export const kindLabel = (k: string) => PROPOSAL_KINDS[k as ProposalKind]?.label ?? k;

// ------------------------------------------------------------------ 督查、审计

export interface FindingsStaffProps {
  ctx: PageContext;
  year: number;
  rows: FindingRow[];
  unitName: (id: number) => string;
  units: Option[];
  tasks: { code: string; title: string }[];
  today: string;
  form?: Form;
  rectify?: { code: string } & Form;
  refusals?: string[];
}

export function FindingsStaffPage({ ctx, year, rows, unitName, units, tasks, today, form = empty, rectify, refusals }: FindingsStaffProps) {
  const v = form.values;
  return (
    <StaffLayout ctx={ctx} title="督查和审计发现的问题" breadcrumbs={[{ href: BASE, label: '决策和执行公开' }, { label: '督查和审计' }]}>
      <h1>{year}年督查和审计发现的问题</h1>
      <RefusalBox reasons={refusals} />
      <p>登记后即在“督查审计整改”公开页面公开。整改完成后登记整改结果。</p>
      {rows.length ? (
        rows.map((f) => {
          const s = rectificationState(f, today);
          const rf = rectify?.code === f.publicCode ? rectify : empty;
          return (
            <article key={f.publicCode} aria-labelledby={`f-${f.publicCode}`}>
              <h2 id={`f-${f.publicCode}`}>
                {FINDING_KINDS[f.kind]}：{f.source}（{unitName(f.unitId)}）
              </h2>
              <p>
                发现日期 {f.foundOn}，整改时限 {f.rectifyBy}，<span class={s === 'overdue' || s === 'rectified_late' ? 'status-bad' : s === 'rectified' ? 'status-ok' : undefined}>{RECTIFICATION_LABELS[s]}</span>
              </p>
              <Paragraphs text={f.finding} />
              {f.rectifiedOn ? (
                <p>
                  {f.rectifiedOn}整改完成：{f.result}
                </p>
              ) : (
                <details open={!!rectify && rectify.code === f.publicCode}>
                  <summary>登记整改结果</summary>
                  <ErrorSummary errors={rf.errors} />
                  <form method="post" action={`${BASE}/findings/${f.publicCode}/rectify`} class="narrow">
                    <CsrfField token={ctx.csrfToken} />
                    <TextField name={`rectifiedOn_${f.publicCode}`} label="整改完成日期" value={rf.values[`rectifiedOn_${f.publicCode}`]} error={rf.errors[`rectifiedOn_${f.publicCode}`]} required />
                    <TextArea name={`result_${f.publicCode}`} label="整改结果" value={rf.values[`result_${f.publicCode}`]} error={rf.errors[`result_${f.publicCode}`]} rows={3} required />
                    <button type="submit" class="button secondary">
                      登记整改结果
                    </button>
                  </form>
                </details>
              )}
            </article>
          );
        })
      ) : (
        <p>本年度尚未登记督查或审计发现的问题。</p>
      )}
      <section aria-labelledby="new-finding">
        <h2 id="new-finding">登记发现的问题</h2>
        <ErrorSummary errors={form.errors} />
        <form method="post" action={`${BASE}/findings`} class="narrow">
          <CsrfField token={ctx.csrfToken} />
          <RadioGroup name="kind" legend="类别" value={v.kind ?? ''} error={form.errors.kind} options={Object.entries(FINDING_KINDS).map(([k, l]) => ({ value: k, label: l }))} inline required />
          <TextField name="source" label="督查或审计名称" hint="如：2026年第三季度重点工作专项督查" value={v.source} error={form.errors.source} maxLength={200} required />
          <SelectField name="unitId" label="被督查（审计）单位" value={v.unitId} error={form.errors.unitId} options={units.map((u) => ({ value: String(u.id), label: u.name }))} placeholder="请选择" required />
          <SelectField name="taskCode" label="相关重点工作（选填）" value={v.taskCode} error={form.errors.taskCode} options={tasks.map((t) => ({ value: t.code, label: t.title }))} placeholder="无" />
          <TextField name="foundOn" label="发现日期" hint="格式如 2026-09-15" value={v.foundOn} error={form.errors.foundOn} required />
          <TextArea name="finding" label="发现的问题" value={v.finding} error={form.errors.finding} rows={4} required />
          <TextArea name="measures" label="整改要求（选填）" value={v.measures} error={form.errors.measures} rows={3} />
          <TextField name="rectifyBy" label="整改时限" hint="格式如 2026-12-31" value={v.rectifyBy} error={form.errors.rectifyBy} required />
          <button type="submit" class="button">
            登记并公开
          </button>
        </form>
      </section>
    </StaffLayout>
  );
}

// ------------------------------------------------------------------ 常务会议、专题会议

export function MeetingsStaffPage({ ctx, year, rows, decisions, form = empty }: { ctx: PageContext; year: number; rows: MeetingRow[]; decisions: { code: string; title: string }[]; form?: Form & { codes?: string[] } }) {
  const v = form.values;
  return (
    <StaffLayout ctx={ctx} title="常务会议和专题会议" breadcrumbs={[{ href: BASE, label: '决策和执行公开' }, { label: '常务会议和专题会议' }]}>
      <h1>{year}年常务会议和专题会议</h1>
      {rows.length ? (
        <ul>
          {rows.map((m) => (
            <li key={m.publicCode}>
              <a href={`/decisions/meetings/items/${m.publicCode}`}>{m.name}</a>（{m.heldOn}，{MEETING_KINDS[m.kind]}）
            </li>
          ))}
        </ul>
      ) : (
        <p>本年度尚未登记会议。</p>
      )}
      <section aria-labelledby="new-meeting">
        <h2 id="new-meeting">登记会议并公开</h2>
        <p>会后登记议题、列席人员和会议纪要（或新闻稿），保存后即在“决策公开”栏目公开，并出现在所选决策事项的页面上。</p>
        <ErrorSummary errors={form.errors} />
        <form method="post" action={`${BASE}/meetings`} class="narrow">
          <CsrfField token={ctx.csrfToken} />
          <RadioGroup name="kind" legend="会议类型" value={v.kind ?? 'executive'} error={form.errors.kind} options={Object.entries(MEETING_KINDS).map(([k, l]) => ({ value: k, label: l }))} inline />
          <TextField name="name" label="会议名称" hint="如：市人民政府第40次常务会议" value={v.name} error={form.errors.name} maxLength={100} required />
          <TextField name="heldOn" label="会议日期" hint="格式如 2026-11-18" value={v.heldOn} error={form.errors.heldOn} required />
          <TextArea name="topics" label="议题（每行一个）" value={v.topics} error={form.errors.topics} rows={4} required />
          <TextField name="attendees" label="列席人员（选填）" hint="如：市民代表2名、专家1名、新闻媒体" value={v.attendees} error={form.errors.attendees} />
          <TextArea name="summary" label="会议纪要或新闻稿" value={v.summary} error={form.errors.summary} rows={8} required />
          <TextArea name="interpretation" label="解读（选填）" value={v.interpretation} error={form.errors.interpretation} rows={4} />
          {decisions.length ? <CheckboxGroup name="decisionCodes" legend="研究的重大行政决策事项（选填）" options={decisions.map((d) => ({ value: d.code, label: d.title }))} values={form.codes ?? []} error={form.errors.decisionCodes} /> : null}
          <button type="submit" class="button">
            登记并公开
          </button>
        </form>
      </section>
    </StaffLayout>
  );
}
