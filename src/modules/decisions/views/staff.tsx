// Staff pages of 决策公开 and 执行公开: the year's decisions and catalog, a dossier with a form per
// step, the draft's comment period (the shared one), publication, progress reports and their review.
import type { PageContext } from '../../../core/ui/context.ts';
import type { FieldErrors } from '../../../core/http/form.ts';
import { StaffLayout } from '../../../core/ui/layout.tsx';
import { CsrfField, ErrorSummary, Paragraphs, RadioGroup, SelectField, TextArea, TextField, RefusalBox } from '../../../core/ui/components.tsx';
import { CommentBlock, DECISION_PERIOD_RULE, StatusText } from '../deps.ts';
import { DECISION_STATUS_LABELS, STEP_INFO, type Step } from '../domain/steps.ts';
import type { DecisionRow, EvidenceRow, MeetingRow, ProgressRow, TaskRow } from '../data/repository.ts';
import { EvidenceForm, EvidenceList } from './evidence.tsx';
import type { CommentRow } from '../deps.ts';
import { formatInstant } from '../../../core/clock.ts';
import type { CatalogRow, DossierView, TaskView } from '../service-read.ts';
import { FlagText, Percent, STEP_STATE_LABELS, StepBody } from './shared.tsx';
import { NewSurveySection } from './survey.tsx';
import { SURVEY_STATE_LABELS } from '../domain/survey.ts';
import type { SurveySummary } from '../service-survey.ts';

const BASE = '/staff/decisions';
const crumbs = (last?: string) => [{ href: BASE, label: '决策和执行公开' }, ...(last ? [{ label: last }] : [])];

export type Form = { values: Record<string, string>; errors: FieldErrors };
const empty: Form = { values: {}, errors: {} };

export interface StaffHomeProps {
  ctx: PageContext;
  year: number;
  rows: CatalogRow[];
  tasks: TaskView[];
  pending: (ProgressRow & { taskCode: string; taskTitle: string })[];
  canManage: boolean;
  catalogForm?: Form;
  reviewForm?: { id: number } & Form;
  refusals?: string[];
}

