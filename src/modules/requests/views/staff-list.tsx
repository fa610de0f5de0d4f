// Back-office dashboards and lists of requests: the handler's own requests, the unit admin's unit and
// the openness office's city, with due-within-3-working-days, overdue and per-unit counts. Personal
// data is masked in every row.
import type { PageContext } from '../../../core/ui/context.ts';
import { StaffLayout } from '../../../core/ui/layout.tsx';
import { ColumnChooser, Pagination } from '../../../core/ui/components.tsx';
import { ChartWithTable, type ChartSpec } from '../../../core/ui/charts.tsx';
import type { DueStatus } from '../domain/clock.ts';

export const DUE_LABELS: Record<DueStatus, string> = {
  not_started: '未开始计算',
  running: '计算中',
  due_soon: '3个工作日内到期',
  due_today: '今天到期',
  overdue: '已逾期',
  paused: '暂停计算',
  awaiting_correction: '等待补正',
  closed: '已办结',
};

export interface ListRowView {
  requestNo: string;
  unitName: string;
  applicantName: string;
  idNumber: string;
  phone: string;
  description: string;
  stateLabel: string;
  receivedOn: string | null;
  dueOn: string | null;
  due: DueStatus;
  handlerName: string;
}

export interface CountsView {
  open: number;
  dueSoon: number;
  overdue: number;
  awaitingCorrection: number;
  paused: number;
}

export interface ListFilters {
  scope: 'mine' | 'unit' | 'city';
  due: '' | 'due_soon' | 'overdue';
  state: string;
  unit: string;
  q: string;
}

/** The list's columns a person may fold away; 受理编号, 状态 and 答复期限 always show. */
export const REQUEST_LIST_COLUMNS = [
  { key: 'unit', label: '单位' },
  { key: 'applicant', label: '申请人' },
  { key: 'phone', label: '联系电话' },
  { key: 'info', label: '所需信息' },
  { key: 'received', label: '收到申请之日' },
  { key: 'handler', label: '承办人' },
] as const;

export interface RequestListProps {
  ctx: PageContext;
  /** The optional columns shown (keys of REQUEST_LIST_COLUMNS). */
  columns: ReadonlySet<string>;
  title: string;
  filters: ListFilters;
  scopes: { value: ListFilters['scope']; label: string }[];
  states: { value: string; label: string }[];
  units: { slug: string; name: string }[] | null;
  totals: CountsView;
  dueSoonTo: string;
  today: string;
  byUnit: (CountsView & { unitName: string; unitSlug: string })[] | null;
  rows: ListRowView[];
  total: number;
  page: number;
  pageCount: number;
  canRegister: boolean;
  canEditTemplates: boolean;
}

export function listQuery(f: ListFilters, extra: Record<string, string> = {}): string {
  const p = new URLSearchParams();
  const all: Record<string, string> = { scope: f.scope, due: f.due, state: f.state, unit: f.unit, q: f.q, ...extra };
  for (const [k, v] of Object.entries(all)) if (v) p.set(k, v);
  const s = p.toString();
  return s ? `?${s}` : '';
}

/** Open requests per unit as stacked bars: the parts are disjoint, so a bar's length is the unit's 办理中. */
export function byUnitChart(byUnit: (CountsView & { unitName: string })[]): ChartSpec {
  const short = (name: string) => name.replace(/^楚雄(州|市)/, '').replace(/人民政府$/, '');
  return {
    type: 'bar',
    horizontal: true,
    height: 40 + 24 * byUnit.length,
    labels: byUnit.map((u) => short(u.unitName)),
    values: byUnit.map((u) => u.open),
    series: [
      { name: '已逾期', color: '#b3261e', values: byUnit.map((u) => u.overdue) },
      { name: '3个工作日内到期', color: '#b35c00', values: byUnit.map((u) => u.dueSoon) },
      { name: '等待补正', color: '#6a4c93', values: byUnit.map((u) => u.awaitingCorrection) },
      { name: '暂停计算', color: '#737373', values: byUnit.map((u) => u.paused) },
      { name: '其他办理中', color: '#1d4f91', values: byUnit.map((u) => Math.max(0, u.open - u.overdue - u.dueSoon - u.awaitingCorrection - u.paused)) },
    ],
  };
}

