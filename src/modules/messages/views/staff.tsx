// Staff pages of 互动交流: the list, the 96128 registration form, the item page with the actions the
// viewer may take now, the openness office's dashboard and the time-limit settings.
import type { ComponentChildren } from 'preact';
import type { PageContext } from '../../../core/ui/context.ts';
import { StaffLayout } from '../../../core/ui/layout.tsx';
import { CheckboxGroup, CsrfField, ErrorSummary, Pagination, RadioGroup, SelectField, TextArea, TextField } from '../../../core/ui/components.tsx';
import type { FieldErrors } from '../../../core/http/form.ts';
import { formatInstant } from '../../../core/clock.ts';
import { CHANNEL_LABELS, KIND_LABELS, KINDS, LIMIT_KEYS, LIMIT_KEY_LABELS, LIMIT_SOURCES, type TimeLimits } from '../domain/kinds.ts';
import { ACTION_LABELS, SATISFACTION_LABELS, STATE_LABELS, MESSAGE_STATES, type Action, type MessageState, type Satisfaction } from '../domain/states.ts';
import { REFUSALS, REFUSAL_REASONS } from '../domain/refusals.ts';
import { DUE_STATUS_LABELS, type DueStatus } from '../domain/clock.ts';
import { maskForPublication, maskName, maskPhone } from '../domain/masking.ts';
import { PAGE_SIZE, type Dashboard, type HistoryRow, type ListFilter, type ListRow, type UnitStat } from '../service-read.ts';
import type { ItemRow } from '../service.ts';
import type { DuplicateRow } from '../service-merge.ts';
import { HistoryTable, UnitStatsTable } from './parts.tsx';
import { KnowledgePicker } from './knowledge.tsx';
import type { KnowledgeEntry } from '../service-knowledge.ts';
import { ChartWithTable } from './charts.tsx';

const BASE = '/staff/messages';
const CRUMB = { href: BASE, label: '互动交流' };

export function listHref(f: Partial<ListFilter>): string {
  const q = new URLSearchParams();
  if (f.state) q.set('state', f.state);
  if (f.due) q.set('due', f.due);
  if (f.supervised) q.set('supervised', f.supervised);
  if (f.unitId) q.set('unit', String(f.unitId));
  if (f.received) q.set('received', f.received);
  if (f.satisfaction) q.set('satisfaction', f.satisfaction);
  if (f.q) q.set('q', f.q);
  if (f.page && f.page > 1) q.set('page', String(f.page));
  const s = q.toString();
  return s ? `${BASE}?${s}` : BASE;
}