export function StaffHomePage({ ctx, year, rows, tasks, pending, canManage, catalogForm = empty, reviewForm, refusals }: StaffHomeProps) {
  const late = tasks.filter((t) => t.flag === 'overdue' || t.flag === 'report_late');
  return (
    <StaffLayout ctx={ctx} title="决策和执行公开" breadcrumbs={crumbs()}>
      <h1>{year}年决策和执行公开</h1>
      <RefusalBox reasons={refusals} />
      {canManage ? (
        <p>
          <a class="button" href={`${BASE}/new`}>
            登记重大行政决策事项
          </a>{' '}
          <a class="button secondary" href={`${BASE}/tasks/new?year=${year}`}>
            新增重点工作
          </a>{' '}
          <a class="button secondary" href="/decisions">
            查看公开页面
          </a>
        </p>
      ) : null}
      <p>
        另见：<a href={`${BASE}/proposals?year=${year}`}>建议提案办理</a>
        {canManage ? (
          <>
            、<a href={`${BASE}/findings?year=${year}`}>督查和审计发现的问题</a>、<a href={`${BASE}/meetings?year=${year}`}>常务会议和专题会议</a>
          </>
        ) : null}
      </p>
      <h2>重大行政决策事项</h2>
      {rows.length ? (
        <div class="table-wrap" role="region" tabIndex={0} aria-label="重大行政决策事项">
          <table>
            <caption>{year}年重大行政决策事项（共{rows.length}项）</caption>
            <thead>
              <tr>
                <th scope="col">决策事项</th>
                <th scope="col">承办单位</th>
                <th scope="col">计划完成时间</th>
                <th scope="col">状态</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.decision.publicCode}>
                  <td>{canManage ? <a href={`${BASE}/items/${r.decision.publicCode}`}>{r.decision.title}</a> : r.decision.title}</td>
                  <td>{r.leadUnit}</td>
                  <td>{r.decision.plannedOn ?? '—'}</td>
                  <td>
                    {DECISION_STATUS_LABELS[r.status]}
                    {r.pastPlan ? <span class="status-warn">（已过计划时间）</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>本年度尚未登记重大行政决策事项。</p>
      )}
      {canManage ? (
        <section aria-labelledby="catalog-title">
          <h2 id="catalog-title">发布{year}年决策事项目录</h2>
          <p>把上表全部事项作为目录的新版本发布到公开页面；以前的版本仍可查看。</p>
          <ErrorSummary errors={catalogForm.errors} />
          <form method="post" action={`${BASE}/catalog/${year}`} class="narrow">
            <CsrfField token={ctx.csrfToken} />
            <TextField name="reason" label="本版说明" hint="如：首次发布；新增“……”一项" value={catalogForm.values.reason} error={catalogForm.errors.reason} maxLength={500} required />
            <button type="submit" class="button">
              发布目录新版本
            </button>
          </form>
        </section>
      ) : null}
      <h2>重点工作进展提醒</h2>
      {late.length ? (
        <ul>
          {late.map((t) => (
            <li key={t.task.publicCode}>
              <a href={`${BASE}/tasks/${t.task.publicCode}`}>{t.task.title}</a>（{t.leadUnit}）：<FlagText flag={t.flag} />
              {t.flag === 'report_late' ? `，进展报告应于${t.nextReportOn}前公开` : `，完成时限${t.task.dueOn}`}
            </li>
          ))}
        </ul>
      ) : (
        <p>没有逾期的重点工作或进展报告。</p>
      )}
      {canManage ? (
        <section aria-labelledby="review-title">
          <h2 id="review-title">待审核的进展报告</h2>
          {pending.length ? (
            pending.map((p) => {
              const f = reviewForm?.id === p.id ? reviewForm : empty;
              return (
                <article key={p.id} aria-labelledby={`p-${p.id}`}>
                  <h3 id={`p-${p.id}`}>
                    {p.taskTitle}：{p.reportedOn}，完成{p.percent}%（{p.submittedByName}报送）
                  </h3>
                  <Paragraphs text={p.done} />
                  {p.problems ? <p>存在问题：{p.problems}</p> : null}
                  {p.nextSteps ? <p>下一步：{p.nextSteps}</p> : null}
                  <ErrorSummary errors={f.errors} />
                  <form method="post" action={`${BASE}/progress/${p.id}/review`}>
                    <CsrfField token={ctx.csrfToken} />
                    <RadioGroup
                      name={`decision_${p.id}`}
                      legend="审核结果"
                      value={f.values[`decision_${p.id}`] ?? ''}
                      error={f.errors[`decision_${p.id}`]}
                      options={[
                        { value: 'publish', label: '公开' },
                        { value: 'return', label: '退回修改' },
                      ]}
                      inline
                    />
                    <TextField name={`note_${p.id}`} label="审核意见" hint="退回时必填，责任单位可以看到。" value={f.values[`note_${p.id}`]} error={f.errors[`note_${p.id}`]} />
                    <button type="submit" class="button secondary">
                      提交审核结果
                    </button>
                  </form>
                </article>
              );
            })
          ) : (
            <p>没有待审核的进展报告。</p>
          )}
        </section>
      ) : null}
      <h2>重点工作</h2>
      {tasks.length ? (
        <ul>
          {tasks.map((t) => (
            <li key={t.task.publicCode} style={t.depth ? `margin-left:${t.depth * 1.25}rem` : undefined}>
              <a href={`${BASE}/tasks/${t.task.publicCode}`}>{t.task.title}</a>（{t.leadUnit}）<Percent value={t.percent} /> <FlagText flag={t.flag} />
            </li>
          ))}
        </ul>
      ) : (
        <p>本年度尚无重点工作。</p>
      )}
    </StaffLayout>
  );
}