export function RequestListPage(p: RequestListProps) {
  const f = p.filters;
  const link = (extra: Partial<ListFilters>) => `/staff/requests${listQuery({ ...f, ...extra })}`;
  const show = (key: string) => p.columns.has(key);
  return (
    <StaffLayout ctx={p.ctx} title="依申请公开" breadcrumbs={[{ label: '依申请公开' }]}>
      <h1>依申请公开</h1>
      <p class="actions-row">
        {p.canRegister ? (
          <a class="button" href="/staff/requests/new">
            登记申请
          </a>
        ) : null}{' '}
        <a class="button secondary" href="/staff/requests/templates">
          {p.canEditTemplates ? '编辑文书模板' : '文书模板'}
        </a>{' '}
        <a class="button secondary" href="/staff/mail-log">
          邮件日志
        </a>
        {p.canEditTemplates ? (
          <>
            {' '}
            <a class="button secondary" href="/staff/requests/settings">
              设置
            </a>
          </>
        ) : null}
      </p>
      <nav aria-label="范围" class="tabs">
        <ul>
          {p.scopes.map((s) => (
            <li key={s.value}>
              <a href={link({ scope: s.value, unit: '' })} aria-current={s.value === f.scope ? 'page' : undefined}>
                {s.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <section aria-labelledby="dash-title">
        <h2 id="dash-title">{p.title}：办理中的申请</h2>
        <ul class="stat-cards">
          <li>
            <a href={link({ due: '', state: 'open' })}>
              <strong>{p.totals.open}</strong> 办理中
            </a>
          </li>
          <li class={p.totals.dueSoon ? 'warn' : undefined}>
            <a href={link({ due: 'due_soon', state: '' })}>
              <strong>{p.totals.dueSoon}</strong> 3个工作日内到期（至 {p.dueSoonTo}）
            </a>
          </li>
          <li class={p.totals.overdue ? 'bad' : undefined}>
            <a href={link({ due: 'overdue', state: '' })}>
              <strong>{p.totals.overdue}</strong> 已逾期
            </a>
          </li>
          <li>
            <a href={link({ due: '', state: 'awaiting_correction' })}>
              <strong>{p.totals.awaitingCorrection}</strong> 等待补正
            </a>
          </li>
          <li>
            <strong>{p.totals.paused}</strong> 暂停计算（征求意见、等待缴费）
          </li>
        </ul>
        <p class="hint">今天是 {p.today}。到期和逾期只统计答复期限正在计算的申请。</p>
      </section>
      {p.byUnit ? (
        p.byUnit.length ? (
          <ChartWithTable id="by-unit" title="按单位和状态：办理中的申请" spec={byUnitChart(p.byUnit)}>
              <table>
                <caption class="visually-hidden">各单位办理中的申请</caption>
                <thead>
                  <tr>
                    <th scope="col">单位</th>
                    <th scope="col">办理中</th>
                    <th scope="col">3个工作日内到期</th>
                    <th scope="col">已逾期</th>
                    <th scope="col">等待补正</th>
                    <th scope="col">暂停计算</th>
                  </tr>
                </thead>
                <tbody>
                  {p.byUnit.map((u) => (
                    <tr key={u.unitSlug}>
                      <th scope="row">
                        <a href={link({ scope: 'city', unit: u.unitSlug, due: '', state: 'open' })}>{u.unitName}</a>
                      </th>
                      <td>{u.open}</td>
                      <td>{u.dueSoon ? <a href={link({ scope: 'city', unit: u.unitSlug, due: 'due_soon', state: '' })}>{u.dueSoon}</a> : 0}</td>
                      <td class={u.overdue ? 'status-bad' : undefined}>{u.overdue ? <a href={link({ scope: 'city', unit: u.unitSlug, due: 'overdue', state: '' })}>{u.overdue}</a> : 0}</td>
                      <td>{u.awaitingCorrection}</td>
                      <td>{u.paused}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
          </ChartWithTable>
        ) : (
          <section aria-labelledby="by-unit-title">
            <h2 id="by-unit-title">按单位和状态：办理中的申请</h2>
            <p>没有办理中的申请。</p>
          </section>
        )
      ) : null}
      {p.byUnit ? (
        <p>
          各单位按时答复率见<a href="/requests/statistics">依申请公开办理情况统计</a>。
        </p>
      ) : null}
      <section aria-labelledby="list-title">
        <h2 id="list-title">申请列表</h2>
        <form method="get" action="/staff/requests" class="filters">
          <input type="hidden" name="scope" value={f.scope} />
          <div class="field">
            <label for="f-due">期限</label>
            <select id="f-due" name="due">
              <option value="" selected={f.due === ''}>
                全部
              </option>
              <option value="due_soon" selected={f.due === 'due_soon'}>
                3个工作日内到期
              </option>
              <option value="overdue" selected={f.due === 'overdue'}>
                已逾期
              </option>
            </select>
          </div>
          <div class="field">
            <label for="f-state">状态</label>
            <select id="f-state" name="state">
              <option value="" selected={f.state === ''}>
                全部
              </option>
              {p.states.map((s) => (
                <option key={s.value} value={s.value} selected={s.value === f.state}>
                  {s.label}
                </option>
              ))}
            </select>
          </div>
          {p.units ? (
            <div class="field">
              <label for="f-unit">单位</label>
              <select id="f-unit" name="unit">
                <option value="" selected={f.unit === ''}>
                  全部单位
                </option>
                {p.units.map((u) => (
                  <option key={u.slug} value={u.slug} selected={u.slug === f.unit}>
                    {u.name}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          <div class="field">
            <label for="f-q">受理编号或内容</label>
            <input id="f-q" type="text" name="q" value={f.q} maxLength={100} />
          </div>
          <div class="field">
            <button type="submit" class="button secondary">
              筛选
            </button>
          </div>
        </form>
        <p>
          共 {p.total} 件。<a href={`/staff/requests/export.xlsx${listQuery(f)}`}>导出 Excel（个人信息已隐藏）</a>
        </p>
        <ColumnChooser action="/staff/requests" options={REQUEST_LIST_COLUMNS} shown={p.columns} keep={{ scope: f.scope, due: f.due, state: f.state, unit: f.unit, q: f.q }} />
        {p.rows.length ? (
          <div class="table-wrap sticky-head" role="region" tabIndex={0} aria-label="申请列表">
            <table class="request-list">
              <caption class="visually-hidden">申请列表，按答复期限排序</caption>
              <thead>
                <tr>
                  <th scope="col">受理编号</th>
                  {show('unit') ? <th scope="col">单位</th> : null}
                  {show('applicant') ? <th scope="col">申请人</th> : null}
                  {show('phone') ? <th scope="col">联系电话</th> : null}
                  {show('info') ? <th scope="col">所需信息</th> : null}
                  <th scope="col">状态</th>
                  {show('received') ? <th scope="col">收到申请之日</th> : null}
                  <th scope="col">答复期限</th>
                  {show('handler') ? <th scope="col">承办人</th> : null}
                </tr>
              </thead>
              <tbody>
                {p.rows.map((r) => (
                  <tr key={r.requestNo} class={r.due === 'overdue' ? 'row-bad' : r.due === 'due_soon' || r.due === 'due_today' ? 'row-warn' : undefined}>
                    <th scope="row" class="nowrap">
                      <a href={`/staff/requests/${r.requestNo}`}>{r.requestNo}</a>
                    </th>
                    {show('unit') ? <td class="col-unit">{r.unitName}</td> : null}
                    {show('applicant') ? <td class="nowrap">{r.applicantName}</td> : null}
                    {show('phone') ? <td class="nowrap">{r.phone}</td> : null}
                    {show('info') ? <td class="col-info">{r.description}</td> : null}
                    <td class="nowrap col-state">{r.stateLabel}</td>
                    {show('received') ? <td class="nowrap">{r.receivedOn ?? '待确认'}</td> : null}
                    <td>
                      <span class="nowrap">{r.dueOn ?? '—'}</span>
                      <br />
                      <span class={r.due === 'overdue' ? 'status-bad' : r.due === 'due_soon' || r.due === 'due_today' ? 'status-warn' : 'hint'}>{DUE_LABELS[r.due]}</span>
                    </td>
                    {show('handler') ? <td class="nowrap col-handler">{r.handlerName}</td> : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p>没有符合条件的申请。</p>
        )}
        <Pagination page={p.page} pageCount={p.pageCount} hrefFor={(n) => `/staff/requests${listQuery(f, { page: String(n) })}`} />
      </section>
    </StaffLayout>
  );
}