export function StaffListPage({ ctx, rows, total, filter, today, isDispatcher, units, subjects }: { ctx: PageContext; rows: ListRow[]; total: number; filter: ListFilter; today: string; isDispatcher: boolean; units: { id: number; name: string }[]; subjects?: { id: number; label: string }[] }) {
  return (
    <StaffLayout ctx={ctx} title="互动交流" breadcrumbs={[{ label: '互动交流' }]}>
      <h1>互动交流</h1>
      <p class="record-actions">
        <a class="button" href={`${BASE}/hotline`}>
          登记96128来电
        </a>{' '}
        {isDispatcher ? (
          <>
            <a href={`${BASE}/dashboard`}>督办看板</a> · <a href={`${BASE}/settings`}>办理时限设置</a> · <a href={`${BASE}/subjects`}>主题分类</a> ·{' '}
          </>
        ) : null}
        <a href={`${BASE}/knowledge`}>知识库</a>
      </p>
      <form method="get" action={BASE} class="filters" aria-label="筛选">
        <SelectField name="state" label="状态" value={filter.state ?? ''} placeholder="全部" options={[{ value: 'open', label: '未办结（全部）' }, ...MESSAGE_STATES.map((s) => ({ value: s, label: STATE_LABELS[s] }))]} />
        {isDispatcher ? <SelectField name="unit" label="主办单位" value={filter.unitId ? String(filter.unitId) : ''} placeholder="全部" options={units.map((u) => ({ value: String(u.id), label: u.name }))} /> : null}
        {subjects?.length ? <SelectField name="subject" label="主题分类" value={filter.subjectId ? String(filter.subjectId) : ''} placeholder="全部" options={subjects.map((x) => ({ value: String(x.id), label: x.label }))} /> : null}
        <TextField name="q" label="编号或标题" value={filter.q ?? ''} maxLength={50} />
        <button type="submit" class="button">
          筛选
        </button>
      </form>
      <p>
        {filter.due === 'overdue' ? '已超期 · ' : ''}
        {filter.supervised === 'supervised' ? '督办中 · ' : filter.supervised === 'flagged' ? '挂牌督办 · ' : ''}
        {filter.received ? `${filter.received} 受理 · ` : ''}
        {filter.satisfaction ? `评价为${SATISFACTION_LABELS[filter.satisfaction as Satisfaction] ?? ''} · ` : ''}共 {total} 件
      </p>
      <div class="table-wrap" role="region" tabIndex={0} aria-label="诉求列表">
        <table>
          <caption class="visually-hidden">诉求列表</caption>
          <thead>
            <tr>
              <th scope="col">编号</th>
              <th scope="col">标题</th>
              <th scope="col">渠道 / 类型</th>
              <th scope="col">状态</th>
              <th scope="col">主办单位</th>
              <th scope="col">受理日期</th>
              <th scope="col">应办结</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.itemNo}>
                <td class="nowrap">
                  <a href={`${BASE}/${r.itemNo}`}>{r.itemNo}</a>
                </td>
                <th scope="row">
                  {r.flagged ? <span class="tag">挂牌</span> : r.supervised ? <span class="tag">督办</span> : null} {r.title}
                </th>
                <td>
                  {CHANNEL_LABELS[r.channel]} / {KIND_LABELS[r.kind]}
                </td>
                <td>{STATE_LABELS[r.state]}</td>
                <td>{r.unitName ?? '—'}</td>
                <td class="nowrap">{r.receivedOn}</td>
                <td class={['closed', 'terminated', 'refused', 'transferred', 'visiting'].includes(r.state) ? 'nowrap' : r.dueOn < today ? 'nowrap status-bad' : 'nowrap'}>{r.dueOn}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pagination page={filter.page} pageCount={Math.ceil(total / PAGE_SIZE)} hrefFor={(p) => listHref({ ...filter, page: p })} />
    </StaffLayout>
  );
}

export function HotlineFormPage({ ctx, values, errors, idempotencyKey, knowledge, subjects = [] }: { ctx: PageContext; values: Record<string, string>; errors: FieldErrors; idempotencyKey: string; knowledge?: KnowledgeEntry[]; subjects?: { id: number; label: string }[] }) {
  return (
    <StaffLayout ctx={ctx} title={Object.keys(errors).length ? '错误：登记96128来电' : '登记96128来电'} breadcrumbs={[CRUMB, { label: '登记96128来电' }]}>
      <h1>登记96128来电</h1>
      <ErrorSummary errors={errors} />
      <form method="post" action={`${BASE}/hotline`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
        <TextField name="callerPhone" label="来电号码" value={values.callerPhone} error={errors.callerPhone} required type="tel" inputMode="tel" maxLength={20} />
        <TextField name="callerName" label="来电人姓名（选填）" value={values.callerName} error={errors.callerName} maxLength={30} />
        <RadioGroup name="kind" legend="诉求类型" value={values.kind ?? ''} error={errors.kind} required inline options={KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] }))} />
        {subjects.length ? <SelectField name="subjectId" label="主题分类（选填）" value={values.subjectId} error={errors.subjectId} placeholder="不选" options={subjects.map((x) => ({ value: String(x.id), label: x.label }))} /> : null}
        <TextField name="title" label="来电事由（一句话概括）" value={values.title} error={errors.title} required maxLength={60} />
        <TextArea name="content" label="来电内容" value={values.content} error={errors.content} required rows={6} />
        <RadioGroup
          name="allowPublication"
          legend="来电人是否同意公开"
          value={values.allowPublication ?? 'no'}
          inline
          options={[
            { value: 'no', label: '不同意' },
            { value: 'yes', label: '同意' },
          ]}
        />
        <div class="field">
          <label class="checkbox">
            <input type="checkbox" name="keepIdentity" id="f-keepIdentity" checked={values.keepIdentity === 'on'} /> 来电人要求对承办单位保密身份
          </label>
        </div>
        {knowledge ? <KnowledgePicker entries={knowledge} value={values.knowledgeId ?? ''} error={errors.knowledgeId} /> : null}
        <p class="record-actions">
          <button type="submit" class="button">
            登记并生成编号
          </button>{' '}
          <button type="submit" class="button secondary" name="intent" value="find">
            按来电事由查找知识库
          </button>{' '}
          {knowledge?.length ? (
            <button type="submit" class="button secondary" name="intent" value="answer">
              登记并即时答复（办结）
            </button>
          ) : null}
        </p>
      </form>
    </StaffLayout>
  );
}

