// Public pages of 决策公开, 执行公开 and 结果公开. Every page works without JavaScript; charts are SVG
// drawn on the server with their numbers in a table.
import type { PageContext } from '../../../core/ui/context.ts';
import type { FieldErrors } from '../../../core/http/form.ts';
import { PublicLayout } from '../../../core/ui/layout.tsx';
import { Paragraphs } from '../../../core/ui/components.tsx';
import { ChartWithTable } from '../../../core/ui/charts.tsx';
import { shanghaiToday } from '../../../core/clock.ts';
import { CommentForm, PublishedAnswers, StatusText, type PublishedComment } from '../deps.ts';
import { DECISION_STATUS_LABELS, STEP_INFO } from '../domain/steps.ts';
import { TASK_FLAG_LABELS, type TaskFlag } from '../domain/progress.ts';
import type { CatalogVersionRow, EvidenceRow, FindingRow, ProgressRow, TaskRow } from '../data/repository.ts';
import { EvidenceList } from './evidence.tsx';
import { FindingsTable } from './work-public.tsx';
import type { CatalogRow, DossierView, TaskView } from '../service-read.ts';
import { FlagText, Percent, STEP_STATE_LABELS, StepBody } from './shared.tsx';
import { DecisionSurveys } from './survey.tsx';
import type { SurveySummary } from '../service-survey.ts';

const HOME = { href: '/decisions', label: '决策公开' };

function YearLinks({ years, year, base }: { years: number[]; year: number; base: string }) {
  if (years.length < 2) return null;
  return (
    <nav aria-label="年度">
      <p>
        年度：
        {years.map((y, i) => (
          <>
            {i ? '、' : ''}
            {y === year ? (
              <strong aria-current="page">{y}年</strong>
            ) : (
              <a href={`${base}/${y}`}>{y}年</a>
            )}
          </>
        ))}
      </p>
    </nav>
  );
}

export function DecisionsHomePage({ ctx, year, years, rows, version }: { ctx: PageContext; year: number; years: number[]; rows: CatalogRow[]; version: CatalogVersionRow | undefined }) {
  const open = rows.filter((r) => r.consultationOpen);
  return (
    <PublicLayout ctx={ctx} title="决策公开" breadcrumbs={[{ label: '决策公开' }]}>
      <h1>决策公开</h1>
      <p>
        依照《重大行政决策程序暂行条例》（国务院令第713号），本市重大行政决策事项在作出前公开决策草案、征求公众意见，作出后公布决策及意见采纳情况，并公开执行情况和决策后评估结果。另见
        <a href={`/decisions/work/${year}`}>执行公开（重点工作）</a>、<a href="/decisions/meetings">政府常务会议和专题会议</a>、<a href="/decisions/supervision">督查审计整改</a>、<a href={`/decisions/results/${year}`}>结果公开</a>和<a href="/decisions/proposals">建议提案办理结果</a>。
      </p>
      <section aria-labelledby="open-title">
        <h2 id="open-title">正在征求意见</h2>
        {open.length ? (
          <ul>
            {open.map((r) => (
              <li key={r.decision.publicCode}>
                <a href={`/decisions/items/${r.decision.publicCode}`}>{r.decision.title}</a>（征集期 {r.consultation!.startsOn} 至 {r.consultation!.endsOn}）
              </li>
            ))}
          </ul>
        ) : (
          <p>目前没有正在征求意见的决策草案。</p>
        )}
        <p>
          <a href="/decisions/consultations.atom">订阅征求意见（Atom）</a>
        </p>
      </section>
      <section aria-labelledby="catalog-title">
        <h2 id="catalog-title">{year}年重大行政决策事项目录</h2>
        <YearLinks years={years} year={year} base="/decisions/catalog" />
        <p>
          {version ? (
            <>
              目录已于{version.publishedOn}发布第{version.version}版（<a href={`/decisions/catalog/${year}`}>查看各版本</a>）。下表为各事项的最新办理状态。
            </>
          ) : (
            '本年度目录尚未发布。'
          )}
        </p>
        <CatalogTable rows={rows.map((r) => ({ code: r.decision.publicCode, title: r.decision.title, leadUnit: r.leadUnit, basis: r.decision.basis, plannedOn: r.decision.plannedOn, status: DECISION_STATUS_LABELS[r.status], late: r.pastPlan }))} year={year} />
      </section>
    </PublicLayout>
  );
}

interface CatalogLine {
  code: string;
  title: string;
  leadUnit: string;
  basis: string;
  plannedOn: string | null;
  status: string;
  late?: boolean;
}

