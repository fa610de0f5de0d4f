// 舆情监测: the candidates from the vendors' feeds and the 互动交流 alerts (accept or dismiss), and the
// settings page (feeds, their last poll, the alert threshold). Feed text is shown as text, never markup.
import type { PageContext } from '../../../core/ui/context.ts';
import { StaffLayout } from '../../../core/ui/layout.tsx';
import { CsrfField, ErrorSummary, RadioGroup, SelectField, TextField, RefusalBox } from '../../../core/ui/components.tsx';
import { formatInstant } from '../../../core/clock.ts';
import type { LevelRow } from '../service.ts';
import type { CandidateRow, FeedRow, SettingsRow } from '../service-monitor.ts';
import { BASE, emptyForm, type Form } from './staff.tsx';

export const MONITOR = `${BASE}/monitor`;
const crumbs = (last: string, mid = false) => [{ href: BASE, label: '政务舆情' }, ...(mid ? [{ href: MONITOR, label: '舆情监测' }] : []), { label: last }];

export type CandidateFailure = { id: number; form: 'accept' | 'dismiss' } & Form;

const TABS = [
  ['pending', '待处理'],
  ['accepted', '已接收'],
  ['dismissed', '已忽略'],
] as const;

function CandidateCard(props: { ctx: PageContext; c: CandidateRow; levels: LevelRow[]; units: { id: number; name: string }[]; failed?: CandidateFailure }) {
  const { c, ctx } = props;
  const f = (form: 'accept' | 'dismiss'): Form => (props.failed?.id === c.id && props.failed.form === form ? props.failed : emptyForm);
  const a = f('accept');
  const d = f('dismiss');
  const hid = `cand-${c.id}`;
  return (
    <li id={hid}>
      <h3>{c.title}</h3>
      <p class="hint">
        {c.origin === 'messages' ? '互动交流预警' : `订阅源：${c.source}`} · 发现于 {formatInstant(c.firstSeenAt)}
        {c.publishedAt ? ` · 发布于 ${formatInstant(c.publishedAt)}` : ''}
      </p>
      {c.summary ? <p>{c.summary}</p> : null}
      {c.link ? (
        <p>
          <a href={c.link} rel="noopener noreferrer nofollow">
            原文链接<span class="visually-hidden">：{c.title}</span>
          </a>
        </p>
      ) : null}
      {c.state === 'accepted' ? (
        <p>
          {c.decidedBy} 于 {c.decidedAt ? formatInstant(c.decidedAt) : ''} 接收登记为 {c.itemCode ? <a href={`${BASE}/items/${c.itemCode}`}>{c.itemCode}</a> : '舆情'}
        </p>
      ) : null}
      {c.state === 'dismissed' ? (
        <p>
          {c.decidedBy} 于 {c.decidedAt ? formatInstant(c.decidedAt) : ''} 忽略。理由：{c.reason}
        </p>
      ) : null}
      {c.state === 'pending' ? (
        <div class="candidate-actions">
          <form method="post" action={`${MONITOR}/candidates/${c.id}/accept`} aria-label={`接收登记：${c.title}`}>
            <CsrfField token={ctx.csrfToken} />
            <RefusalBox reasons={a.reasons} />
            <ErrorSummary errors={a.errors} />
            <SelectField name={`${hid}-levelId`} label="舆情等级" value={a.values[`${hid}-levelId`]} error={a.errors[`${hid}-levelId`]} options={props.levels.map((l) => ({ value: String(l.id), label: l.name }))} placeholder="请选择" required />
            <SelectField name={`${hid}-unitId`} label="责任单位" value={a.values[`${hid}-unitId`]} error={a.errors[`${hid}-unitId`]} options={props.units.map((u) => ({ value: String(u.id), label: u.name }))} placeholder="请选择" required />
            <button type="submit" class="button">
              接收并登记
            </button>
          </form>
          <form method="post" action={`${MONITOR}/candidates/${c.id}/dismiss`} aria-label={`忽略：${c.title}`}>
            <CsrfField token={ctx.csrfToken} />
            <RefusalBox reasons={d.reasons} />
            <ErrorSummary errors={d.errors} />
            <TextField name={`${hid}-reason`} label="忽略理由" hint="如：与本市无关、重复线索" value={d.values[`${hid}-reason`]} error={d.errors[`${hid}-reason`]} maxLength={300} required />
            <button type="submit" class="button secondary">
              忽略
            </button>
          </form>
        </div>
      ) : null}
    </li>
  );
}

