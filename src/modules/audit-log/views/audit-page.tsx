import type { PageContext } from '../../../core/ui/context.ts';
import type { FieldErrors } from '../../../core/http/form.ts';
import type { ChainResult } from '../../../core/audit/index.ts';
import { StaffLayout } from '../../../core/ui/layout.tsx';
import { ErrorSummary, Pagination, SelectField, TextField } from '../../../core/ui/components.tsx';

export interface AuditRowDisplay {
  id: number;
  time: string;
  actor: string;
  unit: string;
  action: string;
  actionCode: string;
  target: string;
  summaryShort: string;
  summaryFull: string;
  ip: string;
  requestId: string;
}

export interface AuditResults {
  rows: AuditRowDisplay[];
  total: number;
  page: number;
  pageCount: number;
}

type Option = { value: string; label: string };

export interface AuditPageProps {
  ctx: PageContext;
  values: Record<string, string>;
  errors: FieldErrors;
  unitOptions: Option[];
  actionOptions: Option[];
  targetTypeOptions: Option[];
  /** Absent when the filters are invalid. */
  results?: AuditResults;
  chain: ChainResult;
  /** "?from=…" of the current filters, for page and export links. */
  query: string;
  exportCap: number;
}

export function AuditPage(p: AuditPageProps) {
  const { ctx, values, errors } = p;
  return (
    <StaffLayout ctx={ctx} title="审计日志" breadcrumbs={[{ label: '审计日志' }]}>
      <h1>审计日志</h1>
      <p class="hint">审计日志记录系统中的每一次变更和登录，只能查看和导出，任何人都不能修改或删除。</p>
      <ChainSection chain={p.chain} />
      <ErrorSummary errors={errors} />
      <h2>筛选</h2>
      <form method="get" action="/staff/audit" class="filters" novalidate>
        <TextField name="from" label="起始日期" type="date" value={values.from} error={errors.from} />
        <TextField name="to" label="截止日期" type="date" value={values.to} error={errors.to} />
        <TextField name="actor" label="操作人" value={values.actor} error={errors.actor} hint="账号或姓名中包含的文字" maxLength={50} />
        <SelectField name="unit" label="单位" value={values.unit} error={errors.unit} options={p.unitOptions} placeholder="全部单位" />
        <SelectField name="action" label="操作" value={values.action} error={errors.action} options={p.actionOptions} placeholder="全部操作" />
        <SelectField name="targetType" label="对象类型" value={values.targetType} error={errors.targetType} options={p.targetTypeOptions} placeholder="全部类型" />
        <TextField name="targetId" label="对象编号" value={values.targetId} error={errors.targetId} maxLength={100} />
        {/* The page number is normally only in links; shown as a field when it is the problem. */}
        {errors.page ? <TextField name="page" label="页码" value={values.page} error={errors.page} inputMode="numeric" maxLength={6} /> : null}
        <div class="field">
          <button type="submit" class="button">
            筛选
          </button>{' '}
          <a href="/staff/audit">清除筛选</a>
        </div>
      </form>
      {p.results ? <Results {...p} results={p.results} /> : <p class="notice">请先更正上面的筛选条件，再查看结果。</p>}
    </StaffLayout>
  );
}

function ChainSection({ chain }: { chain: ChainResult }) {
  return (
    <section aria-labelledby="chain-title">
      <h2 id="chain-title">校验哈希链</h2>
      {chain.ok ? (
        <p class="status-ok" id="chain-result">
          哈希链完整：共 {chain.count} 条记录，均未被修改或删除。
        </p>
      ) : (
        <div class="warning-box" role="alert">
          <p class="status-bad" id="chain-result">
            哈希链在第 {chain.brokenId} 条记录处断裂：{chain.reason}
          </p>
          <p>该记录或其前一条记录在写入后被改动或删除。请保留现场，并报告系统管理员和上级审计部门。</p>
        </div>
      )}
    </section>
  );
}

function Results({ results, query, exportCap }: AuditPageProps & { results: AuditResults }) {
  const { rows, total, page, pageCount } = results;
  const pageHref = (n: number) => `/staff/audit${query}${query ? '&' : '?'}page=${n}`;
  return (
    <section aria-labelledby="results-title">
      <h2 id="results-title">查询结果</h2>
      <p>
        共 <strong>{total}</strong> 条记录，按时间从新到旧排列。
      </p>
      <p>
        导出全部符合条件的记录：<a href={`/staff/audit/export.csv${query}`}>CSV 文件</a>
        {' · '}
        <a href={`/staff/audit/export.xlsx${query}`}>Excel 文件</a>
      </p>
      {total > exportCap ? (
        <p class="notice" role="status">
          符合条件的记录超过导出上限 {exportCap.toLocaleString('en-US')} 条：导出文件只包含最新的 {exportCap.toLocaleString('en-US')} 条，请缩小日期范围后分批导出。
        </p>
      ) : null}
      {rows.length ? (
        <div class="table-wrap">
          <table class="audit-log">
            <caption>
              审计日志记录（第 {page} / {pageCount} 页）
            </caption>
            <thead>
              <tr>
                <th scope="col">编号</th>
                <th scope="col">时间</th>
                <th scope="col">操作人</th>
                <th scope="col">单位</th>
                <th scope="col">操作</th>
                <th scope="col">对象</th>
                <th scope="col">摘要</th>
                <th scope="col">IP</th>
                <th scope="col">请求编号</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td>{r.id}</td>
                  <td>{r.time}</td>
                  <td>{r.actor}</td>
                  <td>{r.unit}</td>
                  <td>
                    <span title={r.actionCode}>{r.action}</span>
                  </td>
                  <td>{r.target}</td>
                  <td title={r.summaryShort !== r.summaryFull ? r.summaryFull : undefined}>{r.summaryShort}</td>
                  <td>{r.ip}</td>
                  <td>
                    <code>{r.requestId}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>没有符合条件的记录。</p>
      )}
      <Pagination page={page} pageCount={pageCount} hrefFor={pageHref} />
    </section>
  );
}