function CatalogTable({ rows, year }: { rows: CatalogLine[]; year: number }) {
  if (!rows.length) return <p>本年度尚无重大行政决策事项。</p>;
  return (
    <div class="table-wrap" role="region" tabIndex={0} aria-label={`${year}年重大行政决策事项目录（共${rows.length}项）`}>
      <table>
        <caption>
          {year}年重大行政决策事项目录（共{rows.length}项）
        </caption>
        <thead>
          <tr>
            <th scope="col">序号</th>
            <th scope="col">决策事项</th>
            <th scope="col">承办单位</th>
            <th scope="col">决策依据</th>
            <th scope="col">计划完成时间</th>
            <th scope="col">状态</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={r.code}>
              <td>{i + 1}</td>
              <td>
                <a href={`/decisions/items/${r.code}`}>{r.title}</a>
              </td>
              <td>{r.leadUnit}</td>
              <td>{r.basis}</td>
              <td class="nowrap">{r.plannedOn ?? '—'}</td>
              <td>
                {r.status}
                {r.late ? <span class="status-warn">（已过计划时间）</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function CatalogVersionsPage({ ctx, year, versions, shown }: { ctx: PageContext; year: number; versions: CatalogVersionRow[]; shown: CatalogVersionRow | undefined }) {
  return (
    <PublicLayout ctx={ctx} title={`${year}年重大行政决策事项目录`} breadcrumbs={[HOME, { label: `${year}年目录` }]}>
      <h1>{year}年重大行政决策事项目录</h1>
      {shown ? (
        <>
          <dl class="facts">
            <dt>版本</dt>
            <dd>第{shown.version}版</dd>
            <dt>发布日期</dt>
            <dd>{shown.publishedOn}</dd>
            <dt>本版说明</dt>
            <dd>{shown.reason}</dd>
          </dl>
          <CatalogTable rows={shown.entries.map((e) => ({ ...e, status: DECISION_STATUS_LABELS[e.status as keyof typeof DECISION_STATUS_LABELS] ?? e.status }))} year={year} />
          <p class="hint">状态为发布该版本时的状态；最新办理情况见各事项页面。</p>
        </>
      ) : (
        <p>本年度目录尚未发布。</p>
      )}
      {versions.length > 1 ? (
        <section aria-labelledby="versions-title">
          <h2 id="versions-title">历史版本</h2>
          <ul>
            {versions.map((v) => (
              <li key={v.version}>
                {v.version === shown?.version ? (
                  <strong aria-current="page">第{v.version}版</strong>
                ) : (
                  <a href={`/decisions/catalog/${year}?v=${v.version}`}>第{v.version}版</a>
                )}
                （{v.publishedOn}）：{v.reason}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </PublicLayout>
  );
}

export interface DossierPageProps {
  ctx: PageContext;
  view: DossierView;
  publishedComments: PublishedComment[];
  form: { values: Record<string, string>; errors: FieldErrors; submissionKey: string };
  refusal?: string;
  /** 社情民意调查 of the 决策后评估. */
  surveys?: SurveySummary[];
  evidence?: EvidenceRow[];
}

export function DossierPage({ ctx, view: v, publishedComments, form, refusal, surveys = [], evidence = [] }: DossierPageProps) {
  const d = v.decision;
  const c = v.consultation;
  const byStep = new Map(v.steps.map((s) => [s.step, s]));
  const evaluation = byStep.get('evaluation');
  return (
    <PublicLayout ctx={ctx} title={d.title} breadcrumbs={[HOME, { href: `/decisions/catalog/${d.year}`, label: `${d.year}年目录` }, { label: d.title }]}>
      <h1>{d.title}</h1>
      {refusal ? (
        <div class="warning-box" role="alert">
          <p>{refusal}</p>
        </div>
      ) : null}
      <dl class="facts">
        <dt>承办单位</dt>
        <dd>{v.leadUnit}</dd>
        <dt>决策依据</dt>
        <dd>{d.basis}</dd>
        <dt>计划完成时间</dt>
        <dd>
          {d.plannedOn ?? '—'}
          {v.pastPlan ? <span class="status-warn">（已过计划时间，尚未作出决定）</span> : null}
        </dd>
        <dt>状态</dt>
        <dd>{DECISION_STATUS_LABELS[v.status]}</dd>
      </dl>
      {d.publishedOn ? (
        <section aria-labelledby="decision-title">
          <h2 id="decision-title">决策内容</h2>
          <dl class="facts">
            {d.docNo ? (
              <>
                <dt>文号</dt>
                <dd>{d.docNo}</dd>
              </>
            ) : null}
            <dt>公布日期</dt>
            <dd>{d.publishedOn}</dd>
          </dl>
          <Paragraphs text={d.decisionText ?? ''} />
          <h3>公众意见、专家意见采纳情况说明</h3>
          <Paragraphs text={d.adoptionExplanation ?? ''} />
        </section>
      ) : null}
      {c ? (
        <section aria-labelledby="consult-title">
          <h2 id="consult-title">公开征求意见</h2>
          <dl class="facts">
            <dt>征集期</dt>
            <dd>
              {c.startsOn} 至 {c.endsOn}
            </dd>
            <dt>状态</dt>
            <dd>
              <StatusText status={c.state} />
            </dd>
            {c.urgentReason ? (
              <>
                <dt>缩短征集期的理由</dt>
                <dd>{c.urgentReason}</dd>
              </>
            ) : null}
          </dl>
          <h3>起草说明</h3>
          <Paragraphs text={c.description} />
          {d.draft ? (
            <details>
              <summary>决策草案全文</summary>
              <Paragraphs text={d.draft} />
            </details>
          ) : null}
          {c.state === 'upcoming' ? <p>征集将于{c.startsOn}开始，届时可在本页提交意见。</p> : null}
          {c.state === 'ended' ? <p>征集已于{c.endsOn}结束，正在逐条研究意见，采纳情况公布后将在本页列出。</p> : null}
          {c.state === 'open' ? <CommentForm ctx={ctx} action={`/decisions/items/${d.publicCode}/comments`} {...form} /> : null}
          {c.state === 'closed' ? <PublishedAnswers comments={publishedComments} closedOn={c.closedAt ? shanghaiToday(c.closedAt) : null} /> : null}
        </section>
      ) : null}
      <section aria-labelledby="steps-title">
        <h2 id="steps-title">决策程序</h2>
        <ol class="timeline">
          {v.views.map((s) => (
            <li key={s.step} class={`step-${s.state}`}>
              <h3>
                {s.label}：{STEP_STATE_LABELS[s.state]}
              </h3>
              <p class="hint">{STEP_INFO[s.step].basis}</p>
              <StepBody view={s} row={byStep.get(s.step)} meeting={v.decidedAt} />
              <EvidenceList items={evidence.filter((e) => e.step === s.step)} heading="证据材料：" />
            </li>
          ))}
        </ol>
      </section>
      {v.meetings.length ? (
        <section aria-labelledby="meetings-title">
          <h2 id="meetings-title">研究本事项的政府会议</h2>
          <ul>
            {v.meetings.map((m) => (
              <li key={m.publicCode}>
                <a href={`/decisions/meetings/items/${m.publicCode}`}>{m.name}</a>（{m.heldOn}）
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <DecisionSurveys surveys={surveys} />
      {evaluation?.state === 'done' ? (
        <p>
          决策后评估结果另见<a href={`/decisions/results/${d.year}`}>{d.year}年结果公开</a>。
        </p>
      ) : null}
    </PublicLayout>
  );
}

/** The chart's axis has room for about nine characters; the table beside it has the full names. */
const shortLabel = (title: string) => ([...title].length > 9 ? `${[...title].slice(0, 8).join('')}…` : title);

function TaskTable({ rows, caption }: { rows: TaskView[]; caption: string }) {
  return (
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">重点工作</th>
          <th scope="col">牵头单位</th>
          <th scope="col">完成时限</th>
          <th scope="col">完成进度</th>
          <th scope="col">状态</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.task.publicCode}>
            <td style={r.depth ? `padding-left:${0.5 + r.depth * 1.25}rem` : undefined}>
              <a href={`/decisions/work/tasks/${r.task.publicCode}`}>{r.task.title}</a>
            </td>
            <td>{r.leadUnit}</td>
            <td class="nowrap">{r.task.dueOn}</td>
            <td>
              <Percent value={r.percent} />
              {r.computed ? <span class="hint">（按子任务平均）</span> : null}
            </td>
            <td>
              <FlagText flag={r.flag} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function WorkPage({ ctx, year, years, rows }: { ctx: PageContext; year: number; years: number[]; rows: TaskView[] }) {
  const top = rows.filter((r) => r.depth === 0);
  return (
    <PublicLayout ctx={ctx} title={`${year}年重点工作执行情况`} breadcrumbs={[HOME, { label: `${year}年执行公开` }]}>
      <h1>{year}年重点工作执行情况</h1>
      <YearLinks years={years} year={year} base="/decisions/work" />
      <p>
        政府工作报告和重大行政决策确定的重点工作，逐项公开实施步骤、责任单位、完成时限和进展。进展由责任单位报送，经市政务公开办审核后公开；有子任务的工作，完成进度为各子任务进度的平均值。
      </p>
      {rows.length ? (
        <>
          <ChartWithTable id="work-chart" title="各项重点工作完成进度" spec={{ type: 'bar', horizontal: true, labels: top.map((r) => shortLabel(r.task.title)), values: top.map((r) => r.percent), height: 60 + top.length * 34 }}>
            <table>
              <caption>各项重点工作完成进度（%）</caption>
              <thead>
                <tr>
                  <th scope="col">重点工作</th>
                  <th scope="col">完成进度</th>
                </tr>
              </thead>
              <tbody>
                {top.map((r) => (
                  <tr key={r.task.publicCode}>
                    <td>
                      <a href={`/decisions/work/tasks/${r.task.publicCode}`}>{r.task.title}</a>
                    </td>
                    <td>{r.percent}%</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ChartWithTable>
          <h2>全部任务（含子任务）</h2>
          <div class="table-wrap" role="region" tabIndex={0} aria-label="全部任务">
            <TaskTable rows={rows} caption={`共${rows.length}项任务`} />
          </div>
        </>
      ) : (
        <p>本年度尚未公开重点工作。</p>
      )}
    </PublicLayout>
  );
}

export function TaskPage({ ctx, view, reports, children, supporting, findings, unitName, today, evidence = [] }: { ctx: PageContext; view: TaskView; reports: ProgressRow[]; children: TaskView[]; supporting: string; findings: FindingRow[]; unitName: (id: number) => string; today: string; evidence?: EvidenceRow[] }) {
  const t = view.task;
  return (
    <PublicLayout ctx={ctx} title={t.title} breadcrumbs={[HOME, { href: `/decisions/work/${t.year}`, label: `${t.year}年执行公开` }, { label: t.title }]}>
      <h1>{t.title}</h1>
      <dl class="facts">
        <dt>来源</dt>
        <dd>{t.source}</dd>
        <dt>牵头单位</dt>
        <dd>{view.leadUnit}</dd>
        <dt>配合单位</dt>
        <dd>{supporting || '—'}</dd>
        <dt>完成时限</dt>
        <dd>{t.dueOn}</dd>
        <dt>完成进度</dt>
        <dd>
          <Percent value={view.percent} />
        </dd>
        <dt>状态</dt>
        <dd>
          <FlagText flag={view.flag} />
          {view.flag !== 'done' && !view.computed ? `（下次进展报告应于${view.nextReportOn}前公开）` : ''}
        </dd>
      </dl>
      {t.steps ? (
        <>
          <h2>实施步骤</h2>
          <ol>
            {t.steps
              .split('\n')
              .map((s) => s.trim())
              .filter(Boolean)
              .map((s, i) => (
                <li key={i}>{s}</li>
              ))}
          </ol>
        </>
      ) : null}
      {children.length ? (
        <div class="table-wrap" role="region" tabIndex={0} aria-label="子任务">
          <TaskTable rows={children} caption="子任务" />
        </div>
      ) : null}
      {reports.length ? (
        <>
          <ChartWithTable id="task-chart" title="完成进度变化" spec={{ type: 'line', labels: reports.map((r) => r.reportedOn), values: reports.map((r) => r.percent) }}>
            <table>
              <caption>各次进展报告的完成进度</caption>
              <thead>
                <tr>
                  <th scope="col">报告日期</th>
                  <th scope="col">完成进度</th>
                </tr>
              </thead>
              <tbody>
                {reports.map((r) => (
                  <tr key={r.id}>
                    <td>{r.reportedOn}</td>
                    <td>{r.percent}%</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ChartWithTable>
          <h2>进展报告</h2>
          {[...reports].reverse().map((r) => (
            <article key={r.id} aria-labelledby={`r-${r.id}`}>
              <h3 id={`r-${r.id}`}>
                {r.reportedOn}：完成{r.percent}%
              </h3>
              <h4>已完成的工作</h4>
              <Paragraphs text={r.done} />
              {r.problems ? (
                <>
                  <h4>存在问题</h4>
                  <Paragraphs text={r.problems} />
                </>
              ) : null}
              {r.nextSteps ? (
                <>
                  <h4>下一步计划</h4>
                  <Paragraphs text={r.nextSteps} />
                </>
              ) : null}
            </article>
          ))}
        </>
      ) : view.computed ? null : (
        <p>尚未公开进展报告。</p>
      )}
      {findings.length ? (
        <>
          <h2>督查和审计发现的问题</h2>
          <FindingsTable rows={findings} unitName={unitName} today={today} caption={`督查和审计发现的问题及整改情况（共${findings.length}项）`} />
        </>
      ) : null}
      {evidence.length ? (
        <section aria-labelledby="evidence-title">
          <h2 id="evidence-title">证据材料</h2>
          <EvidenceList items={evidence} />
        </section>
      ) : null}
    </PublicLayout>
  );
}

export interface EvaluatedDecision {
  code: string;
  title: string;
  evaluatedOn: string;
  actor: string;
  summary: string;
  documents: string;
}

export function ResultsPage({ ctx, year, years, rows, evaluations, published, evidence = [] }: { ctx: PageContext; year: number; years: number[]; rows: TaskView[]; evaluations: EvaluatedDecision[]; published: { code: string; title: string; publishedOn: string; docNo: string | null }[]; evidence?: EvidenceRow[] }) {
  const top = rows.filter((r) => r.depth === 0);
  const flags: TaskFlag[] = ['done', 'on_track', 'report_late', 'overdue'];
  const counts = flags.map((f) => top.filter((r) => r.flag === f).length);
  return (
    <PublicLayout ctx={ctx} title={`${year}年结果公开`} breadcrumbs={[HOME, { label: `${year}年结果公开` }]}>
      <h1>{year}年结果公开</h1>
      <YearLinks years={years} year={year} base="/decisions/results" />
      <p>
        政府工作报告重点工作和重大行政决策的落实结果，以及决策后评估情况。每项工作的证据材料（进展报告）见各工作页面；另见<a href={`/decisions/supervision/${year}`}>督查审计整改</a>和<a href={`/decisions/proposals/${year}`}>建议提案办理结果</a>。
      </p>
      {top.length ? (
        <ChartWithTable id="result-chart" title="重点工作完成情况" spec={{ type: 'pie', labels: flags.map((f) => TASK_FLAG_LABELS[f]), values: counts }}>
          <table>
            <caption>重点工作完成情况（项）</caption>
            <thead>
              <tr>
                <th scope="col">状态</th>
                <th scope="col">项数</th>
              </tr>
            </thead>
            <tbody>
              {flags.map((f, i) => (
                <tr key={f}>
                  <td>{TASK_FLAG_LABELS[f]}</td>
                  <td>{counts[i]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ChartWithTable>
      ) : null}
      <h2>各项目标完成情况</h2>
      {top.length ? (
        <ul>
          {top.map((r) => (
            <li key={r.task.publicCode}>
              <a href={`/decisions/work/tasks/${r.task.publicCode}`}>{r.task.title}</a>：<Percent value={r.percent} /> <FlagText flag={r.flag} />
              {r.latest ? `（${r.latest.reportedOn}公开的进展）` : ''}
              <EvidenceList items={evidence.filter((e) => e.taskId === r.task.id)} heading="证据材料：" />
            </li>
          ))}
        </ul>
      ) : (
        <p>本年度尚无重点工作。</p>
      )}
      <h2>已公布的重大行政决策</h2>
      {published.length ? (
        <ul>
          {published.map((p) => (
            <li key={p.code}>
              <a href={`/decisions/items/${p.code}`}>{p.title}</a>（{p.publishedOn}公布{p.docNo ? `，${p.docNo}` : ''}）
            </li>
          ))}
        </ul>
      ) : (
        <p>本年度尚未公布重大行政决策。</p>
      )}
      <h2>决策后评估</h2>
      {evaluations.length ? (
        evaluations.map((e) => (
          <article key={e.code} aria-labelledby={`ev-${e.code}`}>
            <h3 id={`ev-${e.code}`}>
              <a href={`/decisions/items/${e.code}`}>{e.title}</a>
            </h3>
            <dl class="facts">
              <dt>评估日期</dt>
              <dd>{e.evaluatedOn}</dd>
              <dt>评估单位</dt>
              <dd>{e.actor}</dd>
            </dl>
            <Paragraphs text={e.summary} />
            {e.documents ? <p>评估材料：{e.documents.split('\n').filter(Boolean).join('；')}</p> : null}
          </article>
        ))
      ) : (
        <p>本年度尚无决策后评估结果。</p>
      )}
    </PublicLayout>
  );
}

export type { TaskRow };