export function NewDecisionPage({ ctx, units, form }: { ctx: PageContext; units: { id: number; name: string }[]; form: Form }) {
  const v = form.values;
  return (
    <StaffLayout ctx={ctx} title="登记重大行政决策事项" breadcrumbs={crumbs('登记事项')}>
      <h1>登记重大行政决策事项</h1>
      <ErrorSummary errors={form.errors} />
      <form method="post" action={BASE} class="narrow">
        <CsrfField token={ctx.csrfToken} />
        <TextField name="year" label="目录年度" value={v.year} error={form.errors.year} inputMode="numeric" maxLength={4} required />
        <TextField name="title" label="决策事项" hint="如：楚雄市城区老旧小区改造三年行动方案" value={v.title} error={form.errors.title} maxLength={200} required />
        <SelectField name="leadUnitId" label="承办单位" value={v.leadUnitId} error={form.errors.leadUnitId} options={units.map((u) => ({ value: String(u.id), label: u.name }))} placeholder="请选择" required />
        <TextArea name="basis" label="决策依据" hint="法律法规、上级部署、政府工作报告等" value={v.basis} error={form.errors.basis} rows={3} required />
        <TextField name="plannedOn" label="计划完成时间（选填）" hint="格式如 2026-09-30" value={v.plannedOn} error={form.errors.plannedOn} />
        <TextArea name="draft" label="决策草案全文（选填）" hint="征求意见时随起草说明公开。" value={v.draft} error={form.errors.draft} rows={8} />
        <button type="submit" class="button">
          登记
        </button>
      </form>
    </StaffLayout>
  );
}

export interface StaffDossierProps {
  ctx: PageContext;
  view: DossierView;
  today: string;
  refusals?: string[];
  stepForm?: Form;
  consultForm?: Form;
  publishForm?: Form;
  answerForm?: { commentId: number } & Form;
  surveys?: SurveySummary[];
  surveyForm?: Form;
  /** Recorded meetings the 集体讨论决定 step can choose. */
  meetingChoices?: MeetingRow[];
  evidence?: EvidenceRow[];
  evidenceForm?: Form;
}

const STEP_CHOICES = (owed: Step[]) => owed.map((s) => ({ value: s, label: `${STEP_INFO[s].label}${STEP_INFO[s].kind === 'required' ? '（必经程序）' : STEP_INFO[s].kind === 'optional' ? '（适用时举行）' : ''}` }));

