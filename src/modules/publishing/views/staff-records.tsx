// The back-office list of a unit's records (with filters and export), the review queue, the "review
// owed" list, and the timeliness dashboard (《政府信息公开条例》第二十六条).
import type { PageContext } from '../../../core/ui/context.ts';
import { StaffLayout } from '../../../core/ui/layout.tsx';
import { fieldId, Pagination } from '../../../core/ui/components.tsx';
import { ChartWithTable, type ChartSpec } from '../../../core/ui/charts.tsx';
import { DOC_TYPE_LABELS, GENERAL_COLUMN_LABELS, RECORD_STATES, STATE_LABELS } from '../domain/vocab.ts';
import { RECORDS_CRUMB, recordHref, StateTag, type RecordListRow } from './staff-shared.tsx';

export interface RecordFilters {
  unit: string;
  state: string;
  /** 'item:<id>' or 'column:<news|notice|policy>' or ''. */
  home: string;
  type: string;
  year: string;
}

export interface RecordsPageProps {
  ctx: PageContext;
  unit: { slug: string; name: string };
  /** Units the user may switch to (city-wide roles); empty for others. */
  units: { slug: string; name: string }[];
  filters: RecordFilters;
  homeOptions: { group: string; options: { value: string; label: string }[] }[];
  years: number[];
  rows: RecordListRow[];
  total: number;
  page: number;
  pageCount: number;
  /** Submitted records the user may review; null when the user is not a reviewer. */
  awaiting: RecordListRow[] | null;
  owed: RecordListRow[];
  canCreate: boolean;
  queryString: (overrides: Record<string, string>) => string;
}

