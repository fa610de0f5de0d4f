// Staff pages of 考核: the ranking of a period with its charts, a unit's score sheet (every number opens to
// the items it counted, with objections), the objections to decide, the indicator table of a year and the
// quarterly 通报.
import type { PageContext } from '../../../core/ui/context.ts';
import { StaffLayout } from '../../../core/ui/layout.tsx';
import { TabNav } from './tabs.tsx';
import { CsrfField, ErrorSummary, SelectField, TextArea, TextField } from '../../../core/ui/components.tsx';
import { ChartWithTable } from '../../../core/ui/charts.tsx';
import { RunRefresh, ImportRunPanel } from '../../../core/import-runs/view.tsx';
import type { ImportRunStatus } from '../../../core/import-runs/status.ts';
import { formatInstant } from '../../../core/clock.ts';
import { INDICATOR_METHODS, INDICATOR_SOURCES, METHOD_LABELS, SOURCE_LABELS, parsePeriod, type Indicator, type UnitScore } from '../domain/scoring.ts';
import type { ObjectionRow, ResultRow } from '../service-scoring.ts';

export const ASSESSMENT_BASE = '/staff/assessment';
const CRUMB = { href: ASSESSMENT_BASE, label: '考核' };
const fmt = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(2));
const STATE_LABELS = { pending: '待处理', accepted: '异议成立', rejected: '异议不成立' } as const;

export function PeriodChooser({ periods, current, action }: { periods: string[]; current: string; action: string }) {
  return (
    <form method="get" action={action} class="inline-form">
      <label for="period">考核期间</label>{' '}
      <select id="period" name="period">
        {periods.map((p) => (
          <option key={p} value={p} selected={p === current}>
            {parsePeriod(p)?.label ?? p}
          </option>
        ))}
      </select>{' '}
      <button type="submit" class="button secondary">
        查看
      </button>
    </form>
  );
}

function Tabs({ period, current }: { period: string; current: 'ranking' | 'objections' | 'bulletin' | 'indicators' }) {
  const items = [
    { key: 'ranking', href: `${ASSESSMENT_BASE}?period=${period}`, label: '排名与图表' },
    { key: 'objections', href: `${ASSESSMENT_BASE}/${period}/objections`, label: '异议处理' },
    { key: 'bulletin', href: `${ASSESSMENT_BASE}/${period}/bulletin`, label: '通报' },
    { key: 'indicators', href: `${ASSESSMENT_BASE}/indicators?year=${period.slice(0, 4)}`, label: '指标体系' },
  ];
  return <TabNav label="考核" items={items} current={current} />;
}

export interface TrendRow {
  unitId: number;
  unitName: string;
  totals: (number | null)[];
}