export function StaffDossierPage({ ctx, view: v, today, refusals, stepForm = empty, consultForm = empty, publishForm = empty, answerForm, surveys = [], surveyForm = empty, meetingChoices = [], evidence = [], evidenceForm = empty }: StaffDossierProps) {
  const d = v.decision;
  const here = `${BASE}/items/${d.publicCode}`;
  const byStep = new Map(v.steps.map((s) => [s.step, s]));
  const owed = v.views.filter((s) => s.state === 'owed' && s.step !== 'publication').map((s) => s.step);
  const c = v.consultation;
  const sv = stepForm.values;
  const unanswered = v.comments.filter((m) => !m.answer).length;
  return (
    <StaffLayout ctx={ctx} title={d.title} breadcrumbs={crumbs(d.title)}>
      <h1>{d.title}</h1>
      <RefusalBox reasons={refusals} />
      {answerForm ? <ErrorSummary errors={answerForm.errors} /> : null}
      <dl class="facts">
        <dt>承办单位</dt>
        <dd>{v.leadUnit}</dd>
        <dt>状态</dt>
        <dd>{DECISION_STATUS_LABELS[v.status]}</dd>
        <dt>公开页面</dt>
        <dd>
          <a href={`/decisions/items/${d.publicCode}`}>/decisions/items/{d.publicCode}</a>
        </dd>
      </dl>
      <h2>决策程序</h2>
      <ol class="timeline">
        {v.views.map((s) => (
          <li key={s.step} class={`step-${s.state}`}>
            <h3>
              {s.label}：{STEP_STATE_LABELS[s.state]}
            </h3>
            <StepBody view={s} row={byStep.get(s.step)} meeting={v.decidedAt} />
            <EvidenceList items={evidence.filter((e) => e.step === s.step)} heading="证据材料：" />
          </li>
        ))}
      </ol>
      {!c && v.steps.some((s) => s.step === 'launch') ? (
        <section aria-labelledby="consult-title">
          <h2 id="consult-title">发布决策草案公开征求意见</h2>
          <p>
            征求意见期限一般不少于{DECISION_PERIOD_RULE.minDays}日（{DECISION_PERIOD_RULE.basis}）；因情况紧急需要缩短的，须说明理由，理由随草案公开。
          </p>
          <ErrorSummary errors={consultForm.errors} />
          <form method="post" action={`${here}/consultation`} class="narrow">
            <CsrfField token={ctx.csrfToken} />
            <TextField name="title" label="标题" value={consultForm.values.title ?? `关于《${d.title}（征求意见稿）》公开征求意见的公告`} error={consultForm.errors.title} maxLength={200} required />
            <TextArea name="description" label="起草说明" hint="起草背景、依据、主要内容和提出意见的方式，全文公开。" value={consultForm.values.description} error={consultForm.errors.description} rows={8} required />
            <TextField name="startsOn" label="开始日期" value={consultForm.values.startsOn ?? today} error={consultForm.errors.startsOn} required />
            <TextField name="endsOn" label="截止日期" value={consultForm.values.endsOn} error={consultForm.errors.endsOn} required />
            <TextArea name="urgentReason" label="缩短征集期的理由（不少于30日时不填）" value={consultForm.values.urgentReason} error={consultForm.errors.urgentReason} rows={2} />
            <button type="submit" class="button">
              发布征求意见
            </button>
          </form>
        </section>
      ) : null}
      {c ? (
        <section aria-labelledby="comments-title">
          <h2 id="comments-title">公开征求意见（{c.startsOn} 至 {c.endsOn}）</h2>
          <p>
            状态：<StatusText status={c.state} />。共{v.comments.length}条意见，待答复{unanswered}条。
          </p>
          {c.state !== 'closed' ? (
            <form method="post" action={`${here}/consultation/close`}>
              <CsrfField token={ctx.csrfToken} />
              <button type="submit" class="button warning">
                结束征集并公布采纳情况
              </button>
            </form>
          ) : null}
          {v.comments.length ? (
            <ol>
              {v.comments.map((m, i) => (
                <li key={m.id}>
                  <CommentBlock index={i + 1} comment={m} here={`${here}/consultation`} ctx={ctx} closed={c.state === 'closed'} form={answerForm?.commentId === m.id ? answerForm : undefined} />
                </li>
              ))}
            </ol>
          ) : null}
        </section>
      ) : null}
      {owed.length ? (
        <section aria-labelledby="step-title">
          <h2 id="step-title">记录决策程序</h2>
          <ErrorSummary errors={stepForm.errors} />
          <form method="post" action={`${here}/steps`} class="narrow">
            <CsrfField token={ctx.csrfToken} />
            <SelectField name="step" label="程序" value={sv.step} error={stepForm.errors.step} options={STEP_CHOICES(owed)} required />
            <RadioGroup
              name="state"
              legend="办理情况"
              value={sv.state ?? 'done'}
              error={stepForm.errors.state}
              options={[
                { value: 'done', label: '已办理' },
                { value: 'skipped', label: '未办理（说明理由）', hint: '必经程序不能跳过' },
              ]}
            />
            <TextField name="doneOn" label="办理日期" hint="格式如 2026-05-20" value={sv.doneOn} error={stepForm.errors.doneOn} />
            <TextField name="actor" label="办理单位或人员" hint="如：市司法局；市政府专家咨询委员会" value={sv.actor} error={stepForm.errors.actor} maxLength={100} />
            <TextArea name="summary" label="办理情况" value={sv.summary} error={stepForm.errors.summary} rows={4} />
            <TextArea name="documents" label="相关材料（每行一项）" value={sv.documents} error={stepForm.errors.documents} rows={3} />
            <TextArea name="skipReason" label="未办理的理由" value={sv.skipReason} error={stepForm.errors.skipReason} rows={2} />
            <details open={!!(sv.meetingId || sv.meetingName || stepForm.errors.meetingId || stepForm.errors.meetingName)}>
              <summary>集体讨论决定：会议</summary>
              <SelectField
                name="meetingId"
                label="会议"
                hint="选择已登记的常务会议或专题会议；页面将显示会议日期和议题，会议页面列出本事项。办理日期应为会议日期。"
                value={sv.meetingId}
                error={stepForm.errors.meetingId}
                placeholder="（选择会议）"
                options={meetingChoices.map((m) => ({ value: String(m.id), label: `${m.name}（${m.heldOn}）` }))}
              />
              <p class="hint">
                会议尚未登记的，先在<a href={`${BASE}/meetings`}>政府会议</a>中登记；确需不登记的，填写以下各项：
              </p>
              <TextField name="meetingName" label="会议名称" hint="如：市人民政府第35次常务会议" value={sv.meetingName} error={stepForm.errors.meetingName} />
              <TextField name="meetingTopic" label="议题" value={sv.meetingTopic} />
              <TextField name="meetingAttendees" label="列席人员（公众代表、专家等）" value={sv.meetingAttendees} />
            </details>
            <details open={!!(sv.heldOn || stepForm.errors.heldOn || stepForm.errors.materialsSentOn)}>
              <summary>听证：日期和参加人</summary>
              <TextField name="noticeOn" label="听证公告日期" value={sv.noticeOn} error={stepForm.errors.noticeOn} />
              <TextField name="participantsPublishedOn" label="参加人名单公布日期" value={sv.participantsPublishedOn} error={stepForm.errors.participantsPublishedOn} />
              <TextField name="materialsSentOn" label="材料送达日期" hint="应不晚于听证会7日前" value={sv.materialsSentOn} error={stepForm.errors.materialsSentOn} />
              <TextField name="heldOn" label="听证会日期" value={sv.heldOn} error={stepForm.errors.heldOn} />
              <TextArea name="participants" label="听证参加人名单" value={sv.participants} error={stepForm.errors.participants} rows={3} />
            </details>
            <button type="submit" class="button">
              记录
            </button>
          </form>
        </section>
      ) : null}
      {!d.publishedOn && v.steps.some((s) => s.step === 'collective') ? (
        <section aria-labelledby="publish-title">
          <h2 id="publish-title">公布决策</h2>
          <p>每条公众意见都已答复并公布采纳情况后，才能公布决策（《重大行政决策程序暂行条例》第三十二条）。</p>
          <ErrorSummary errors={publishForm.errors} />
          <form method="post" action={`${here}/publish`} class="narrow">
            <CsrfField token={ctx.csrfToken} />
            <TextField name="docNo" label="文号（选填）" value={publishForm.values.docNo} error={publishForm.errors.docNo} maxLength={100} />
            <TextField name="publishedOn" label="公布日期" value={publishForm.values.publishedOn ?? today} error={publishForm.errors.publishedOn} required />
            <TextArea name="decisionText" label="决策内容" value={publishForm.values.decisionText} error={publishForm.errors.decisionText} rows={8} required />
            <TextArea name="explanation" label="公众意见、专家意见采纳情况说明" value={publishForm.values.explanation} error={publishForm.errors.explanation} rows={5} required />
            <button type="submit" class="button">
              公布决策
            </button>
          </form>
        </section>
      ) : null}
      {v.steps.some((s) => s.state === 'done') ? (
        <EvidenceForm ctx={ctx} action={`${here}/evidence`} steps={v.steps.filter((s) => s.state === 'done').map((s) => ({ value: s.step, label: STEP_INFO[s.step as Step].label }))} values={evidenceForm.values} errors={evidenceForm.errors} />
      ) : null}
      {surveys.length ? (
        <section aria-labelledby="surveys-title">
          <h2 id="surveys-title">社情民意调查</h2>
          <ul>
            {surveys.map((s) => (
              <li key={s.survey.publicCode}>
                <a href={`${BASE}/surveys/${s.survey.publicCode}`}>{s.survey.title}</a>（{s.survey.opensOn} 至 {s.survey.closesOn}，{SURVEY_STATE_LABELS[s.state]}）
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {d.publishedOn ? <NewSurveySection ctx={ctx} action={`${here}/surveys`} values={surveyForm.values} errors={surveyForm.errors} today={today} /> : null}
    </StaffLayout>
  );
}

export function StaffTaskPage({ ctx, task, view, reports, canReport, canManage, form, submissionKey, refusals, evidence = [], evidenceForm = empty }: { ctx: PageContext; task: TaskRow; view: TaskView; reports: ProgressRow[]; canReport: boolean; canManage: boolean; form: Form; submissionKey: string; refusals?: string[]; evidence?: EvidenceRow[]; evidenceForm?: Form }) {
  const STATES = { submitted: '待审核', published: '已公开', returned: '已退回' } as const;
  return (
    <StaffLayout ctx={ctx} title={task.title} breadcrumbs={crumbs(task.title)}>
      <h1>{task.title}</h1>
      <RefusalBox reasons={refusals} />
      <dl class="facts">
        <dt>牵头单位</dt>
        <dd>{view.leadUnit}</dd>
        <dt>完成时限</dt>
        <dd>{task.dueOn}</dd>
        <dt>完成进度</dt>
        <dd>
          <Percent value={view.percent} />
        </dd>
        <dt>状态</dt>
        <dd>
          <FlagText flag={view.flag} />（下次进展报告应于{view.nextReportOn}前公开）
        </dd>
        <dt>公开页面</dt>
        <dd>
          <a href={`/decisions/work/tasks/${task.publicCode}`}>/decisions/work/tasks/{task.publicCode}</a>
        </dd>
      </dl>
      {canManage ? (
        <p>
          <a class="button secondary" href={`${BASE}/tasks/${task.publicCode}/edit`}>
            修改任务
          </a>{' '}
          {view.latest || reports.length ? null : (
            <a class="button secondary" href={`${BASE}/tasks/new?parent=${task.publicCode}`}>
              分解子任务
            </a>
          )}
        </p>
      ) : null}
      {canReport && !view.computed ? (
        <section aria-labelledby="report-title">
          <h2 id="report-title">报送进展</h2>
          <ErrorSummary errors={form.errors} />
          <form method="post" action={`${BASE}/tasks/${task.publicCode}/progress`} class="narrow">
            <CsrfField token={ctx.csrfToken} />
            <input type="hidden" name="submissionKey" value={submissionKey} />
            <TextField name="reportedOn" label="报告日期" hint="格式如 2026-06-30" value={form.values.reportedOn} error={form.errors.reportedOn} required />
            <TextField name="percent" label="完成进度（%）" hint="0到100的整数" value={form.values.percent} error={form.errors.percent} inputMode="numeric" maxLength={3} required />
            <TextArea name="done" label="已完成的工作" value={form.values.done} error={form.errors.done} rows={4} required />
            <TextArea name="problems" label="存在问题" value={form.values.problems} error={form.errors.problems} rows={3} />
            <TextArea name="nextSteps" label="下一步计划" value={form.values.nextSteps} error={form.errors.nextSteps} rows={3} />
            <button type="submit" class="button">
              报送，等待政务公开办审核
            </button>
          </form>
        </section>
      ) : null}
      <h2>进展报告</h2>
      {reports.length ? (
        <ul>
          {[...reports].reverse().map((r) => (
            <li key={r.id}>
              {r.reportedOn}：{r.percent}%，{STATES[r.state]}
              {r.reviewNote ? `（审核意见：${r.reviewNote}）` : ''}
            </li>
          ))}
        </ul>
      ) : (
        <p>尚无进展报告。</p>
      )}
      <h2>证据材料</h2>
      {evidence.length ? <EvidenceList items={evidence} /> : <p>尚无证据材料。</p>}
      {canManage ? <EvidenceForm ctx={ctx} action={`${BASE}/tasks/${task.publicCode}/evidence`} values={evidenceForm.values} errors={evidenceForm.errors} /> : null}
    </StaffLayout>
  );
}

export function CommentContactPage({ ctx, decision, comment }: { ctx: PageContext; decision: DecisionRow; comment: CommentRow }) {
  return (
    <StaffLayout ctx={ctx} title={`意见人联系方式 - ${decision.title}`} breadcrumbs={[{ href: BASE, label: '决策和执行公开' }, { href: `${BASE}/items/${decision.publicCode}`, label: decision.title }, { label: '意见人联系方式' }]}>
      <h1>意见人联系方式</h1>
      <p class="hint">联系方式属于个人信息，仅供必要时联系提交人，不得公开或外传。本次查看已记入审计日志。</p>
      <dl class="facts">
        <dt>提交时间</dt>
        <dd>{formatInstant(comment.submittedAt)}</dd>
        <dt>姓名</dt>
        <dd>{comment.name || '未留姓名'}</dd>
        <dt>联系方式</dt>
        <dd>{comment.contact}</dd>
      </dl>
      <h2>意见内容</h2>
      <Paragraphs text={comment.body} />
    </StaffLayout>
  );
}
