// The website monitor's staff page: the latest pass's findings (rule, URL, time seen, evidence, single
// veto), the thresholds with their national defaults, and a button to run a pass now.
import type { PageContext } from '../../../core/ui/context.ts';
import { StaffLayout } from '../../../core/ui/layout.tsx';
import { CsrfField, ErrorSummary, TextField } from '../../../core/ui/components.tsx';
import { formatInstant } from '../../../core/clock.ts';
import { DEFAULT_THRESHOLDS, type MonitorThresholds } from '../domain/monitor.ts';
import type { MonitorRunRow } from '../service-monitor.ts';

export const MONITOR_BASE = '/staff/monitor';

export const THRESHOLD_LABELS: Record<keyof MonitorThresholds, string> = {
  homeDays: '首页更新周期（天）',
  newsDays: '动态、要闻类栏目更新周期（天）',
  noticeMonths: '通知公告、政策文件类栏目更新周期（月）',
  staleColumnsVeto: '未更新栏目数达到即单项否决（个）',
  blankColumnsVeto: '空白栏目数达到即单项否决（个）',
  probeTimeoutMs: '访问超时（毫秒）',
  probeFailPercent: '访问失败占比达到即单项否决（%）',
  unansweredMonths: '留言未回应期限（月）',
};

export function MonitorPage({ ctx, run, thresholds, values, errors }: { ctx: PageContext; run: MonitorRunRow | null; thresholds: MonitorThresholds; values: Record<string, string>; errors: Record<string, string> }) {
  const vetoes = run ? run.findings.filter((f) => f.veto).length : 0;
  const problems = run ? run.findings.filter((f) => !f.info) : [];
  const notes = run ? run.findings.filter((f) => f.info) : [];
  const hasErrors = Object.keys(errors).length > 0;
  return (
    <StaffLayout ctx={ctx} title={hasErrors ? '错误：网站监测' : '网站监测'} breadcrumbs={[{ label: '网站监测' }]}>
      <h1>网站监测</h1>
      <p>按《政府网站与政务新媒体检查指标》（国办秘函〔2019〕19号）检查本站：首页和栏目更新、空白栏目、站内链接和外部链接、站点可访问性、互动留言回应、办事指南重点要素、政务新媒体更新。每天自动监测一次，首页每半小时探测一次。</p>
      <form method="post" action={`${MONITOR_BASE}/run`}>
        <CsrfField token={ctx.csrfToken} />
        <button type="submit" class="button secondary">
          立即监测
        </button>
      </form>
      {run ? (
        <>
          <p>
            最近一次：{formatInstant(run.startedAt)}，检查 {run.pages} 个页面，发现 {problems.length} 个问题
            {vetoes ? <strong>，其中单项否决 {vetoes} 个</strong> : '，无单项否决问题'}。
          </p>
          {problems.length ? (
            <div class="table-wrap">
              <table>
                <caption>监测发现的问题</caption>
                <thead>
                  <tr>
                    <th scope="col">问题</th>
                    <th scope="col">网址</th>
                    <th scope="col">发现时间</th>
                    <th scope="col">依据</th>
                  </tr>
                </thead>
                <tbody>
                  {problems.map((f, i) => (
                    <tr key={i}>
                      <td>
                        {f.veto ? <strong>单项否决：</strong> : null}
                        {f.evidence}
                      </td>
                      <td>
                        <a href={f.url}>{f.url}</a>
                      </td>
                      <td>{formatInstant(new Date(f.seenAt))}</td>
                      <td>{f.citation}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
          {notes.map((f, i) => (
            <p key={i} class="hint">
              说明：{f.evidence}（{f.citation}）
            </p>
          ))}
        </>
      ) : (
        <p>尚未监测。</p>
      )}
      <h2 id="thresholds">监测标准</h2>
      <p>默认值为国办秘函〔2019〕19号单项否决指标的标准；本地要求更严的，可在此调整。</p>
      <ErrorSummary errors={errors} />
      <form method="post" action={`${MONITOR_BASE}/thresholds`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        {(Object.keys(THRESHOLD_LABELS) as (keyof MonitorThresholds)[]).map((k) => (
          <TextField key={k} name={k} label={THRESHOLD_LABELS[k]} value={values[k] ?? String(thresholds[k])} error={errors[k]} inputMode="numeric" maxLength={6} hint={`国家标准：${DEFAULT_THRESHOLDS[k]}`} />
        ))}
        <button type="submit" class="button">
          保存监测标准
        </button>
      </form>
    </StaffLayout>
  );
}