export function RegisteredPage({ ctx, itemNo, lookupCode, answeredNow = false }: { ctx: PageContext; itemNo: string; lookupCode: string; answeredNow?: boolean }) {
  return (
    <StaffLayout ctx={ctx} title="来电已登记" breadcrumbs={[CRUMB, { label: '来电已登记' }]}>
      <h1>{answeredNow ? '来电已登记并即时答复' : '来电已登记'}</h1>
      {answeredNow ? <p id="answered-now">已用知识库的答复即时答复并办结，按时办结。</p> : null}
      <p>请向来电人读出编号和查询码（查询码只显示这一次）：</p>
      <dl class="facts">
        <dt>编号</dt>
        <dd>
          <strong id="item-no">{itemNo}</strong>
        </dd>
        <dt>查询码</dt>
        <dd>
          <strong id="lookup-code" class="code">{lookupCode}</strong>
        </dd>
      </dl>
      <p>
        <a href={`${BASE}/${itemNo}`}>打开该诉求</a> · <a href={`${BASE}/hotline`}>登记下一个来电</a>
      </p>
    </StaffLayout>
  );
}

export interface FailedAction {
  action: string;
  errors: FieldErrors;
  reasons: string[];
  values: Record<string, string>;
}

/** The fields each action's form carries (names are prefixed by the action, so ids stay unique). */
export const ACTION_FIELDS: Record<Action, { note?: string; noteRequired?: boolean; unit?: boolean; days?: boolean; satisfaction?: boolean; reason?: boolean; flag?: boolean; requestUnit?: boolean }> = {
  answer_now: { note: '答复内容（可引用知识库）', noteRequired: true },
  refuse: { reason: true, note: '补充说明（选填）' },
  transfer_request: { requestUnit: true, note: '告知诉求人的说明（选填）' },
  dispatch: { unit: true, note: '派单说明（选填）' },
  sign: {},
  request_return: { note: '退单理由（不属于本单位职责的依据）', noteRequired: true },
  approve_return: { unit: true, note: '改派说明（选填）' },
  reject_return: { note: '驳回理由', noteRequired: true },
  request_extension: { days: true, note: '延期理由', noteRequired: true },
  approve_extension: { note: '审批意见（选填）' },
  reject_extension: { note: '审批意见（选填）' },
  assist_opinion: { note: '协办意见', noteRequired: true },
  reply: { note: '回复内容', noteRequired: true },
  approve_reply: {},
  return_reply: { note: '退回理由', noteRequired: true },
  record_visit: { satisfaction: true, note: '回访记录（选填）' },
  redo: { note: '不满意的理由', noteRequired: true },
  request_termination: { note: '终止理由（不予受理情形或诉求人拒不配合）', noteRequired: true },
  approve_termination: { note: '审核意见（选填）' },
  reject_termination: { note: '不同意的理由', noteRequired: true },
  supervise: { note: '督办意见', noteRequired: true, flag: true },
  urge: {},
  publish: {},
};

export interface ItemPageProps {
  ctx: PageContext;
  item: ItemRow;
  history: HistoryRow[];
  steps: string[];
  actions: Action[];
  failed: FailedAction | null;
  units: { id: number; name: string }[];
  unitName: (id: number | null) => string;
  showIdentity: boolean;
  dueStatus: DueStatus;
  maxExtensionDays: number;
  merge?: MergeView;
  /** 主题分类 of the item ('' when none). */
  subjectName?: string;
  /** The openness office may file the item under another 主题分类: the current choices, what was typed, the error. */
  reclassify?: { choices: { id: number; label: string }[]; value: string; error?: string };
}

/** 更改主题分类 on the item page (the openness office). */
function ReclassifySection({ ctx, no, r }: { ctx: PageContext; no: string; r: NonNullable<ItemPageProps['reclassify']> }) {
  return (
    <section aria-labelledby="reclassify-title" id="reclassify">
      <h2 id="reclassify-title">主题分类</h2>
      <div class={r.error ? 'action-box action-failed' : 'action-box'}>
        <ErrorSummary errors={r.error ? { subjectId: r.error } : {}} />
        <form method="post" action={`${BASE}/${no}/subject`} novalidate>
          <CsrfField token={ctx.csrfToken} />
          <SelectField name="subjectId" label="更改主题分类" value={r.value} error={r.error} placeholder="未分类" options={r.choices.map((x) => ({ value: String(x.id), label: x.label }))} />
          <button type="submit" class="button">保存主题分类</button>
        </form>
      </div>
    </section>
  );
}