export function CandidatesPage(props: { ctx: PageContext; state: string; rows: CandidateRow[]; levels: LevelRow[]; units: { id: number; name: string }[]; failed?: CandidateFailure }) {
  return (
    <StaffLayout ctx={props.ctx} title="舆情监测" breadcrumbs={crumbs('舆情监测')}>
      <h1>舆情监测</h1>
      <p>
        监测服务商订阅源的新条目和互动交流相似留言预警在此等待处理：接收即登记为舆情并开始计时，忽略须说明理由。{' '}
        <a href={`${MONITOR}/settings`}>监测设置</a>
      </p>
      <nav aria-label="按处理状态筛选">
        <ul class="action-list">
          {TABS.map(([v, l]) => (
            <li key={v}>{props.state === v ? <strong aria-current="page">{l}</strong> : <a href={`${MONITOR}?state=${v}`}>{l}</a>}</li>
          ))}
        </ul>
      </nav>
      {props.rows.length ? <p>共{props.rows.length}条线索。</p> : null}
      {props.rows.length ? (
        <ul class="candidates">
          {props.rows.map((c) => (
            <CandidateCard key={c.id} ctx={props.ctx} c={c} levels={props.levels} units={props.units} failed={props.failed} />
          ))}
        </ul>
      ) : (
        <p>没有{TABS.find((t) => t[0] === props.state)?.[1]}的线索。</p>
      )}
    </StaffLayout>
  );
}

export function MonitorSettingsPage(props: { ctx: PageContext; feeds: FeedRow[]; settings: SettingsRow; feedForm: Form; alertForm: Form; editing: FeedRow | null }) {
  const { ctx, feedForm, alertForm } = props;
  const v = feedForm.values;
  const a = alertForm.values;
  return (
    <StaffLayout ctx={ctx} title="监测设置" breadcrumbs={crumbs('监测设置', true)}>
      <h1>监测设置</h1>
      <h2>监测服务商订阅源</h2>
      {props.feeds.length ? (
        <div class="table-wrap" role="region" tabIndex={0} aria-label="订阅源">
          <table>
            <thead>
              <tr>
                <th scope="col">名称</th>
                <th scope="col">地址</th>
                <th scope="col">间隔</th>
                <th scope="col">上次读取</th>
                <th scope="col">操作</th>
              </tr>
            </thead>
            <tbody>
              {props.feeds.map((f) => (
                <tr key={f.id}>
                  <td>
                    {f.name}
                    {f.active ? '' : '（已停用）'}
                  </td>
                  <td class="break">{f.url}</td>
                  <td>{f.intervalMinutes}分钟</td>
                  <td>{f.lastPolledAt ? <>{formatInstant(f.lastPolledAt)}：{f.lastError ? <strong class="status-bad">{f.lastError}</strong> : `正常，新增${f.lastNew}条`}</> : '尚未读取'}</td>
                  <td>
                    <a href={`${MONITOR}/settings?edit=${f.id}`}>
                      修改<span class="visually-hidden">{f.name}</span>
                    </a>
                    <form method="post" action={`${MONITOR}/feeds/${f.id}/poll`} class="inline">
                      <CsrfField token={ctx.csrfToken} />
                      <button type="submit" class="link-button">
                        立即读取<span class="visually-hidden">{f.name}</span>
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>还没有订阅源。</p>
      )}
      <h3>{props.editing ? `修改订阅源“${props.editing.name}”` : '添加订阅源'}</h3>
      <p class="hint">支持 RSS、Atom 和 JSON Feed。每次最多读取100条，单次内容不超过2MB，10秒内无响应即放弃；同一条目（按 guid 或链接）只出现一次。</p>
      <RefusalBox reasons={feedForm.reasons} />
      <ErrorSummary errors={feedForm.errors} />
      <form method="post" action={`${MONITOR}/feeds`} class="narrow">
        <CsrfField token={ctx.csrfToken} />
        {props.editing ? <input type="hidden" name="id" value={String(props.editing.id)} /> : null}
        <TextField name="name" label="名称" hint="如：某舆情监测服务商" value={v.name} error={feedForm.errors.name} maxLength={50} required />
        <TextField name="url" inputMode="url" label="订阅地址" hint="以 http:// 或 https:// 开头" value={v.url} error={feedForm.errors.url} maxLength={500} required />
        <TextField name="intervalMinutes" inputMode="numeric" label="读取间隔（分钟）" hint="5至1440" value={v.intervalMinutes ?? '30'} error={feedForm.errors.intervalMinutes} maxLength={4} required />
        <RadioGroup name="active" legend="状态" inline value={v.active ?? 'yes'} error={feedForm.errors.active} options={[{ value: 'yes', label: '启用' }, { value: 'no', label: '停用' }]} required />
        <button type="submit" class="button">
          保存订阅源
        </button>
      </form>
      <h2>互动交流预警</h2>
      <p>同一主题分类下24小时内收到相似留言达到下列件数时，生成一条舆情线索。</p>
      <ErrorSummary errors={alertForm.errors} />
      <form method="post" action={`${MONITOR}/alerts`} class="narrow">
        <CsrfField token={ctx.csrfToken} />
        <TextField name="alertThreshold" inputMode="numeric" label="预警件数" hint="2至100，默认5" value={a.alertThreshold ?? String(props.settings.alertThreshold)} error={alertForm.errors.alertThreshold} maxLength={3} required />
        <RadioGroup name="alertsEnabled" legend="预警" inline value={a.alertsEnabled ?? (props.settings.alertsEnabled ? 'yes' : 'no')} error={alertForm.errors.alertsEnabled} options={[{ value: 'yes', label: '开启' }, { value: 'no', label: '关闭' }]} required />
        <button type="submit" class="button">
          保存预警设置
        </button>
      </form>
    </StaffLayout>
  );
}