function RecordTable({ rows, caption, showUnit, extra }: { rows: RecordListRow[]; caption: string; showUnit?: boolean; extra?: 'submitted' | 'owed' }) {
  return (
    <div class="table-wrap" role="region" tabIndex={0} aria-label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">标题</th>
            {showUnit ? <th scope="col">单位</th> : null}
            <th scope="col">状态</th>
            <th scope="col">文号</th>
            <th scope="col">所属事项或栏目</th>
            <th scope="col">文件类型</th>
            <th scope="col">{extra === 'submitted' ? '提交人' : '发布日期'}</th>
            <th scope="col">更新时间</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.code}>
              <td>
                <a href={recordHref(r.code)}>{r.title}</a>
                {r.kind === 'interpretation' ? <span class="hint">（政策解读）</span> : null}
                {r.indexNo ? <div class="hint">{r.indexNo}</div> : null}
                {r.late ? <div class="status-bad">超期公开</div> : null}
                {r.reviewOwed ? <div class="status-bad">待补充审核</div> : null}
                {r.disclosureLabel !== '主动公开' ? <div class="hint">{r.disclosureLabel}</div> : null}
              </td>
              {showUnit ? <td>{r.unitName}</td> : null}
              <td>
                <StateTag state={r.state} />
                {r.scheduledAt ? <div class="hint">{r.scheduledAt} 发布</div> : null}
              </td>
              <td>{r.docNo || '—'}</td>
              <td>{r.home}</td>
              <td>{r.docTypeLabel}</td>
              <td class="nowrap">{extra === 'submitted' ? (r.submittedByName ?? '') : (r.publishedOn ?? '—')}</td>
              <td class="nowrap">{r.updatedAt}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function FilterSelect({ name, label, value, options, all }: { name: string; label: string; value: string; options: { value: string; label: string }[]; all: string }) {
  return (
    <div class="field">
      <label for={fieldId(name)}>{label}</label>
      <select id={fieldId(name)} name={name}>
        <option value="">{all}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value} selected={o.value === value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function RecordsPage(p: RecordsPageProps) {
  const f = p.filters;
  return (
    <StaffLayout ctx={p.ctx} title="信息发布" breadcrumbs={[{ label: '信息发布' }]}>
      <h1>信息发布（主动公开）</h1>
      <p>
        {p.unit.name}
        {' · '}
        <a href={`/staff/records/timeliness${p.units.length ? `?unit=${encodeURIComponent(p.unit.slug)}` : ''}`}>公开时效</a>
        {p.canCreate ? (
          <>
            {' · '}
            <a class="button" href="/staff/records/new">
              新建信息
            </a>
          </>
        ) : null}
      </p>

      {p.awaiting ? (
        <section aria-labelledby="h-awaiting">
          <h2 id="h-awaiting">待我审核（{p.awaiting.length}）</h2>
          {p.awaiting.length ? <RecordTable rows={p.awaiting} caption="待审核的信息" showUnit extra="submitted" /> : <p>没有待审核的信息。</p>}
        </section>
      ) : null}

      {p.owed.length ? (
        <section aria-labelledby="h-owed">
          <h2 id="h-owed">待补充审核（{p.owed.length}）</h2>
          <p class="hint">以下信息由单位管理员紧急发布，须由审核人补充审核。</p>
          <RecordTable rows={p.owed} caption="紧急发布、待补充审核的信息" showUnit extra="owed" />
        </section>
      ) : null}

      <section aria-labelledby="h-all">
        <h2 id="h-all">全部信息</h2>
        <form method="get" action="/staff/records" class="filters" role="search" aria-label="筛选信息">
          {p.units.length ? <FilterSelect name="unit" label="单位" value={f.unit} options={p.units.map((u) => ({ value: u.slug, label: u.name }))} all="本单位" /> : null}
          <FilterSelect name="state" label="状态" value={f.state} options={RECORD_STATES.map((s) => ({ value: s, label: STATE_LABELS[s] }))} all="全部状态" />
          <div class="field">
            <label for={fieldId('home')}>事项或栏目</label>
            <select id={fieldId('home')} name="home">
              <option value="">全部</option>
              <optgroup label="栏目">
                {Object.entries(GENERAL_COLUMN_LABELS).map(([value, label]) => (
                  <option key={value} value={`column:${value}`} selected={f.home === `column:${value}`}>
                    {label}
                  </option>
                ))}
              </optgroup>
              {p.homeOptions.map((g) => (
                <optgroup key={g.group} label={g.group}>
                  {g.options.map((o) => (
                    <option key={o.value} value={o.value} selected={o.value === f.home}>
                      {o.label}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          </div>
          <FilterSelect name="type" label="文件类型" value={f.type} options={Object.entries(DOC_TYPE_LABELS).map(([value, label]) => ({ value, label }))} all="全部类型" />
          <FilterSelect name="year" label="年份" value={f.year} options={p.years.map((y) => ({ value: String(y), label: `${y}年` }))} all="全部年份" />
          <div class="field">
            <button type="submit" class="button secondary">
              筛选
            </button>
          </div>
        </form>
        <p>
          共 {p.total} 条。<a href={`/staff/records/export.xlsx${p.queryString({ page: '' })}`}>导出为 Excel（.xlsx）</a>
        </p>
        {p.rows.length ? <RecordTable rows={p.rows} caption={`${p.unit.name}的信息`} /> : <p>没有符合条件的信息。</p>}
        <Pagination page={p.page} pageCount={p.pageCount} hrefFor={(n) => `/staff/records${p.queryString({ page: String(n) })}`} />
      </section>
    </StaffLayout>
  );
}

// ---------------------------------------------------------------------------------------------
// Timeliness dashboard

export interface DueItemRow {
  domain: string;
  level1: string;
  level2: string;
  timeLimitText: string;
  lastPublishedOn: string | null;
  due: string | null;
  explanation: string;
  overdue: boolean;
}

export interface LateRow {
  code: string;
  title: string;
  formedOn: string;
  dueOn: string | null;
  publishedOn: string | null;
  note: string;
}

export interface TimelinessPageProps {
  ctx: PageContext;
  unit: { slug: string; name: string };
  units: { slug: string; name: string }[];
  year: number;
  years: number[];
  today: string;
  summary: { published: number; late: number; unknown: number };
  late: LateRow[];
  dueItems: DueItemRow[];
}

export function TimelinessPage(p: TimelinessPageProps) {
  const onTime = p.summary.published - p.summary.late - p.summary.unknown;
  const overdue = p.dueItems.filter((d) => d.overdue).length;
  return (
    <StaffLayout ctx={p.ctx} title="公开时效" breadcrumbs={[RECORDS_CRUMB, { label: '公开时效' }]}>
      <h1>公开时效：{p.unit.name}</h1>
      {p.units.length ? (
        <p>
          <a href={`/staff/records/timeliness/city?year=${p.year}`}>查看全市各单位的公开时效</a>
        </p>
      ) : null}
      <p class="hint">
        《政府信息公开条例》第二十六条：属于主动公开范围的政府信息，应当自该政府信息形成或者变更之日起20个工作日内及时公开；法律、法规另有规定的，从其规定（目录事项的公开时限）。
      </p>
      <form method="get" action="/staff/records/timeliness" class="filters" aria-label="选择单位和年份">
        {p.units.length ? (
          <div class="field">
            <label for={fieldId('unit')}>单位</label>
            <select id={fieldId('unit')} name="unit">
              {p.units.map((u) => (
                <option key={u.slug} value={u.slug} selected={u.slug === p.unit.slug}>
                  {u.name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <YearFields years={p.years} year={p.year} />
      </form>

      <section aria-labelledby="h-summary">
        <h2 id="h-summary">{p.year}年主动公开信息的时效</h2>
        <div class="table-wrap" role="region" tabIndex={0} aria-label={`${p.year}年公开时效统计`}>
          <table>
            <caption class="visually-hidden">{p.year}年公开时效统计</caption>
            <thead>
              <tr>
                <th scope="col">已公开</th>
                <th scope="col">按时公开</th>
                <th scope="col">超期公开</th>
                <th scope="col">无法判断</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <td>{p.summary.published}</td>
                <td>{onTime}</td>
                <td class={p.summary.late ? 'status-bad' : undefined}>{p.summary.late}</td>
                <td>{p.summary.unknown}</td>
              </tr>
            </tbody>
          </table>
        </div>
        {p.summary.unknown ? <p class="hint">“无法判断”指缺少该年度工作日安排（放假调休）数据，无法计算到期日的信息。</p> : null}
      </section>

      <section aria-labelledby="h-late">
        <h2 id="h-late">超期公开的信息（{p.late.length}）</h2>
        {p.late.length ? (
          <div class="table-wrap" role="region" tabIndex={0} aria-label="超期公开的信息">
            <table>
              <caption class="visually-hidden">超期公开的信息</caption>
              <thead>
                <tr>
                  <th scope="col">标题</th>
                  <th scope="col">形成（变更）日期</th>
                  <th scope="col">应公开日期</th>
                  <th scope="col">发布日期</th>
                  <th scope="col">说明</th>
                </tr>
              </thead>
              <tbody>
                {p.late.map((r) => (
                  <tr key={r.code}>
                    <td>
                      <a href={recordHref(r.code)}>{r.title}</a>
                    </td>
                    <td class="nowrap">{r.formedOn}</td>
                    <td class="nowrap">{r.dueOn ?? '—'}</td>
                    <td class="nowrap status-bad">{r.publishedOn}</td>
                    <td>{r.note}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p class="status-ok">没有超期公开的信息。</p>
        )}
      </section>

      <section aria-labelledby="h-due">
        <h2 id="h-due">定期公开事项的下次到期日（{overdue ? `${overdue}项已逾期` : '无逾期'}）</h2>
        <p class="hint">目录中公开时限为每年某日前或按月、季度、半年、年度公开的事项。今天是 {p.today}。</p>
        {p.dueItems.length ? (
          <div class="table-wrap" role="region" tabIndex={0} aria-label="定期公开事项的到期日">
            <table>
              <caption class="visually-hidden">定期公开事项的到期日</caption>
              <thead>
                <tr>
                  <th scope="col">事项</th>
                  <th scope="col">公开时限</th>
                  <th scope="col">最近公开</th>
                  <th scope="col">下次到期日</th>
                  <th scope="col">说明</th>
                </tr>
              </thead>
              <tbody>
                {p.dueItems.map((d, i) => (
                  <tr key={i} class={d.overdue ? 'overdue' : undefined}>
                    <td>
                      {d.domain} › {d.level1} › {d.level2}
                    </td>
                    <td>{d.timeLimitText}</td>
                    <td class="nowrap">{d.lastPublishedOn ?? '尚未公开'}</td>
                    <td class={d.overdue ? 'nowrap status-bad' : 'nowrap'}>
                      {d.due ?? '—'}
                      {d.overdue ? '（已逾期）' : ''}
                    </td>
                    <td>{d.explanation}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p>本单位目录中没有定期公开的事项。</p>
        )}
      </section>
    </StaffLayout>
  );
}

// ---------------------------------------------------------------------------------------------
// Timeliness across the city (the openness office's view)

export interface CityTimelinessRow {
  slug: string;
  name: string;
  published: number;
  late: number;
  unknown: number;
}

/** Share published on time among those that could be judged, one decimal; null when none could. */
export function onTimeShare(r: { published: number; late: number; unknown: number }): number | null {
  const judged = r.published - r.unknown;
  return judged > 0 ? Math.round(((judged - r.late) / judged) * 1000) / 10 : null;
}

export function cityTimelinessChart(rows: CityTimelinessRow[]): ChartSpec {
  const drawn = rows.filter((r) => r.published > 0);
  return {
    type: 'bar',
    horizontal: true,
    height: 40 + 24 * Math.max(drawn.length, 1),
    labels: drawn.map((r) => r.name.replace(/^楚雄(州|市)/, '').replace(/人民政府$/, '')),
    values: drawn.map((r) => r.published),
    series: [
      { name: '按时公开', color: '#1b6e20', values: drawn.map((r) => r.published - r.late - r.unknown) },
      { name: '超期公开', color: '#b3261e', values: drawn.map((r) => r.late) },
      { name: '无法判断', color: '#737373', values: drawn.map((r) => r.unknown) },
    ],
  };
}

export function TimelinessCityPage(p: { ctx: PageContext; year: number; years: number[]; rows: CityTimelinessRow[] }) {
  const total = p.rows.reduce((a, r) => ({ published: a.published + r.published, late: a.late + r.late, unknown: a.unknown + r.unknown }), { published: 0, late: 0, unknown: 0 });
  const rate = (r: { published: number; late: number; unknown: number }) => {
    const v = onTimeShare(r);
    return v === null ? '—' : `${v}%`;
  };
  const silent = p.rows.filter((r) => r.published === 0).length;
  const unitsWithLate = p.rows.filter((r) => r.late > 0).length;
  return (
    <StaffLayout ctx={p.ctx} title="全市公开时效" breadcrumbs={[RECORDS_CRUMB, { href: '/staff/records/timeliness', label: '公开时效' }, { label: '全市' }]}>
      <h1>全市公开时效（{p.year}年）</h1>
      <p class="hint">
        《政府信息公开条例》第二十六条：主动公开的政府信息自形成或者变更之日起20个工作日内公开，目录事项另有时限的从其规定。按时率不计“无法判断”的信息。
      </p>
      <form method="get" action="/staff/records/timeliness/city" class="filters" aria-label="选择年份">
        <YearFields years={p.years} year={p.year} />
      </form>
      <ul class="stat-cards" aria-label="全市合计">
        <li>
          <strong>{total.published}</strong> 条已公开
        </li>
        <li class={total.late ? 'bad' : undefined}>
          <strong>{total.late}</strong> 条超期公开（{unitsWithLate}个单位）
        </li>
        <li>
          <strong>{rate(total)}</strong> 按时率
        </li>
        <li class={silent ? 'warn' : undefined}>
          <strong>{silent}</strong> 个单位本年度未公开信息
        </li>
      </ul>
      <ChartWithTable id="city-timeliness" title={`${p.year}年各单位主动公开信息的时效`} spec={cityTimelinessChart(p.rows)}>
        <table class="city-timeliness">
          <caption class="visually-hidden">{p.year}年各单位公开时效，超期多的在前</caption>
          <thead>
            <tr>
              <th scope="col">单位</th>
              <th scope="col">已公开</th>
              <th scope="col">按时公开</th>
              <th scope="col">超期公开</th>
              <th scope="col">无法判断</th>
              <th scope="col">按时率</th>
            </tr>
          </thead>
          <tbody>
            {p.rows.map((r) => (
              <tr key={r.slug}>
                <th scope="row">
                  <a href={`/staff/records/timeliness?unit=${encodeURIComponent(r.slug)}&year=${p.year}`}>{r.name}</a>
                </th>
                <td>{r.published}</td>
                <td>{r.published - r.late - r.unknown}</td>
                <td class={r.late ? 'status-bad' : undefined}>{r.late}</td>
                <td>{r.unknown}</td>
                <td>{rate(r)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">全市合计</th>
              <td>{total.published}</td>
              <td>{total.published - total.late - total.unknown}</td>
              <td>{total.late}</td>
              <td>{total.unknown}</td>
              <td>{rate(total)}</td>
            </tr>
          </tfoot>
        </table>
      </ChartWithTable>
    </StaffLayout>
  );
}

/** The year choice and its 查看 button, shared by the per-unit and city-wide timeliness pages. */
function YearFields({ years, year }: { years: readonly number[]; year: number }) {
  return (
    <>
      <div class="field">
        <label for={fieldId('year')}>年份</label>
        <select id={fieldId('year')} name="year">
          {years.map((y) => (
            <option key={y} value={String(y)} selected={y === year}>
              {y}年
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <button type="submit" class="button secondary">
          查看
        </button>
      </div>
    </>
  );
}