/** 并单 on the item page: the main item, the items merged into this one, probable repeats. */
export interface MergeView {
  main: { itemNo: string; state: MessageState; dueOn: string; repliedOn: string | null } | null;
  merged: { itemNo: string; title: string; receivedOn: string; satisfaction: Satisfaction | null }[];
  duplicates: DuplicateRow[];
  /** 并单: the openness office may record this caller's own 回访 (the main item's reply is approved). */
  canVisit: boolean;
  /** The viewer may merge this item (the openness office, before any reply). */
  canMerge: boolean;
  canUnmerge: boolean;
  values: Record<string, string>;
  errors: FieldErrors;
}

function MergeSection({ ctx, no, m }: { ctx: PageContext; no: string; m: MergeView }) {
  if (!m.main && !m.merged.length && !m.canMerge) return null;
  return (
    <section aria-labelledby="merge-title" id="merge">
      <h2 id="merge-title">并单</h2>
      {m.main ? (
        <p>
          <strong>已并入 <a href={`${BASE}/${m.main.itemNo}`}>{m.main.itemNo}</a></strong>：按主件办理、答复和回访（主件{STATE_LABELS[m.main.state]}，应于 {m.main.dueOn} 前办结），本件不单独计数。
        </p>
      ) : null}
      {m.merged.length ? (
        <>
          <p>以下诉求已并入本件，本件的答复同时答复这些诉求人：</p>
          <ul>
            {m.merged.map((x) => (
              <li key={x.itemNo}>
                <a href={`${BASE}/${x.itemNo}`}>{x.itemNo}</a> {x.title}（{x.receivedOn} 受理；回访：{x.satisfaction ? SATISFACTION_LABELS[x.satisfaction] : '未回访'}）
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {m.canVisit ? (
        <div class={m.errors.satisfaction || m.errors.visitNote ? 'action-box action-failed' : 'action-box'} id="merged-visit">
          <h3>登记本诉求人的回访结果</h3>
          <ErrorSummary errors={Object.fromEntries(Object.entries(m.errors).filter(([k]) => k === 'satisfaction' || k === 'visitNote'))} />
          <form method="post" action={`${BASE}/${no}/merged-visit`} novalidate>
            <CsrfField token={ctx.csrfToken} />
            <RadioGroup name="satisfaction" legend="满意度" value={m.values.satisfaction ?? ''} error={m.errors.satisfaction} required inline options={(['satisfied', 'basically', 'unsatisfied'] as const).map((s) => ({ value: s, label: SATISFACTION_LABELS[s] }))} />
            <TextArea name="visitNote" label="回访记录（不满意的须写明理由）" value={m.values.visitNote ?? ''} error={m.errors.visitNote} rows={2} hint="按主件的答复回访本诉求人；评价记入本件，并显示在主件的办理记录中" />
            <button type="submit" class="button">登记回访结果</button>
          </form>
        </div>
      ) : null}
      {m.canUnmerge ? (
        <div class={m.errors.unmergeNote ? 'action-box action-failed' : 'action-box'}>
          <h3>撤销并单</h3>
          <ErrorSummary errors={m.errors.unmergeNote ? { unmergeNote: m.errors.unmergeNote } : {}} />
          <form method="post" action={`${BASE}/${no}/unmerge`} novalidate>
            <CsrfField token={ctx.csrfToken} />
            <TextArea name="unmergeNote" label="撤销理由" value={m.values.unmergeNote ?? ''} error={m.errors.unmergeNote} required rows={2} hint="主件答复前可以撤销，撤销后本件按原期限单独办理" />
            <button type="submit" class="button">撤销并单</button>
          </form>
        </div>
      ) : null}
      {m.canMerge ? (
        <div class={m.errors.mainNo || m.errors.note ? 'action-box action-failed' : 'action-box'}>
          <h3>并入其他诉求</h3>
          {m.duplicates.length ? (
            <div class="table-wrap" role="region" tabIndex={0} aria-label="可能重复的诉求">
              <table>
                <caption>可能重复的诉求（近90天，同一来电人或内容相近）</caption>
                <thead>
                  <tr>
                    <th scope="col">编号</th>
                    <th scope="col">标题</th>
                    <th scope="col">受理日期</th>
                    <th scope="col">状态</th>
                    <th scope="col">相似度</th>
                  </tr>
                </thead>
                <tbody>
                  {m.duplicates.map((d) => (
                    <tr key={d.itemNo}>
                      <th scope="row">
                        <a href={`${BASE}/${d.itemNo}`}>{d.itemNo}</a>
                      </th>
                      <td>{d.title}</td>
                      <td class="nowrap">{d.receivedOn}</td>
                      <td>{STATE_LABELS[d.state]}</td>
                      <td>
                        {Math.round(d.score * 100)}%{d.sameCaller ? '（同一来电人）' : ''}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <p class="hint">没有发现近90天内同一来电人或内容相近的诉求。</p>
          )}
          <ErrorSummary errors={m.errors.mainNo || m.errors.note ? Object.fromEntries(Object.entries(m.errors).filter(([k]) => k !== 'unmergeNote')) : {}} />
          <form method="post" action={`${BASE}/${no}/merge`} novalidate>
            <CsrfField token={ctx.csrfToken} />
            <TextField name="mainNo" label="主件编号" value={m.values.mainNo ?? m.duplicates[0]?.itemNo ?? ''} error={m.errors.mainNo} required maxLength={30} hint="如 HD-2026-000123；并入后按主件办理和答复，诉求人仍用自己的编号查询" />
            <TextArea name="note" label="说明（选填）" value={m.values.note ?? ''} error={m.errors.note} rows={2} />
            <button type="submit" class="button">并入主件</button>
          </form>
        </div>
      ) : null}
    </section>
  );
}

function ActionBox({ ctx, no, action, failed, units, maxExtensionDays, requestUnitDefault, children }: { ctx: PageContext; no: string; action: Action; failed: FailedAction | null; units: { id: number; name: string }[]; maxExtensionDays: number; requestUnitDefault?: number | null; children?: ComponentChildren }) {
  const mine = failed?.action === action ? failed : null;
  const spec = ACTION_FIELDS[action];
  const v = (k: string) => mine?.values[`${action}-${k}`] ?? '';
  const e = (k: string) => mine?.errors[`${action}-${k}`];
  const title = ACTION_LABELS[action];
  return (
    <section class={mine ? 'action-box action-failed' : 'action-box'} id={`action-${action}`} aria-labelledby={`h-${action}`}>
      <h3 id={`h-${action}`}>{title}</h3>
      {mine && !mine.reasons.length ? <ErrorSummary errors={mine.errors} /> : null}
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
      {children}
      <form method="post" action={`${BASE}/${no}/do/${action}`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        {spec.reason ? <SelectField name={`${action}-refusalReason`} label="不予受理的理由" value={v('refusalReason')} error={e('refusalReason')} required placeholder="请选择" options={REFUSAL_REASONS.map((r) => ({ value: r, label: REFUSALS[r].label }))} /> : null}
        {spec.unit ? (
          <>
            <SelectField name={`${action}-unitId`} label="主办单位" value={v('unitId')} error={e('unitId')} required placeholder="请选择" options={units.map((u) => ({ value: String(u.id), label: u.name }))} />
            <CheckboxGroup name={`${action}-assist`} legend="协办单位（选填）" values={(v('assist') || '').split(',')} options={units.map((u) => ({ value: String(u.id), label: u.name }))} />
          </>
        ) : null}
        {spec.requestUnit ? (
          <SelectField
            name={`${action}-unitId`}
            label="受理申请的单位"
            hint="政府信息公开申请由制作或保存该信息的行政机关受理（条例第二十七条）。转办后本诉求办结，申请人凭受理编号和本诉求的查询码查询。"
            value={v('unitId') || String(requestUnitDefault ?? '')}
            error={e('unitId')}
            required
            placeholder="请选择"
            options={units.map((u) => ({ value: String(u.id), label: u.name }))}
          />
        ) : null}
        {spec.days ? <TextField name={`${action}-days`} label="延期工作日数" value={v('days')} error={e('days')} required inputMode="numeric" maxLength={2} hint={`单次不超过${maxExtensionDays}个工作日，须在期限届满前申请`} /> : null}
        {spec.satisfaction ? (
          <RadioGroup name={`${action}-satisfaction`} legend="满意度" value={v('satisfaction')} error={e('satisfaction')} required inline options={(['satisfied', 'basically', 'unsatisfied'] as const).map((s) => ({ value: s, label: SATISFACTION_LABELS[s] }))} />
        ) : null}
        {spec.note ? <TextArea name={`${action}-note`} label={spec.note} value={v('note')} error={e('note')} required={spec.noteRequired} rows={3} /> : null}
        {spec.flag ? (
          <div class="field">
            <label class="checkbox">
              <input type="checkbox" name={`${action}-flag`} checked={v('flag') === 'on'} /> 挂牌督办（领导可见）
            </label>
          </div>
        ) : null}
        <button type="submit" class="button">
          {title}
        </button>
      </form>
    </section>
  );
}

export function ItemPage(p: ItemPageProps) {
  const i = p.item;
  const name = p.showIdentity ? i.callerName || '（未留姓名）' : `${maskName(i.callerName)}（已要求保密）`;
  const phone = p.showIdentity ? i.callerPhone : maskPhone(i.callerPhone);
  return (
    <StaffLayout ctx={p.ctx} title={`${i.itemNo} ${i.title}`} breadcrumbs={[CRUMB, { label: i.itemNo }]}>
      <h1>
        {i.title} <span class="hint">{i.itemNo}</span>
      </h1>
      {p.failed && !p.actions.includes(p.failed.action as Action) ? (
        <div class="error-summary" role="alert" tabIndex={-1} data-autofocus>
          <h2>未能{ACTION_LABELS[p.failed.action as Action] ?? '完成操作'}：</h2>
          <ul>
            {[...p.failed.reasons, ...Object.values(p.failed.errors)].map((r, k) => (
              <li key={k}>{r}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <dl class="facts">
        <dt>状态</dt>
        <dd>
          <strong>{STATE_LABELS[i.state]}</strong>
          {i.flagged ? ' · 挂牌督办' : i.supervised ? ' · 督办中' : ''}
        </dd>
        <dt>渠道 / 类型</dt>
        <dd>
          {CHANNEL_LABELS[i.channel]} / {KIND_LABELS[i.kind]}
          {i.mailboxUnitId ? `（写给${p.unitName(i.mailboxUnitId)}）` : ''}
        </dd>
        {p.subjectName ? (
          <>
            <dt>主题分类</dt>
            <dd>{p.subjectName}</dd>
          </>
        ) : null}
        <dt>受理时间</dt>
        <dd>{formatInstant(i.receivedAt)}</dd>
        <dt>办理时限</dt>
        <dd>
          {i.limitDays}个工作日，应于 <strong>{i.dueOn}</strong> 前办结（{DUE_STATUS_LABELS[p.dueStatus]}）
          {i.signBy && !i.signedOn ? `；应于 ${i.signBy} 前签收` : ''}
          {i.extensionPendingDays ? `；延期${i.extensionPendingDays}个工作日待审批（${i.extensionReason}）` : ''}
        </dd>
        <dt>主办单位</dt>
        <dd>
          {i.unitId ? p.unitName(i.unitId) : '尚未派单'}
          {i.designated ? '（政务公开办指定，不得退回）' : ''}
        </dd>
        {i.assistUnitIds.length ? (
          <>
            <dt>协办单位</dt>
            <dd>{i.assistUnitIds.map((id) => p.unitName(id)).join('、')}</dd>
          </>
        ) : null}
        <dt>诉求人</dt>
        <dd>
          {name}，{phone}
          {p.showIdentity && i.callerEmail ? `，${i.callerEmail}` : ''}
        </dd>
        {i.linkedRequestNo ? (
          <>
            <dt>{i.channel === 'from_request' ? '转来的申请' : '转为的申请'}</dt>
            <dd>
              依申请公开 <a href={`/staff/requests/${i.linkedRequestNo}`}>{i.linkedRequestNo}</a>
              {i.channel === 'from_request' ? '（以政府信息公开申请形式提出的诉求，条例第三十九条）' : ''}
            </dd>
          </>
        ) : null}
        <dt>是否同意公开</dt>
        <dd>{i.allowPublication ? '同意' : '不同意'}{i.publishedAt ? `（已于 ${formatInstant(i.publishedAt)} 公开选登）` : ''}</dd>
        {i.satisfaction ? (
          <>
            <dt>回访评价</dt>
            <dd>{SATISFACTION_LABELS[i.satisfaction]}{i.redone ? '（已重办一次）' : ''}</dd>
          </>
        ) : null}
      </dl>
      <h2>诉求内容</h2>
      {(p.showIdentity ? i.content : maskForPublication(i.content, [i.callerName])).split('\n').map((l, k) => (
        <p key={k}>{l}</p>
      ))}
      {i.replyText ? (
        <>
          <h2>答复{i.repliedOn ? `（${i.repliedOn}${i.repliedOnTime === false ? '，超期' : ''}）` : ''}</h2>
          {i.replyText.split('\n').map((l, k) => (
            <p key={k}>{l}</p>
          ))}
        </>
      ) : null}
      {i.replyText && !p.merge?.main ? (
        <p>
          {i.knowledgeId ? '本件为即时答复（答复取自知识库）。' : ''}
          <a href={`${BASE}/knowledge?from=${i.itemNo}#add`}>把这条答复存入知识库</a>
        </p>
      ) : null}
      {p.merge ? <MergeSection ctx={p.ctx} no={i.itemNo} m={p.merge} /> : null}
      {p.reclassify ? <ReclassifySection ctx={p.ctx} no={i.itemNo} r={p.reclassify} /> : null}
      {p.actions.length ? (
        <section aria-labelledby="actions-title">
          <h2 id="actions-title">您现在可以</h2>
          {p.actions.map((a) => (
            <ActionBox key={a} ctx={p.ctx} no={i.itemNo} action={a} failed={p.failed} units={p.units} maxExtensionDays={p.maxExtensionDays} requestUnitDefault={i.unitId ?? i.mailboxUnitId ?? p.units[0]?.id} />
          ))}
        </section>
      ) : null}
      <h2>期限计算</h2>
      <ul>
        {p.steps.map((s, k) => (
          <li key={k}>{s}</li>
        ))}
      </ul>
      <h2>办理过程</h2>
      <HistoryTable rows={p.history} showPeople />
    </StaffLayout>
  );
}

export function DashboardPage({ ctx, d, stats, since }: { ctx: PageContext; d: Dashboard; stats: UnitStat[]; since: string }) {
  const link = (f: Partial<ListFilter>) => listHref(f);
  return (
    <StaffLayout ctx={ctx} title="互动交流督办看板" breadcrumbs={[CRUMB, { label: '督办看板' }]}>
      <h1>互动交流督办看板</h1>
      <p>
        统计日：{d.today}。<a href={`${BASE}/dashboard.xlsx`}>导出 Excel</a>
      </p>
      <ul class="stat-cards">
        <li>
          <a href={link({ state: 'received' })}>
            <strong>{d.totals.awaitingDispatch}</strong> 待派单
          </a>
        </li>
        <li>
          <a href={link({ state: 'open' })}>
            <strong>{d.totals.open}</strong> 未办结
          </a>
        </li>
        <li class={d.totals.overdue ? 'bad' : undefined}>
          <a href={link({ due: 'overdue' })}>
            <strong>{d.totals.overdue}</strong> 已超期
          </a>
        </li>
        <li>
          <a href={link({ supervised: 'supervised' })}>
            <strong>{d.totals.supervised}</strong> 督办中
          </a>
        </li>
        <li class={d.totals.flagged ? 'warn' : undefined}>
          <a href={link({ supervised: 'flagged' })}>
            <strong>{d.totals.flagged}</strong> 挂牌督办
          </a>
        </li>
      </ul>
      <ChartWithTable id="per-day" title={`每日受理（${d.from} 至 ${d.today}）`} spec={{ type: 'bar', labels: d.perDay.map((x) => x.day.slice(5)), values: d.perDay.map((x) => x.n) }}>
        <table>
          <caption class="visually-hidden">每日受理件数</caption>
          <thead>
            <tr>
              <th scope="col">日期</th>
              <th scope="col">受理</th>
            </tr>
          </thead>
          <tbody>
            {d.perDay
              .filter((x) => x.n)
              .slice(-10)
              .reverse()
              .map((x) => (
                <tr key={x.day}>
                  <th scope="row">{x.day}</th>
                  <td>
                    <a href={link({ received: x.day })}>{x.n}</a>
                  </td>
                </tr>
              ))}
          </tbody>
        </table>
      </ChartWithTable>
      <ChartWithTable id="by-unit" title="各单位未办结和超期件" spec={{ type: 'bar', horizontal: true, height: 40 + 22 * Math.min(d.openByUnit.length, 12), labels: d.openByUnit.slice(0, 12).map((u) => u.unitName.replace(/^楚雄(州|市)/, '').replace(/人民政府$/, '')), values: d.openByUnit.slice(0, 12).map((u) => u.open) }}>
        <table>
          <caption class="visually-hidden">各单位未办结和超期件数</caption>
          <thead>
            <tr>
              <th scope="col">单位</th>
              <th scope="col">未办结</th>
              <th scope="col">其中超期</th>
            </tr>
          </thead>
          <tbody>
            {d.openByUnit.map((u) => (
              <tr key={u.unitId ?? 0}>
                <th scope="row">{u.unitName}</th>
                <td>
                  <a href={u.unitId ? link({ state: 'open', unitId: u.unitId }) : link({ state: 'received' })}>{u.open}</a>
                </td>
                <td class={u.overdue ? 'status-bad' : undefined}>{u.overdue && u.unitId ? <a href={link({ due: 'overdue', unitId: u.unitId })}>{u.overdue}</a> : u.overdue}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ChartWithTable>
      <ChartWithTable id="satisfaction" title={`回访满意度（${d.from} 以来办结）`} spec={{ type: 'pie', labels: d.satisfaction.map((s) => SATISFACTION_LABELS[s.key as Satisfaction]), values: d.satisfaction.map((s) => s.n) }}>
        <table>
          <caption class="visually-hidden">回访满意度件数</caption>
          <thead>
            <tr>
              <th scope="col">评价</th>
              <th scope="col">件数</th>
            </tr>
          </thead>
          <tbody>
            {d.satisfaction.map((s) => (
              <tr key={s.key}>
                <th scope="row">{SATISFACTION_LABELS[s.key as Satisfaction]}</th>
                <td>{s.n ? <a href={link({ satisfaction: s.key })}>{s.n}</a> : 0}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ChartWithTable>
      <h2>各单位办理情况</h2>
      <UnitStatsTable stats={stats} caption={`各单位办理情况（${since} 以来受理）`} link={(unitId, extra) => `${BASE}?unit=${unitId}${extra}`} />
    </StaffLayout>
  );
}

export function SettingsPage({ ctx, limits, values, errors }: { ctx: PageContext; limits: TimeLimits; values: Record<string, string>; errors: FieldErrors }) {
  const val = (k: string, n: number) => values[k] ?? String(n);
  return (
    <StaffLayout ctx={ctx} title={Object.keys(errors).length ? '错误：办理时限设置' : '办理时限设置'} breadcrumbs={[CRUMB, { label: '办理时限设置' }]}>
      <h1>办理时限设置</h1>
      <p>时限以工作日计，自受理次日起算，按工作日历跳过节假日、计入调休上班日。修改只影响此后受理的诉求。</p>
      <ErrorSummary errors={errors} />
      <form method="post" action={`${BASE}/settings`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        {LIMIT_KEYS.map((k) => (
          <TextField key={k} name={`days_${k}`} label={`${LIMIT_KEY_LABELS[k]}（工作日）`} value={val(`days_${k}`, limits.days[k])} error={errors[`days_${k}`]} inputMode="numeric" maxLength={2} hint={`默认值来源：${LIMIT_SOURCES[k]}`} />
        ))}
        <TextField name="signDays" label="签收时限（工作日）" value={val('signDays', limits.signDays)} error={errors.signDays} inputMode="numeric" maxLength={1} hint={`默认值来源：${LIMIT_SOURCES.signDays}`} />
        <TextField name="maxExtensionDays" label="单次延期上限（工作日）" value={val('maxExtensionDays', limits.maxExtensionDays)} error={errors.maxExtensionDays} inputMode="numeric" maxLength={2} hint={`默认值来源：${LIMIT_SOURCES.maxExtensionDays}`} />
        <TextField name="remindBeforeDays" label="到期前提醒（工作日）" value={val('remindBeforeDays', limits.remindBeforeDays)} error={errors.remindBeforeDays} inputMode="numeric" maxLength={2} hint={`默认值来源：${LIMIT_SOURCES.remindBeforeDays}`} />
        <button type="submit" class="button">
          保存
        </button>
      </form>
    </StaffLayout>
  );
}