export function RankingPage(p: { ctx: PageContext; period: string; periods: string[]; result: ResultRow | null; trendPeriods: string[]; trend: TrendRow[]; trendUnit: number | null; pendingObjections: number }) {
  const label = parsePeriod(p.period)!.label;
  const scores = p.result?.scores ?? [];
  const inds = scores[0]?.indicators ?? [];
  const lostByIndicator = inds.map((ind, k) => ({ name: ind.name, lost: Math.round(scores.reduce((a, s) => a + (s.indicators[k]!.weight - s.indicators[k]!.points), 0) * 100) / 100, units: scores.filter((s) => s.indicators[k]!.points < s.indicators[k]!.weight).length, failed: scores.reduce((a, s) => a + s.indicators[k]!.failed, 0) }));
  const trendUnit = p.trend.find((t) => t.unitId === p.trendUnit) ?? p.trend[0];
  return (
    <StaffLayout ctx={p.ctx} title={`考核排名：${label}`} breadcrumbs={[{ label: '考核' }]}>
      <h1>政务公开考核：{label}</h1>
      <Tabs period={p.period} current="ranking" />
      <PeriodChooser periods={p.periods} current={p.period} action={ASSESSMENT_BASE} />
      <p>依据平台记录的主动公开、政策解读、依申请公开、互动交流、年度报告和网站监测数据，按本年度指标体系为每个单位计分；每个分数都可展开到所计的事项。</p>
      <form method="post" action={`${ASSESSMENT_BASE}/${p.period}/compute`}>
        <CsrfField token={p.ctx.csrfToken} />
        <button type="submit" class="button secondary">
          {p.result ? '重新计算' : '计算成绩'}
        </button>
      </form>
      {p.result ? (
        <>
          <p>
            计算时间：{formatInstant(p.result.computedAt)}；成绩发布日：{p.result.releasedOn}。{p.pendingObjections ? <a href={`${ASSESSMENT_BASE}/${p.period}/objections`}>待处理异议 {p.pendingObjections} 件</a> : '无待处理异议。'}{' '}
            <a href={`${ASSESSMENT_BASE}/${p.period}/ranking.xlsx`}>下载排名表（Excel）</a>
          </p>
          <ChartWithTable id="ranking" title="得分排名" spec={{ type: 'bar', horizontal: true, labels: scores.map((s) => s.unitName), values: scores.map((s) => s.total), height: Math.max(160, 28 * scores.length + 40) }}>
            <table>
              <caption>{label}各单位得分</caption>
              <thead>
                <tr>
                  <th scope="col">名次</th>
                  <th scope="col">单位</th>
                  <th scope="col">总分</th>
                </tr>
              </thead>
              <tbody>
                {scores.map((s) => (
                  <tr key={s.unitId}>
                    <td>{s.rank}</td>
                    <th scope="row">
                      <a href={`${ASSESSMENT_BASE}/${p.period}/units/${s.unitId}`}>{s.unitName}</a>
                    </th>
                    <td>{fmt(s.total)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ChartWithTable>
          <ChartWithTable id="by-rule" title="各项指标失分" spec={{ type: 'bar', horizontal: true, labels: lostByIndicator.map((x) => x.name), values: lostByIndicator.map((x) => x.lost), color: '#b3261e', height: Math.max(160, 28 * lostByIndicator.length + 40) }}>
            <table>
              <caption>各项指标失分合计</caption>
              <thead>
                <tr>
                  <th scope="col">指标</th>
                  <th scope="col">失分单位</th>
                  <th scope="col">问题事项</th>
                  <th scope="col">失分合计</th>
                </tr>
              </thead>
              <tbody>
                {lostByIndicator.map((x) => (
                  <tr key={x.name}>
                    <th scope="row">{x.name}</th>
                    <td>{x.units}</td>
                    <td>{x.failed}</td>
                    <td>{fmt(x.lost)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ChartWithTable>
        </>
      ) : (
        <p>本期尚未计算成绩。</p>
      )}
      {p.trend.length && trendUnit ? (
        <>
          <form method="get" action={ASSESSMENT_BASE} class="inline-form">
            <input type="hidden" name="period" value={p.period} />
            <label for="trend-unit">趋势单位</label>{' '}
            <select id="trend-unit" name="unit">
              {p.trend.map((t) => (
                <option key={t.unitId} value={String(t.unitId)} selected={t.unitId === trendUnit.unitId}>
                  {t.unitName}
                </option>
              ))}
            </select>{' '}
            <button type="submit" class="button secondary">
              查看趋势
            </button>
          </form>
          <ChartWithTable id="trend" title={`${trendUnit.unitName}各季度得分`} spec={{ type: 'line', labels: p.trendPeriods.map((x) => parsePeriod(x)!.label.slice(5)), values: trendUnit.totals.map((v) => v ?? 0) }}>
            <table>
              <caption>各单位各季度得分</caption>
              <thead>
                <tr>
                  <th scope="col">单位</th>
                  {p.trendPeriods.map((x) => (
                    <th scope="col" key={x}>
                      {parsePeriod(x)!.label.slice(5)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {p.trend.map((t) => (
                  <tr key={t.unitId}>
                    <th scope="row">{t.unitName}</th>
                    {t.totals.map((v, i) => (
                      <td key={i}>{v === null ? '—' : <a href={`${ASSESSMENT_BASE}/${p.trendPeriods[i]}/units/${t.unitId}`}>{fmt(v)}</a>}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </ChartWithTable>
        </>
      ) : null}
    </StaffLayout>
  );
}

export function ScoreSheetPage(p: {
  ctx: PageContext;
  period: string;
  score: UnitScore;
  unitCount: number;
  computedAt: Date;
  deadline: string;
  canObject: boolean;
  isOffice: boolean;
  manualCodes: string[];
  objections: ObjectionRow[];
  errors: Record<string, string>;
  values: Record<string, string>;
}) {
  const label = parsePeriod(p.period)!.label;
  const s = p.score;
  const objectionOf = (code: string, key: string) => p.objections.find((o) => o.indicatorCode === code && o.itemKey === key);
  const base = `${ASSESSMENT_BASE}/${p.period}/units/${s.unitId}`;
  return (
    <StaffLayout ctx={p.ctx} title={`${Object.keys(p.errors).length ? '错误：' : ''}成绩单：${s.unitName} ${label}`} breadcrumbs={[CRUMB, { label: `${s.unitName}成绩单` }]}>
      <h1>
        {s.unitName}成绩单 <small>{label}</small>
      </h1>
      <p class="lead">
        总分 <strong>{fmt(s.total)}</strong> 分，第 {s.rank} 名（共 {p.unitCount} 个单位）。计算时间 {formatInstant(p.computedAt)}。
      </p>
      <p>
        {p.canObject ? `对扣分事项有异议的，请于 ${p.deadline} 前逐项提出，并附证明材料。` : `异议期至 ${p.deadline}。`}
      </p>
      <ErrorSummary errors={p.errors} />
      <div class="table-wrap">
        <table>
          <caption>各项指标得分（点击“计分事项”查看所计的每一项）</caption>
          <thead>
            <tr>
              <th scope="col">指标</th>
              <th scope="col">分值</th>
              <th scope="col">得分</th>
              <th scope="col">计分说明</th>
            </tr>
          </thead>
          <tbody>
            {s.indicators.map((i) => (
              <tr key={i.code} id={`ind-${i.code}`}>
                <th scope="row">{i.name}</th>
                <td>{i.weight}</td>
                <td>{i.points < i.weight ? <strong>{fmt(i.points)}</strong> : fmt(i.points)}</td>
                <td>
                  {i.explanation}
                  {i.items.length ? (
                    <details>
                      <summary>计分事项 {i.items.length} 项{i.failed ? `，其中问题 ${i.failed} 项` : ''}</summary>
                      <ul class="evidence-list">
                        {i.items.map((x) => {
                          const o = objectionOf(i.code, x.key);
                          return (
                            <li key={x.key}>
                              {x.ok ? '合格：' : x.waived ? '异议成立，按合格计：' : x.veto ? <strong>单项否决：</strong> : <strong>问题：</strong>}
                              {x.href ? <a href={x.href}>{x.label}</a> : x.label}（{x.note}）
                              {o ? (
                                <span>
                                  {' '}
                                  · 异议{STATE_LABELS[o.state]}
                                  {o.decisionReason ? `：${o.decisionReason}` : ''}
                                </span>
                              ) : null}
                              {!x.ok && !o && p.canObject ? (
                                <details>
                                  <summary>提出异议</summary>
                                  <form method="post" action={`${base}/objections`} enctype="multipart/form-data" novalidate>
                                    <CsrfField token={p.ctx.csrfToken} />
                                    <input type="hidden" name="indicator" value={i.code} />
                                    <input type="hidden" name="item" value={x.key} />
                                    <TextArea name={`reason-${i.code}-${x.key}`} label="异议理由" rows={3} value={p.values[`reason-${i.code}-${x.key}`]} error={p.errors[`reason-${i.code}-${x.key}`]} />
                                    <p>
                                      <label for={`file-${i.code}-${x.key}`}>证明材料（可选）</label>
                                      <input type="file" id={`file-${i.code}-${x.key}`} name="file" />
                                    </p>
                                    <button type="submit" class="button">
                                      提交异议
                                    </button>
                                  </form>
                                </details>
                              ) : null}
                            </li>
                          );
                        })}
                      </ul>
                    </details>
                  ) : null}
                  {p.isOffice && p.manualCodes.includes(i.code) ? <ManualForm ctx={p.ctx} base={base} code={i.code} weight={i.weight} points={i.items[0]?.note ? i.points : undefined} /> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {p.objections.length ? (
        <>
          <h2>本单位的异议</h2>
          <ObjectionTable ctx={p.ctx} rows={p.objections} period={p.period} decide={false} />
        </>
      ) : null}
    </StaffLayout>
  );
}

function ManualForm({ ctx, base, code, weight, points }: { ctx: PageContext; base: string; code: string; weight: number; points: number | undefined }) {
  return (
    <details>
      <summary>录入得分</summary>
      <form method="post" action={`${base}/manual`} enctype="multipart/form-data" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="indicator" value={code} />
        <TextField name={`points-${code}`} label={`得分（0—${weight}）`} value={points === undefined ? '' : String(points)} inputMode="decimal" maxLength={6} />
        <TextField name={`note-${code}`} label="说明" maxLength={200} />
        <p>
          <label for={`mfile-${code}`}>证明材料</label>
          <input type="file" id={`mfile-${code}`} name="file" />
        </p>
        <button type="submit" class="button">
          保存得分
        </button>
      </form>
    </details>
  );
}

function ObjectionTable({ ctx, rows, period, decide, unitNames = {}, errors = {} }: { ctx: PageContext; rows: ObjectionRow[]; period: string; decide: boolean; unitNames?: Record<number, string>; errors?: Record<string, string> }) {
  return (
    <div class="table-wrap">
      <table>
        <caption>异议</caption>
        <thead>
          <tr>
            {decide ? <th scope="col">单位</th> : null}
            <th scope="col">事项</th>
            <th scope="col">异议理由</th>
            <th scope="col">提出</th>
            <th scope="col">处理</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((o) => (
            <tr key={o.id} id={`objection-${o.id}`}>
              {decide ? (
                <td>
                  <a href={`${ASSESSMENT_BASE}/${period}/units/${o.unitId}#ind-${o.indicatorCode}`}>{unitNames[o.unitId] ?? o.unitId}</a>
                </td>
              ) : null}
              <td>{o.itemLabel}</td>
              <td>
                {o.reason}
                {o.fileKey ? (
                  <>
                    {' '}
                    <a href={`${ASSESSMENT_BASE}/objections/${o.id}/file`}>证明材料：{o.fileName}</a>
                  </>
                ) : null}
              </td>
              <td>
                {o.filedByName}，{formatInstant(o.filedAt)}
              </td>
              <td>
                {o.state !== 'pending' ? (
                  <>
                    {STATE_LABELS[o.state]}：{o.decisionReason}（{o.decidedByName}，{o.decidedAt ? formatInstant(o.decidedAt) : ''}）
                  </>
                ) : decide ? (
                  <form method="post" action={`${ASSESSMENT_BASE}/objections/${o.id}/decide`} novalidate>
                    <CsrfField token={ctx.csrfToken} />
                    <TextArea name={`decisionReason-${o.id}`} label="处理理由" rows={2} error={errors[`decisionReason-${o.id}`]} />
                    <button type="submit" name="decision" value="accept" class="button">
                      异议成立
                    </button>{' '}
                    <button type="submit" name="decision" value="reject" class="button secondary">
                      异议不成立
                    </button>
                  </form>
                ) : (
                  STATE_LABELS.pending
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ObjectionsPage(p: { ctx: PageContext; period: string; rows: ObjectionRow[]; unitNames: Record<number, string>; errors: Record<string, string> }) {
  const label = parsePeriod(p.period)!.label;
  return (
    <StaffLayout ctx={p.ctx} title={`${Object.keys(p.errors).length ? '错误：' : ''}异议处理：${label}`} breadcrumbs={[CRUMB, { label: '异议处理' }]}>
      <h1>异议处理：{label}</h1>
      <Tabs period={p.period} current="objections" />
      <ErrorSummary errors={p.errors} />
      <p>异议成立的事项按合格计，本期成绩随即重新计算；每次处理都记入审计日志。</p>
      {p.rows.length ? <ObjectionTable ctx={p.ctx} rows={p.rows} period={p.period} decide unitNames={p.unitNames} errors={p.errors} /> : <p>本期没有异议。</p>}
    </StaffLayout>
  );
}

export function IndicatorsPage(p: { ctx: PageContext; year: number; period: string; rows: Indicator[]; errors: Record<string, string>; objectionDays: number; daysError?: string; daysValue?: string }) {
  const rows = [...p.rows, ...Array.from({ length: 2 }, () => ({ code: '', name: '', weight: 0, method: 'manual' as const, deduct: 0, source: 'manual' as const, rule: '' }))];
  const sum = p.rows.reduce((a, i) => a + (Number.isFinite(i.weight) ? i.weight : 0), 0);
  return (
    <StaffLayout ctx={p.ctx} title={`${Object.keys(p.errors).length || p.daysError ? '错误：' : ''}考核指标体系 ${p.year}年`} breadcrumbs={[CRUMB, { label: '指标体系' }]}>
      <h1>考核指标体系：{p.year}年</h1>
      <Tabs period={p.period} current="indicators" />
      <form method="get" action={`${ASSESSMENT_BASE}/indicators`} class="inline-form">
        <label for="year">年度</label> <input id="year" name="year" inputMode="numeric" maxLength={4} size={5} value={String(p.year)} />{' '}
        <button type="submit" class="button secondary">
          查看
        </button>
      </form>
      <p>各项分值合计须为100分。名称留空的行将被删除；末尾空行可新增指标。修改后请在排名页“重新计算”。</p>
      <ErrorSummary errors={p.errors} />
      {p.errors.weights ? (
        <p class="field-message" id="f-weights-error">
          <span class="visually-hidden">错误：</span>
          {p.errors.weights}
        </p>
      ) : null}
      <form method="post" action={`${ASSESSMENT_BASE}/indicators?year=${p.year}`} novalidate>
        <CsrfField token={p.ctx.csrfToken} />
        {rows.map((r, i) => (
          <fieldset key={i} class="indicator-row">
            <legend>{r.code ? `指标 ${i + 1}：${r.name || '（未命名）'}` : `新增指标 ${i + 1}`}</legend>
            <input type="hidden" name={`code.${i}`} value={r.code} />
            <TextField name={`name.${i}`} label="指标名称" value={r.name} error={p.errors[`name.${i}`]} maxLength={40} />
            <TextField name={`weight.${i}`} label="分值" value={r.code || r.name ? String(r.weight) : ''} error={p.errors[`weight.${i}`]} inputMode="numeric" maxLength={3} />
            <SelectField name={`source.${i}`} label="数据来源" value={r.source} error={p.errors[`source.${i}`]} options={INDICATOR_SOURCES.map((s) => ({ value: s, label: SOURCE_LABELS[s] }))} />
            <SelectField name={`method.${i}`} label="计分方法" value={r.method} error={p.errors[`method.${i}`]} options={INDICATOR_METHODS.map((m) => ({ value: m, label: METHOD_LABELS[m] }))} />
            <TextField name={`deduct.${i}`} label="每项扣分（逐项扣分时）" value={r.deduct ? String(r.deduct) : ''} error={p.errors[`deduct.${i}`]} inputMode="numeric" maxLength={3} />
            <TextArea name={`rule.${i}`} label="评分规则" value={r.rule} error={p.errors[`rule.${i}`]} rows={2} />
          </fieldset>
        ))}
        <p>当前合计：{sum} 分</p>
        <button type="submit" class="button">
          保存指标体系
        </button>
      </form>
      <h2 id="objection-days">异议期限</h2>
      <form method="post" action={`${ASSESSMENT_BASE}/settings?year=${p.year}`} novalidate>
        <CsrfField token={p.ctx.csrfToken} />
        <TextField name="objectionDays" label="成绩发布后可提出异议的工作日数" value={p.daysValue ?? String(p.objectionDays)} error={p.daysError} inputMode="numeric" maxLength={2} hint="按工作日历计算，默认5个工作日" />
        <button type="submit" class="button secondary">
          保存
        </button>
      </form>
    </StaffLayout>
  );
}

export interface BulletinView {
  title: string;
  docNo: string;
  overview: string;
  problems: string;
  requirements: string;
  state: 'draft' | 'issued';
  issuedOn: string | null;
}

export function BulletinPage(p: { ctx: PageContext; period: string; bulletin: BulletinView | null; hasResult: boolean; errors: Record<string, string> }) {
  const label = parsePeriod(p.period)!.label;
  const b = p.bulletin;
  const base = `${ASSESSMENT_BASE}/${p.period}/bulletin`;
  return (
    <StaffLayout ctx={p.ctx} title={`${Object.keys(p.errors).length ? '错误：' : ''}考核通报：${label}`} breadcrumbs={[CRUMB, { label: '通报' }]}>
      <h1>考核通报：{label}</h1>
      <Tabs period={p.period} current="bulletin" />
      {b?.state === 'issued' ? <ErrorSummary errors={p.errors} /> : null}
      {!p.hasResult ? (
        <p>本期尚未计算成绩，计算后可生成通报草稿。</p>
      ) : !b ? (
        <form method="post" action={`${base}/draft`}>
          <CsrfField token={p.ctx.csrfToken} />
          <p>按本期成绩生成通报草稿（总体情况、存在的主要问题、下一步工作要求），生成后可修改。</p>
          <button type="submit" class="button">
            生成通报草稿
          </button>
        </form>
      ) : b.state === 'issued' ? (
        <>
          <p>
            已于 {b.issuedOn} 印发，文号 {b.docNo}。<a href={`${base}.docx`}>下载通报（Word）</a> · <a href={`${ASSESSMENT_BASE}/${p.period}/ranking.xlsx`}>排名表（Excel）</a>
          </p>
          <article class="bulletin">
            <h2>{b.title}</h2>
            <h3>一、总体情况</h3>
            {b.overview.split('\n').map((l, i) => (
              <p key={i}>{l}</p>
            ))}
            <h3>二、存在的主要问题</h3>
            {b.problems.split('\n').map((l, i) => (
              <p key={i}>{l}</p>
            ))}
            <h3>三、下一步工作要求</h3>
            {b.requirements.split('\n').map((l, i) => (
              <p key={i}>{l}</p>
            ))}
          </article>
        </>
      ) : (
        <>
          <p>
            草稿。<a href={`${base}.docx`}>预览通报（Word）</a>
          </p>
          <ErrorSummary errors={p.errors} />
          <form method="post" action={base} novalidate>
            <CsrfField token={p.ctx.csrfToken} />
            <TextField name="title" label="标题" value={b.title} error={p.errors.title} maxLength={100} />
            <TextField name="docNo" label="发文字号" value={b.docNo} error={p.errors.docNo} maxLength={40} hint="如：楚政办通〔2026〕12号；印发时必填" />
            <TextArea name="overview" label="一、总体情况" value={b.overview} error={p.errors.overview} rows={6} />
            <TextArea name="problems" label="二、存在的主要问题" value={b.problems} error={p.errors.problems} rows={10} />
            <TextArea name="requirements" label="三、下一步工作要求" value={b.requirements} error={p.errors.requirements} rows={6} />
            <button type="submit" name="action" value="save" class="button secondary">
              保存草稿
            </button>{' '}
            <button type="submit" name="action" value="issue" class="button">
              印发
            </button>
          </form>
        </>
      )}
    </StaffLayout>
  );
}

export function ComputeRunPage({ ctx, period, run, statusUrl }: { ctx: PageContext; period: string; run: ImportRunStatus; statusUrl: string }) {
  return (
    <StaffLayout ctx={ctx} title={`计算成绩：${parsePeriod(period)!.label}`} breadcrumbs={[CRUMB, { label: '计算成绩' }]} head={run.state === 'running' ? <RunRefresh /> : undefined}>
      <h1>计算成绩：{parsePeriod(period)!.label}</h1>
      <ImportRunPanel run={run} statusUrl={statusUrl} />
      <p>
        <a href={`${ASSESSMENT_BASE}?period=${period}`}>返回排名</a>
      </p>
    </StaffLayout>
  );
}
