// Back-office pages of the annual report: the openness office's dashboard, a unit's reports, one
// report with its checks, the entry and text forms, and the list of cases behind a number.
import type { PageContext } from '../../../core/ui/context.ts';
import type { FieldErrors } from '../../../core/http/form.ts';
import { StaffLayout } from '../../../core/ui/layout.tsx';
import { ChartWithTable, type ChartSpec } from '../../../core/ui/charts.tsx';
import { CsrfField, ErrorSummary, fieldId, Pagination, SelectField, TextArea } from '../../../core/ui/components.tsx';
import { DEADLINE_LABELS, DEADLINE_STATES, type DeadlineState } from '../domain/due-dates.ts';
import type { CheckResult } from '../domain/checks.ts';
import type { DataIssue } from '../domain/section3.ts';
import type { ReportDocumentData } from '../domain/report-view.ts';
import { section2Layout, section3Layout, section4Layout, type LayoutCell, type LayoutTable } from '../domain/layout.ts';
import { cellNameOf } from '../domain/cells.ts';
import { DECISION_FIELDS, DECISION_LABELS, SECTION_HEADINGS, TEXT_SECTIONS, type DecisionField, type TextSection } from '../domain/template.ts';
import type { Origins } from '../domain/assemble.ts';
import type { ReportScope, ReportSource, ReportState } from '../data/schema.ts';
import { ReportDocument } from './report-document.tsx';
import { casesPath, publicReportPath, staffBase, staffReportPath } from '../domain/paths.ts';

export const REPORTS_CRUMB = { href: '/staff/annual-reports', label: '年度报告' };
export const STATE_LABELS: Record<ReportState, string> = { draft: '草稿', published: '已发布' };
export const SOURCE_LABELS: Record<ReportSource, string> = { generated: '系统生成', manual: '手工补录' };
export const SCOPE_LABELS: Record<ReportScope, string> = { own: '仅本级', with_subunits: '包括所属部门和乡镇（街道）' };

function deadlineText(state: DeadlineState, daysLeft: number): string {
  if (state === 'overdue') return `${DEADLINE_LABELS.overdue}${-daysLeft}天`;
  if (state === 'open' || state === 'due_soon') return `${DEADLINE_LABELS[state]}（还有${daysLeft}天）`;
  return DEADLINE_LABELS[state];
}

// ---------------------------------------------------------------------------------------------
// Dashboard

export interface DashboardRow {
  unitName: string;
  unitSlug: string;
  typeLabel: string;
  dueOn: string;
  state: ReportState | null;
  source: ReportSource | null;
  publishedOn: string | null;
  deadline: { state: DeadlineState; daysLeft: number };
}

/** How many units stand in each deadline state (every state, zeros included, in a fixed order). */
export function deadlineCounts(rows: DashboardRow[]): { state: DeadlineState; n: number }[] {
  return DEADLINE_STATES.map((state) => ({ state, n: rows.filter((r) => r.deadline.state === state).length }));
}

export function deadlineChart(counts: { state: DeadlineState; n: number }[]): ChartSpec {
  return { type: 'bar', horizontal: true, height: 40 + 30 * counts.length, labels: counts.map((c) => DEADLINE_LABELS[c.state]), values: counts.map((c) => c.n), color: '#22344f' };
}

export function DashboardPage({ ctx, year, years, rows, pending, deadline, ownSlug }: { ctx: PageContext; year: number; years: number[]; rows: DashboardRow[]; pending: boolean; deadline?: DeadlineState; ownSlug: string }) {
  const count = (f: (r: DashboardRow) => boolean) => rows.filter(f).length;
  const shown = rows.filter((r) => (!pending || r.state !== 'published') && (!deadline || r.deadline.state === deadline));
  const counts = deadlineCounts(rows);
  const published = count((r) => r.state === 'published');
  const overdue = count((r) => r.deadline.state === 'overdue');
  return (
    <StaffLayout ctx={ctx} title="年度报告" breadcrumbs={[{ label: '年度报告' }]}>
      <h1>政府信息公开工作年度报告</h1>
      <p class="hint">
        依照《政府信息公开条例》第四十九条，各部门每年1月31日前公布上一年度年报，本级政府的年报由政务公开办每年3月31日前公布。本页列出各单位{year}
        年度年报的编制和发布情况。
      </p>
      <form method="get" action="/staff/annual-reports" class="filters no-print">
        <SelectField name="year" label="年度" value={String(year)} options={years.map((y) => ({ value: String(y), label: `${y}年度` }))} />
        <SelectField
          name="pending"
          label="显示"
          value={pending ? '1' : ''}
          options={[
            { value: '', label: '全部单位' },
            { value: '1', label: '只看未发布的单位' },
          ]}
        />
        <div class="field">
          <button type="submit" class="button secondary">
            查看
          </button>
        </div>
      </form>
      <ul class="stat-cards" aria-label={`${year}年度年报概况`}>
        <li class={published === rows.length ? undefined : 'warn'}>
          <strong>
            {published}/{rows.length}
          </strong>{' '}
          已发布
        </li>
        <li class={overdue ? 'bad' : undefined}>
          <a href={`/staff/annual-reports?year=${year}&deadline=overdue`}>
            <strong>{overdue}</strong> 已逾期未发布
          </a>
        </li>
        <li>
          <strong>{count((r) => r.state === 'draft')}</strong> 草稿
        </li>
        <li>
          <strong>{count((r) => r.state === null)}</strong> 未开始
        </li>
      </ul>
      <ChartWithTable id="ar-deadlines" title={`${year}年度年报发布情况（按期限）`} spec={deadlineChart(counts)}>
        <table class="ar-deadlines">
          <caption class="visually-hidden">{year}年度各期限状态的单位数</caption>
          <thead>
            <tr>
              <th scope="col">期限状态</th>
              <th scope="col">单位数</th>
            </tr>
          </thead>
          <tbody>
            {counts.map((c) => (
              <tr key={c.state}>
                <th scope="row">
                  {DEADLINE_LABELS[c.state]}
                </th>
                <td>{c.n ? <a href={`/staff/annual-reports?year=${year}&deadline=${c.state}`}>{c.n}</a> : 0}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ChartWithTable>
      <p>
        共{rows.length}个单位：已发布{count((r) => r.state === 'published')}个，草稿{count((r) => r.state === 'draft')}个，未开始{count((r) => r.state === null)}个；
        已逾期未发布{count((r) => r.deadline.state === 'overdue')}个。
      </p>
      <div class="table-wrap" role="region" tabIndex={0} aria-label={`${year}年度各单位年度报告`}>
        <table class="ar-dashboard">
          <caption>
            {year}年度各单位年度报告{pending ? `（未发布的${shown.length}个单位）` : ''}
            {deadline ? `（${DEADLINE_LABELS[deadline]}的${shown.length}个单位）` : ''}
          </caption>
          <thead>
            <tr>
              <th scope="col">单位</th>
              <th scope="col">类型</th>
              <th scope="col">应发布日期</th>
              <th scope="col">年报状态</th>
              <th scope="col">期限</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr key={r.unitSlug}>
                <th scope="row">
                  <a href={r.state ? staffReportPath(r.unitSlug, year) : staffBase(r.unitSlug)}>{r.unitName}</a>
                </th>
                <td>{r.typeLabel}</td>
                <td class="nowrap">{r.dueOn}</td>
                <td>
                  {r.state ? `${STATE_LABELS[r.state]}（${SOURCE_LABELS[r.source!]}）` : '未开始'}
                  {r.publishedOn ? `，${r.publishedOn}发布` : ''}
                </td>
                <td class={r.deadline.state === 'overdue' || r.deadline.state === 'published_late' ? 'status-bad' : r.deadline.state === 'published' ? 'status-ok' : undefined}>
                  {deadlineText(r.deadline.state, r.deadline.daysLeft)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>
        <a href={staffBase(ownSlug)}>本单位的年度报告</a>
      </p>
    </StaffLayout>
  );
}

// ---------------------------------------------------------------------------------------------
// A unit's reports

export interface UnitReportRow {
  year: number;
  state: ReportState;
  source: ReportSource;
  dueOn: string;
  publishedOn: string | null;
  deadline: { state: DeadlineState; daysLeft: number };
}

export interface UnitReportsProps {
  ctx: PageContext;
  unitName: string;
  unitSlug: string;
  isRoot: boolean;
  canEdit: boolean;
  reports: UnitReportRow[];
  generateYears: number[];
  manualYears: number[];
  defaultYear: number;
  values: Record<string, string>;
  errors: FieldErrors;
}

export function UnitReportsPage(p: UnitReportsProps) {
  return (
    <StaffLayout ctx={p.ctx} title={`${p.unitName}年度报告`} breadcrumbs={[REPORTS_CRUMB, { label: p.unitName }]}>
      <h1>{p.unitName}政府信息公开工作年度报告</h1>
      <ErrorSummary errors={p.errors} />
      {p.reports.length ? (
        <div class="table-wrap" role="region" tabIndex={0} aria-label="本单位的年度报告">
          <table>
            <caption>本单位的年度报告</caption>
            <thead>
              <tr>
                <th scope="col">年度</th>
                <th scope="col">状态</th>
                <th scope="col">来源</th>
                <th scope="col">应发布日期</th>
                <th scope="col">期限</th>
              </tr>
            </thead>
            <tbody>
              {p.reports.map((r) => (
                <tr key={r.year}>
                  <th scope="row">
                    <a href={staffReportPath(p.unitSlug, r.year)}>{r.year}年度</a>
                  </th>
                  <td>
                    {STATE_LABELS[r.state]}
                    {r.publishedOn ? `（${r.publishedOn}）` : ''}
                  </td>
                  <td>{SOURCE_LABELS[r.source]}</td>
                  <td class="nowrap">{r.dueOn}</td>
                  <td>{deadlineText(r.deadline.state, r.deadline.daysLeft)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>本单位还没有年度报告。</p>
      )}
      <p>
        <a href={casesPath(p.unitSlug)}>行政复议、行政诉讼案件登记</a>（表四的数据来源）
      </p>
      {p.canEdit ? (
        <>
          <section aria-labelledby="generate">
            <h2 id="generate">生成年度报告</h2>
            <p class="hint">系统按国办公开办函〔2021〕30号的格式，从本平台的依申请公开办理记录、主动公开的规章和行政规范性文件以及案件登记生成表格，并预填正文。已有草稿的年度将重新计算。</p>
            <form method="post" action={`${staffBase(p.unitSlug)}/generate`} novalidate>
              <CsrfField token={p.ctx.csrfToken} />
              <SelectField
                name="year"
                label="年度"
                value={p.values.year ?? String(p.defaultYear)}
                error={p.errors.year}
                options={p.generateYears.map((y) => ({ value: String(y), label: `${y}年度` }))}
              />
              {p.isRoot ? (
                <SelectField
                  name="scope"
                  label="统计范围"
                  hint="本级政府的年报可以只统计本级，也可以把所属部门和乡镇（街道）的数据合并计算；年报中会写明统计范围。"
                  value={p.values.scope ?? 'own'}
                  error={p.errors.scope}
                  options={[
                    { value: 'own', label: SCOPE_LABELS.own },
                    { value: 'with_subunits', label: SCOPE_LABELS.with_subunits },
                  ]}
                />
              ) : null}
              <button type="submit" class="button">
                生成
              </button>
            </form>
          </section>
          {p.manualYears.length ? (
            <section aria-labelledby="manual">
              <h2 id="manual">补录往年年报</h2>
              <p class="hint">本平台启用以前的年度，请按已公布的年报手工录入表格，以便核对下一年度的“上年结转”数。</p>
              <form method="post" action={`${staffBase(p.unitSlug)}/manual`} novalidate>
                <CsrfField token={p.ctx.csrfToken} />
                <SelectField
                  name="manualYear"
                  label="补录年度"
                  value={p.values.manualYear ?? ''}
                  error={p.errors.manualYear}
                  placeholder="请选择年度"
                  options={p.manualYears.map((y) => ({ value: String(y), label: `${y}年度` }))}
                />
                <button type="submit" class="button secondary">
                  开始补录
                </button>
              </form>
            </section>
          ) : null}
        </>
      ) : null}
    </StaffLayout>
  );
}

// ---------------------------------------------------------------------------------------------
// One report

export interface ReportPageProps {
  ctx: PageContext;
  unitName: string;
  unitSlug: string;
  isRoot: boolean;
  year: number;
  version: number;
  state: ReportState;
  source: ReportSource;
  scope: ReportScope;
  coverage: string;
  coveredNames: string[];
  due: { dueOn: string; basis: string; state: DeadlineState; daysLeft: number };
  generatedAt: string | null;
  publishedAt: string | null;
  publishedByName: string | null;
  origins: Origins;
  unavailable: string[];
  issues: DataIssue[];
  stale: string[];
  checks: CheckResult[];
  doc: ReportDocumentData;
  canEdit: boolean;
  canPublish: boolean;
  cellHref: (cellId: string) => string | undefined;
  withdraw?: { reason: string; error?: string };
  refusal?: string[];
}

export function ReportPage(p: ReportPageProps) {
  const bad = p.checks.filter((c) => !c.ok);
  const flagged = new Set(bad.flatMap((c) => c.cells));
  const base = staffReportPath(p.unitSlug, p.year);
  const draft = p.state === 'draft';
  return (
    <StaffLayout ctx={p.ctx} title={`${p.unitName}${p.year}年度年报`} breadcrumbs={[REPORTS_CRUMB, { href: staffBase(p.unitSlug), label: p.unitName }, { label: `${p.year}年度` }]}>
      <h1>
        {p.unitName}
        {p.year}年度政府信息公开工作年度报告
      </h1>
      {p.refusal?.length ? (
        <div class="error-summary" role="alert" tabIndex={-1} aria-labelledby="refusal-title" data-autofocus>
          <h2 id="refusal-title">未能完成操作</h2>
          <ul>
            {p.refusal.map((r, i) => (
              <li key={i}>{r}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <dl class="facts">
        <dt>状态</dt>
        <dd>
          {STATE_LABELS[p.state]}
          {p.publishedAt ? `（${p.publishedAt}由${p.publishedByName ?? ''}发布）` : ''}
        </dd>
        <dt>来源</dt>
        <dd>
          {SOURCE_LABELS[p.source]}
          {p.generatedAt ? `，生成于${p.generatedAt}` : ''}
        </dd>
        <dt>统计范围</dt>
        <dd>
          {p.coverage}
          {p.coveredNames.length > 1 ? (
            <details>
              <summary>包括的单位（{p.coveredNames.length}个）</summary>
              <p>{p.coveredNames.join('、')}</p>
            </details>
          ) : null}
        </dd>
        <dt>应发布日期</dt>
        <dd>
          {p.due.dueOn}，{deadlineText(p.due.state, p.due.daysLeft)}
          <br />
          <span class="hint">{p.due.basis}</span>
        </dd>
        <dt>数据来源</dt>
        <dd>
          <ul>
            <li>表二 规章、行政规范性文件：{p.origins.records === 'source' ? '本平台主动公开的文件' : '单位填报'}</li>
            <li>表二 行政许可、行政处罚、行政强制、行政事业性收费：单位填报</li>
            <li>表三：{p.origins.requests === 'source' ? '本平台依申请公开办理记录' : '单位填报'}</li>
            <li>表四：{p.origins.cases === 'source' ? '本单位行政复议、行政诉讼案件登记' : '单位填报'}</li>
          </ul>
        </dd>
      </dl>
      {p.unavailable.length ? (
        <div class="warning-box">
          {p.unavailable.map((u, i) => (
            <p key={i}>{u}</p>
          ))}
        </div>
      ) : null}
      {p.stale.length && draft ? (
        <div class="warning-box">
          {p.stale.map((s, i) => (
            <p key={i}>{s}</p>
          ))}
        </div>
      ) : null}
      {p.issues.length ? (
        <section aria-labelledby="issues">
          <h2 id="issues">数据问题（{p.issues.length}条）</h2>
          <p class="hint">以下申请的登记信息不完整，未能计入表三的相应位置，请在依申请公开模块中更正后重新生成。</p>
          <ul>
            {p.issues.map((i, k) => (
              <li key={k}>
                {i.requestNo ? `${i.requestNo}：` : ''}
                {i.message}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="checks">
        <h2 id="checks">核对结果</h2>
        {bad.length ? (
          <>
            <p class="status-bad">
              共核对{p.checks.length}项，{bad.length}项未通过。核对未通过的年报不能发布。
            </p>
            <ul class="check-list">
              {bad.map((c) => (
                <li key={c.id}>
                  {c.cells[0] ? <a href={`#cell-${c.cells[0]}`}>{c.message}</a> : c.message}
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p class="status-ok">共核对{p.checks.length}项，全部通过。</p>
        )}
        <details>
          <summary>核对规则</summary>
          <ul>
            <li>表三每一列：第一项加第二项之和，等于第三项（七）总计加第四项之和（表头注明的勾稽关系）。</li>
            <li>表三每一列：（七）总计等于（一）至（六）各项之和。</li>
            <li>表三每一行：总计列等于自然人和法人或其他组织各列之和。</li>
            <li>表三“二、上年结转”等于上一年度年报的“四、结转下年度继续办理”。</li>
            <li>表四：行政复议、未经复议直接起诉、复议后起诉的总计分别等于其各项之和。</li>
            <li>表二单位填报的数字均已填写；正文一、五、六均已填写且没有“【请填写】”。</li>
          </ul>
        </details>
      </section>

      <section aria-labelledby="actions" class="no-print">
        <h2 id="actions">操作</h2>
        <ul class="action-list">
          {p.canEdit && draft ? (
            <>
              <li>
                <a href={`${base}/entry`}>填报数据</a>
                <span class="hint">（表二的行政许可、处罚、强制和收费{p.origins.requests === 'entered' ? '，表三' : ''}
                  {p.origins.cases === 'entered' ? '，表四' : ''}）</span>
              </li>
              <li>
                <a href={`${base}/text`}>编辑正文（一、五、六）</a>
              </li>
            </>
          ) : null}
          <li>
            <a href={`${base}/export.docx`}>下载 Word（.docx）</a>
          </li>
          <li>
            <a href={`${base}/export.xlsx`}>下载 Excel（.xlsx）</a>
          </li>
          {p.state === 'published' ? (
            <li>
              <a href={publicReportPath(p.unitSlug, p.year)}>查看公开页面</a>
            </li>
          ) : null}
          <li>
            <a href={casesPath(p.unitSlug)}>案件登记</a>
          </li>
        </ul>
        {p.canEdit && draft && p.source === 'generated' ? (
          <form method="post" action={`${base}/regenerate`} class="inline-form" novalidate>
            <CsrfField token={p.ctx.csrfToken} />
            <input type="hidden" name="version" value={String(p.version)} />
            {p.isRoot ? (
              <SelectField
                name="scope"
                label="统计范围"
                value={p.scope}
                options={[
                  { value: 'own', label: SCOPE_LABELS.own },
                  { value: 'with_subunits', label: SCOPE_LABELS.with_subunits },
                ]}
              />
            ) : null}
            <button type="submit" class="button secondary">
              重新生成
            </button>
            <p class="hint">按当前数据重新计算表格；已填报的数字和正文保留。</p>
          </form>
        ) : null}
        {p.canPublish && draft ? (
          bad.length ? (
            <p class="hint">核对全部通过后才能发布。</p>
          ) : (
            <form method="post" action={`${base}/publish`} novalidate>
              <CsrfField token={p.ctx.csrfToken} />
              <input type="hidden" name="version" value={String(p.version)} />
              <button type="submit" class="button">
                发布到政府信息公开年报栏目
              </button>
            </form>
          )
        ) : null}
        {p.canPublish && p.state === 'published' ? (
          <form method="post" action={`${base}/withdraw`} novalidate>
            <CsrfField token={p.ctx.csrfToken} />
            <input type="hidden" name="version" value={String(p.version)} />
            <TextArea name="reason" label="撤回原因" hint="撤回后年报回到草稿状态，可更正后重新发布。" rows={2} value={p.withdraw?.reason ?? ''} error={p.withdraw?.error} />
            <button type="submit" class="button warning">
              撤回发布
            </button>
          </form>
        ) : null}
      </section>

      <section aria-labelledby="document" class="report-preview">
        <h2 id="document">年报内容</h2>
        <p class="hint no-print">表中带链接的数字可以点开，查看其对应的申请、文件或案件清单；未通过核对的单元格已标出。</p>
        <ReportDocument r={p.doc} links={{ cellHref: p.cellHref, flagged }} headingLevel={2} />
      </section>
    </StaffLayout>
  );
}

// ---------------------------------------------------------------------------------------------
// Entry form

function EntryCell({ cell, values, errors, fields }: { cell: LayoutCell; values: Record<string, string>; errors: FieldErrors; fields: ReadonlySet<string> }) {
  const span = { rowSpan: cell.rowSpan, colSpan: cell.colSpan };
  if (cell.cellId === undefined) {
    if (!cell.scope) return <td {...span} class="corner">{cell.text}</td>;
    return (
      <th {...span} scope={cell.scope}>
        {cell.text}
      </th>
    );
  }
  const id = cell.cellId;
  if (!fields.has(id)) {
    return (
      <td {...span} class="num">
        {cell.value === null || cell.value === undefined ? '—' : String(cell.value)}
        <span class="visually-hidden">（系统计算）</span>
      </td>
    );
  }
  const error = errors[id];
  return (
    <td {...span} class={error ? 'num cell-flagged' : 'num'}>
      <input
        id={fieldId(id)}
        name={id}
        type="text"
        inputMode={id === 's2.fees' ? 'decimal' : 'numeric'}
        class="cell-input"
        value={values[id] ?? ''}
        aria-label={cellNameOf(id)}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `${fieldId(id)}-error` : undefined}
        maxLength={16}
      />
      {error ? (
        <p class="field-message cell-message" id={`${fieldId(id)}-error`}>
          <span class="visually-hidden">错误：</span>
          {error}
        </p>
      ) : null}
    </td>
  );
}

function EntryTable({ t, values, errors, fields }: { t: LayoutTable; values: Record<string, string>; errors: FieldErrors; fields: ReadonlySet<string> }) {
  return (
    <div class="table-wrap" role="region" tabIndex={0} aria-label={t.caption}>
      <table class={`report-table report-${t.key}`}>
        <caption>{t.caption}</caption>
        <thead>
          {t.head.map((row, i) => (
            <tr key={i}>
              {row.map((c, j) => (
                <EntryCell key={j} cell={c} values={values} errors={errors} fields={fields} />
              ))}
            </tr>
          ))}
        </thead>
        <tbody>
          {t.body.map((row, i) => (
            <tr key={i}>
              {row.map((c, j) => (
                <EntryCell key={j} cell={c} values={values} errors={errors} fields={fields} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export interface EntryPageProps {
  ctx: PageContext;
  unitName: string;
  unitSlug: string;
  year: number;
  version: number;
  manual: boolean;
  origins: Origins;
  doc: ReportDocumentData;
  fields: string[];
  values: Record<string, string>;
  errors: FieldErrors;
  /** 行政许可、处罚、强制 decisions in the 行政执法公示 register at the last generation (the figures' pre-fill). */
  register?: Record<DecisionField, number> | null;
}

export function EntryPage(p: EntryPageProps) {
  const fields = new Set(p.fields);
  const base = staffReportPath(p.unitSlug, p.year);
  const title = p.manual ? `补录${p.year}年度年报的表格` : `填报${p.year}年度年报的数据`;
  return (
    <StaffLayout ctx={p.ctx} title={title} breadcrumbs={[REPORTS_CRUMB, { href: staffBase(p.unitSlug), label: p.unitName }, { href: base, label: `${p.year}年度` }, { label: '填报数据' }]}>
      <h1>{title}</h1>
      <p class="hint">
        {p.manual
          ? '请按已公布的年报逐格录入。表三、表四的空白格按0计；表二的数字留空表示尚未填报，年报不能发布。保存后系统按年报格式的勾稽关系核对。'
          : p.register
            ? '表二的行政许可、行政处罚、行政强制处理决定数量已按本平台的行政执法决定登记预填，如登记不全请更正；行政事业性收费金额请单位填报。留空表示尚未填报，年报不能发布。标有“系统计算”的数字由平台生成，不能在此修改。'
            : '表二的行政许可、行政处罚、行政强制处理决定数量和行政事业性收费金额本平台没有数据来源，请单位填报；留空表示尚未填报，年报不能发布。标有“系统计算”的数字由平台生成，不能在此修改。'}
      </p>
      {p.register && !p.manual ? (
        <div class="notice" role="note">
          <p>
            来源：行政执法公示的执法决定登记（按决定日期计入{p.year}年，生成年报时统计）：
            {DECISION_FIELDS.map((f) => `${DECISION_LABELS[f]} ${p.register![f]} 件`).join('，')}。
          </p>
          {DECISION_FIELDS.some((f) => p.values[`s2.${f}`] !== '' && p.values[`s2.${f}`] !== undefined && p.values[`s2.${f}`] !== String(p.register![f])) ? (
            <p>
              已由本单位更正：
              {DECISION_FIELDS.filter((f) => p.values[`s2.${f}`] !== '' && p.values[`s2.${f}`] !== undefined && p.values[`s2.${f}`] !== String(p.register![f]))
                .map((f) => `${DECISION_LABELS[f]}（登记 ${p.register![f]} 件，填报 ${p.values[`s2.${f}`]} 件）`)
                .join('，')}
              。
            </p>
          ) : null}
        </div>
      ) : null}
      <ErrorSummary errors={p.errors} />
      <form method="post" action={`${base}/entry`} novalidate>
        <CsrfField token={p.ctx.csrfToken} />
        <input type="hidden" name="version" value={String(p.version)} />
        <h2>{SECTION_HEADINGS.proactive}</h2>
        {section2Layout(p.doc.tables).map((t) => (
          <EntryTable key={t.key} t={t} values={p.values} errors={p.errors} fields={fields} />
        ))}
        {p.origins.requests === 'entered' ? (
          <>
            <h2>{SECTION_HEADINGS.requests}</h2>
            <EntryTable t={section3Layout(p.doc.tables)} values={p.values} errors={p.errors} fields={fields} />
          </>
        ) : null}
        {p.origins.cases === 'entered' ? (
          <>
            <h2>{SECTION_HEADINGS.remedies}</h2>
            <EntryTable t={section4Layout(p.doc.tables)} values={p.values} errors={p.errors} fields={fields} />
          </>
        ) : null}
        <button type="submit" class="button">
          保存
        </button>{' '}
        <a href={base}>返回年报</a>
      </form>
    </StaffLayout>
  );
}

// ---------------------------------------------------------------------------------------------
// Text form

export interface TextPageProps {
  ctx: PageContext;
  unitName: string;
  unitSlug: string;
  year: number;
  version: number;
  values: Record<TextSection, string>;
  errors: FieldErrors;
  prefilled?: boolean;
}

export function TextPage(p: TextPageProps) {
  const base = staffReportPath(p.unitSlug, p.year);
  const title = `编辑${p.year}年度年报正文`;
  return (
    <StaffLayout ctx={p.ctx} title={title} breadcrumbs={[REPORTS_CRUMB, { href: staffBase(p.unitSlug), label: p.unitName }, { href: base, label: `${p.year}年度` }, { label: '编辑正文' }]}>
      <h1>{title}</h1>
      <p class="hint">
        系统已按本年度的数据预填了可以计算的事实；“【请填写：…】”处请写明实际情况，全部填写后年报才能发布。各部分内容应当符合《政府信息公开条例》第五十条，不能遗漏，也不宜泛化。
      </p>
      {p.prefilled ? (
        <div class="notice" role="status">
          已恢复为系统预填的内容，尚未保存。
        </div>
      ) : null}
      <ErrorSummary errors={p.errors} />
      <form method="post" action={`${base}/text`} novalidate>
        <CsrfField token={p.ctx.csrfToken} />
        <input type="hidden" name="version" value={String(p.version)} />
        {TEXT_SECTIONS.map((s) => (
          <TextArea key={s} name={s} label={SECTION_HEADINGS[s]} rows={s === 'overview' ? 16 : 8} value={p.values[s]} error={p.errors[s]} />
        ))}
        <button type="submit" class="button" name="action" value="save">
          保存
        </button>{' '}
        <button type="submit" class="button secondary" name="action" value="prefill">
          恢复为系统预填内容
        </button>{' '}
        <a href={base}>返回年报</a>
      </form>
    </StaffLayout>
  );
}

// ---------------------------------------------------------------------------------------------
// Drill-down

export interface CellListRow {
  key: string;
  cells: (string | { text: string; href: string })[];
}

export interface CellPageProps {
  ctx: PageContext;
  unitName: string;
  unitSlug: string;
  year: number;
  cellName: string;
  reportValue: string;
  /** null: the figure was entered by the unit, there is no list behind it. */
  list: { columns: string[]; rows: CellListRow[]; total: number } | null;
  entered: boolean;
  page: number;
  pageCount: number;
  hrefFor: (page: number) => string;
  mismatch?: string;
}

export function CellPage(p: CellPageProps) {
  const base = staffReportPath(p.unitSlug, p.year);
  return (
    <StaffLayout ctx={p.ctx} title={p.cellName} breadcrumbs={[REPORTS_CRUMB, { href: staffBase(p.unitSlug), label: p.unitName }, { href: base, label: `${p.year}年度` }, { label: '数字明细' }]}>
      <h1>{p.cellName}</h1>
      <p>
        {p.unitName}
        {p.year}年度年报中此格为：<strong>{p.reportValue}</strong>
      </p>
      {p.mismatch ? <div class="warning-box"><p>{p.mismatch}</p></div> : null}
      {p.entered ? <p>此数字由单位填报，本平台没有对应的清单。</p> : null}
      {p.list ? (
        p.list.total ? (
          <>
            <p>当前数据中共{p.list.total}条：</p>
            <div class="table-wrap" role="region" tabIndex={0} aria-label={`${p.cellName}的明细`}>
              <table>
                <caption class="visually-hidden">{p.cellName}的明细</caption>
                <thead>
                  <tr>
                    {p.list.columns.map((c) => (
                      <th key={c} scope="col">
                        {c}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {p.list.rows.map((r) => (
                    <tr key={r.key}>
                      {r.cells.map((c, i) =>
                        i === 0 ? (
                          <th key={i} scope="row">
                            {typeof c === 'string' ? c : <a href={c.href}>{c.text}</a>}
                          </th>
                        ) : (
                          <td key={i}>{typeof c === 'string' ? c : <a href={c.href}>{c.text}</a>}</td>
                        ),
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pagination page={p.page} pageCount={p.pageCount} hrefFor={p.hrefFor} />
          </>
        ) : (
          <p>当前数据中没有对应的条目。</p>
        )
      ) : null}
      <p>
        <a href={base}>返回年报</a>
      </p>
    </StaffLayout>
  );
}
