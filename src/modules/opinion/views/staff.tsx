// Staff pages of 政务舆情: the register (list with timers), registration, an item with its timers, history
// and a form per step, the office's board (charts with tables) and the site's levels.
import type { PageContext } from '../../../core/ui/context.ts';
import type { FieldErrors } from '../../../core/http/form.ts';
import { StaffLayout } from '../../../core/ui/layout.tsx';
import { ChartWithTable } from '../../../core/ui/charts.tsx';
import { CsrfField, describedBy, ErrorSummary, Field, fieldId, Paragraphs, RadioGroup, SelectField, TextArea, TextField, RefusalBox } from '../../../core/ui/components.tsx';
import { formatInstant } from '../../../core/clock.ts';
import { formatLeft, nextTimer, RESPONSE_FORM_LABELS, RESPONSE_FORMS, TIMER_RULES, type Timer } from '../domain/timers.ts';
import { HANDOVER_LABELS, HANDOVER_TARGETS, RISK_LABELS, RISK_LEVELS, SOURCES, STEP_LABELS, WORK_STEPS, type StepDetails } from '../domain/steps.ts';
import type { Board } from '../domain/board.ts';
import type { ItemView, LevelRow, StepRow } from '../service.ts';
import type { ScreenshotRow } from '../service-screenshots.ts';

export const BASE = '/staff/opinion';
const crumbs = (last?: string) => [{ href: BASE, label: '政务舆情' }, ...(last ? [{ label: last }] : [])];

export type Form = { values: Record<string, string>; errors: FieldErrors; reasons?: string[] };
export const emptyForm: Form = { values: {}, errors: {} };

const STATUS_TEXT: Record<Timer['status'], string> = { running: '计时中', overdue: '已超时', met: '已按时完成', met_late: '超时完成' };

/** One timer as text: what, by when, and the time left in red once past. */
export function TimerText({ timer, now }: { timer: Timer; now: Date }) {
  const rule = TIMER_RULES[timer.kind];
  const late = timer.status === 'overdue' || timer.status === 'met_late';
  return (
    <span class={late ? 'timer timer-late' : 'timer'}>
      {rule.label}（{rule.hours}小时）：{formatInstant(timer.dueAt)}前，
      {timer.metAt ? `${STATUS_TEXT[timer.status]}于${formatInstant(timer.metAt)}` : formatLeft(timer.dueAt.getTime() - now.getTime())}
    </span>
  );
}

function LeftCell({ timers, now }: { timers: Timer[]; now: Date }) {
  const t = nextTimer(timers);
  return t ? <TimerText timer={t} now={now} /> : <span>—</span>;
}

export function ListPage(props: { ctx: PageContext; views: ItemView[]; state: string; office: boolean; now: Date }) {
  const { ctx, views, now } = props;
  const tabs = [
    ['open', '办理中'],
    ['overdue', '已超时未回应'],
    ['late', '全部超时记录'],
    ['closed', '已办结'],
  ] as const;
  return (
    <StaffLayout ctx={ctx} title="政务舆情" breadcrumbs={crumbs()}>
      <h1>政务舆情</h1>
      <p>
        <a class="button" href={`${BASE}/new`}>
          登记舆情
        </a>{' '}
        {props.office ? (
          <>
            <a class="button secondary" href={`${BASE}/board`}>
              舆情看板
            </a>{' '}
            <a class="button secondary" href={`${BASE}/monitor`}>
              舆情监测
            </a>{' '}
            <a class="button secondary" href={`${BASE}/levels`}>
              舆情等级设置
            </a>{' '}
          </>
        ) : null}
        <a class="button secondary" href={`${BASE}/concerns`}>
          回应关切栏目
        </a>{' '}
        <a class="button secondary" href={`${BASE}/events`}>
          发布会和访谈
        </a>
      </p>
      <nav aria-label="按状态筛选">
        <ul class="action-list">
          {tabs.map(([v, l]) => (
            <li key={v}>{props.state === v ? <strong aria-current="page">{l}</strong> : <a href={`${BASE}?state=${v}`}>{l}</a>}</li>
          ))}
        </ul>
      </nav>
      {views.length ? (
        <div class="table-wrap" role="region" tabIndex={0} aria-label="舆情列表">
          <table>
            <caption>共{views.length}条</caption>
            <thead>
              <tr>
                <th scope="col">编号</th>
                <th scope="col">舆情</th>
                <th scope="col">等级</th>
                <th scope="col">责任单位</th>
                <th scope="col">登记时间</th>
                <th scope="col">时限</th>
              </tr>
            </thead>
            <tbody>
              {views.map((v) => (
                <tr key={v.item.code} class={v.timers.some((t) => t.status === 'overdue') ? 'overdue' : undefined}>
                  <td>
                    <a href={`${BASE}/items/${v.item.code}`}>{v.item.code}</a>
                  </td>
                  <td>{v.item.title}</td>
                  <td>{v.level.name}</td>
                  <td>{v.unitName}</td>
                  <td>{formatInstant(v.item.registeredAt)}</td>
                  <td>
                    <LeftCell timers={v.timers} now={now} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>没有符合条件的舆情。</p>
      )}
    </StaffLayout>
  );
}

export function RegisterPage(props: { ctx: PageContext; levels: LevelRow[]; units: { id: number; name: string }[]; submissionKey: string; form: Form }) {
  const { ctx, form } = props;
  const v = form.values;
  return (
    <StaffLayout ctx={ctx} title="登记舆情" breadcrumbs={crumbs('登记舆情')}>
      <h1>登记舆情</h1>
      <p>登记后即开始计时：重大、特别重大舆情5小时内发布权威信息、24小时内举行新闻发布会，其他舆情48小时内回应（按自然小时计算，节假日不顺延）。</p>
      <RefusalBox reasons={form.reasons} />
      <ErrorSummary errors={form.errors} />
      <form method="post" action={BASE} class="narrow">
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="submissionKey" value={v.submissionKey || props.submissionKey} />
        <TextField name="title" label="舆情标题" value={v.title} error={form.errors.title} maxLength={200} required />
        <SelectField name="source" label="来源" value={v.source} error={form.errors.source} options={SOURCES.map((s) => ({ value: s, label: s }))} placeholder="请选择" required />
        <TextField name="link" label="链接" hint="原帖、报道的网址，以 http:// 或 https:// 开头" value={v.link} error={form.errors.link} maxLength={500} />
        <TextField name="firstSeenAt" type="datetime-local" label="首次发现时间" hint="北京时间，如 2026-09-30 23:30" value={v.firstSeenAt} error={form.errors.firstSeenAt} required />
        <TextArea name="summary" label="舆情摘要" value={v.summary} error={form.errors.summary} required />
        <TextField name="involved" label="涉及单位" hint="多个单位用顿号分隔" value={v.involved} error={form.errors.involved} maxLength={200} />
        <SelectField name="levelId" label="舆情等级" value={v.levelId} error={form.errors.levelId} options={props.levels.map((l) => ({ value: String(l.id), label: l.name + (l.major ? '（5小时/24小时时限）' : '（48小时时限）') }))} placeholder="请选择" required />
        <SelectField name="unitId" label="责任单位" hint="属地管理、分级负责、谁主管谁负责，涉事责任部门是第一责任主体" value={v.unitId} error={form.errors.unitId} options={props.units.map((u) => ({ value: String(u.id), label: u.name }))} placeholder="请选择" required />
        <button type="submit" class="button">
          登记
        </button>
      </form>
    </StaffLayout>
  );
}

function StepText({ d }: { d: StepDetails }) {
  switch (d.kind) {
    case 'register':
      return <p>登记，等级：{d.level}</p>;
    case 'consult':
      return (
        <dl class="facts">
          <dt>参加单位和人员</dt>
          <dd>{d.participants}</dd>
          <dt>研判意见</dt>
          <dd>{d.judgement}</dd>
          <dt>处置措施</dt>
          <dd>{d.measures}</dd>
        </dl>
      );
    case 'assess':
      return (
        <dl class="facts">
          <dt>风险等级</dt>
          <dd>{RISK_LABELS[d.risk]}</dd>
          <dt>是否回应</dt>
          <dd>{d.respond ? '回应' : '不回应'}</dd>
          <dt>回应方式和口径</dt>
          <dd>{d.how}</dd>
        </dl>
      );
    case 'respond':
      return (
        <dl class="facts">
          <dt>回应形式</dt>
          <dd>{RESPONSE_FORM_LABELS[d.form]}</dd>
          <dt>回应内容</dt>
          <dd>
            <Paragraphs text={d.text} />
          </dd>
          {d.link ? (
            <>
              <dt>发布的原文</dt>
              <dd>
                <a href={d.link}>{d.link}</a>
              </dd>
            </>
          ) : null}
        </dl>
      );
    case 'handover':
      return (
        <p>
          移交{HANDOVER_LABELS[d.to]}：{d.note}
        </p>
      );
    case 'evaluate':
      return (
        <dl class="facts">
          <dt>回应效果</dt>
          <dd>{d.effect}</dd>
          <dt>经验和不足</dt>
          <dd>{d.lessons}</dd>
        </dl>
      );
    case 'level':
      return (
        <p>
          等级由“{d.from}”调整为“{d.to}”。理由：{d.reason}
        </p>
      );
    case 'reassign':
      return (
        <p>
          责任单位由“{d.fromUnit}”改派为“{d.toUnit}”。理由：{d.reason}
        </p>
      );
  }
}

function History({ steps }: { steps: StepRow[] }) {
  return (
    <ol class="timeline">
      {steps.map((s) => (
        <li key={s.id}>
          <h3>
            {STEP_LABELS[s.kind]} · {formatInstant(s.at)} · {s.actorName}
          </h3>
          <StepText d={s.details} />
        </li>
      ))}
    </ol>
  );
}

export type StepFormName = (typeof WORK_STEPS)[number] | 'level' | 'reassign' | 'screenshot';

export function ItemPage(props: { ctx: PageContext; view: ItemView; now: Date; canWork: boolean; office: boolean; levels: LevelRow[]; units: { id: number; name: string }[]; screenshots?: ScreenshotRow[]; failed?: { form: StepFormName } & Form }) {
  const { ctx, view, now } = props;
  const { item } = view;
  const f = (name: StepFormName): Form => (props.failed?.form === name ? props.failed : emptyForm);
  const path = `${BASE}/items/${item.code}`;
  const nowLocal = formatInstant(now).replace(' ', 'T');
  const StepForm = ({ kind, children }: { kind: (typeof WORK_STEPS)[number]; children: preact.ComponentChildren }) => {
    const form = f(kind);
    return (
      <section aria-labelledby={`step-${kind}`}>
        <h3 id={`step-${kind}`}>记录{STEP_LABELS[kind]}</h3>
        {props.failed?.form === kind ? (
          <>
            <RefusalBox reasons={form.reasons} />
            <ErrorSummary errors={form.errors} />
          </>
        ) : null}
        <form method="post" action={`${path}/steps`} class="narrow">
          <CsrfField token={ctx.csrfToken} />
          <input type="hidden" name="step" value={kind} />
          <TextField name={`${kind}-at`} type="datetime-local" label="办理时间" value={form.values[`${kind}-at`] ?? nowLocal} error={form.errors[`${kind}-at`]} required />
          {children}
          <button type="submit" class="button">
            保存{STEP_LABELS[kind]}记录
          </button>
        </form>
      </section>
    );
  };
  const v = (kind: string, name: string) => f(kind as StepFormName).values[`${kind}-${name}`];
  const e = (kind: string, name: string) => f(kind as StepFormName).errors[`${kind}-${name}`];
  return (
    <StaffLayout ctx={ctx} title={`${item.code} ${item.title}`} breadcrumbs={crumbs(item.code)}>
      <h1>
        {item.title}
        <span class="tag">{view.level.name}</span>
      </h1>
      <dl class="facts">
        <dt>编号</dt>
        <dd>{item.code}</dd>
        <dt>状态</dt>
        <dd>{item.state === 'open' ? '办理中' : '已评估办结'}</dd>
        <dt>来源</dt>
        <dd>
          {item.source}
          {item.link ? (
            <>
              {' '}
              <a href={item.link} rel="noopener noreferrer nofollow">
                原文链接
              </a>
            </>
          ) : null}
        </dd>
        <dt>首次发现</dt>
        <dd>{formatInstant(item.firstSeenAt)}</dd>
        <dt>登记时间</dt>
        <dd>{formatInstant(item.registeredAt)}</dd>
        <dt>责任单位</dt>
        <dd>{view.unitName}</dd>
        <dt>涉及单位</dt>
        <dd>{item.involved || '—'}</dd>
        <dt>摘要</dt>
        <dd>
          <Paragraphs text={item.summary} />
        </dd>
      </dl>
      <h2>时限</h2>
      <ul>
        {view.timers.map((t) => (
          <li key={t.kind}>
            <TimerText timer={t} now={now} />
            <span class="hint">（{TIMER_RULES[t.kind].basis}；自{formatInstant(t.startsAt)}起计）</span>
          </li>
        ))}
      </ul>
      <h2 id="screenshots">截图</h2>
      <p class="hint">仅工作人员可见，不对外公开。</p>
      {props.screenshots?.length ? (
        <ul class="shots">
          {props.screenshots.map((s) => (
            <li key={s.id}>
              <a href={`${path}/screenshots/${s.id}`}>
                <img src={`${path}/screenshots/${s.id}`} alt={s.caption || `截图：${s.filename}`} loading="lazy" width={240} />
              </a>
              <p class="hint">
                {s.caption ? `${s.caption} · ` : ''}
                {s.uploadedBy} · {formatInstant(s.uploadedAt)}
              </p>
            </li>
          ))}
        </ul>
      ) : (
        <p>暂无截图。</p>
      )}
      {item.state === 'open' && props.canWork ? (
        <form method="post" action={`${path}/screenshots`} enctype="multipart/form-data" class="narrow">
          <CsrfField token={ctx.csrfToken} />
          {props.failed?.form === 'screenshot' ? (
            <>
              <RefusalBox reasons={f('screenshot').reasons} />
              <ErrorSummary errors={f('screenshot').errors} />
            </>
          ) : null}
          <Field name="file" label="截图文件" hint="PNG、JPEG 或 GIF 图片，不超过5MB" error={f('screenshot').errors.file} required>
            <input type="file" id={fieldId('file')} name="file" accept="image/png,image/jpeg,image/gif" aria-describedby={describedBy('file', { hint: 'x', error: f('screenshot').errors.file })} required />
          </Field>
          <TextField name="caption" label="截图说明" value={f('screenshot').values.caption} error={f('screenshot').errors.caption} maxLength={200} />
          <button type="submit" class="button">
            上传截图
          </button>
        </form>
      ) : null}
      <h2>办理记录</h2>
      <History steps={view.steps} />
      {item.state === 'open' && props.canWork ? (
        <>
          <h2>办理</h2>
          <StepForm kind="consult">
            <TextField name="consult-participants" label="参加单位和人员" value={v('consult', 'participants')} error={e('consult', 'participants')} maxLength={300} required />
            <TextArea name="consult-judgement" label="事件性质、走势和风险" value={v('consult', 'judgement')} error={e('consult', 'judgement')} rows={3} required />
            <TextArea name="consult-measures" label="处置措施" value={v('consult', 'measures')} error={e('consult', 'measures')} rows={3} required />
          </StepForm>
          <StepForm kind="assess">
            <RadioGroup name="assess-risk" legend="风险等级" inline value={v('assess', 'risk') ?? ''} error={e('assess', 'risk')} options={RISK_LEVELS.map((r) => ({ value: r, label: RISK_LABELS[r] }))} required />
            <RadioGroup name="assess-respond" legend="是否回应" inline value={v('assess', 'respond') ?? ''} error={e('assess', 'respond')} options={[{ value: 'yes', label: '回应' }, { value: 'no', label: '不回应' }]} required />
            <TextArea name="assess-how" label="回应方式和口径（不回应的说明理由）" value={v('assess', 'how')} error={e('assess', 'how')} rows={3} required />
          </StepForm>
          <StepForm kind="respond">
            <SelectField name="respond-form" label="回应形式" value={v('respond', 'form')} error={e('respond', 'form')} options={RESPONSE_FORMS.map((x) => ({ value: x, label: RESPONSE_FORM_LABELS[x] }))} placeholder="请选择" required />
            <TextArea name="respond-text" label="回应内容" value={v('respond', 'text')} error={e('respond', 'text')} rows={4} required />
            <TextField name="respond-link" label="发布的原文链接" hint="新闻稿、政务新媒体文章或网站回应的网址" value={v('respond', 'link')} error={e('respond', 'link')} maxLength={500} />
          </StepForm>
          <StepForm kind="handover">
            <RadioGroup name="handover-to" legend="移交给" inline value={v('handover', 'to') ?? ''} error={e('handover', 'to')} options={HANDOVER_TARGETS.map((x) => ({ value: x, label: HANDOVER_LABELS[x] }))} required />
            <TextArea name="handover-note" label="移交情况" hint="涉嫌违法的谣言等，移交公安机关、网信部门依法处置" value={v('handover', 'note')} error={e('handover', 'note')} rows={3} required />
          </StepForm>
          <StepForm kind="evaluate">
            <TextArea name="evaluate-effect" label="回应效果" value={v('evaluate', 'effect')} error={e('evaluate', 'effect')} rows={3} required />
            <TextArea name="evaluate-lessons" label="经验和不足" value={v('evaluate', 'lessons')} error={e('evaluate', 'lessons')} rows={3} required />
            <p class="hint">保存评估后该舆情办结，不能再记录。</p>
          </StepForm>
        </>
      ) : null}
      {item.state === 'open' && props.office ? (
        <>
          <h2>政务公开办操作</h2>
          <section aria-labelledby="level-title">
            <h3 id="level-title">调整舆情等级</h3>
            <p class="hint">升为重大或特别重大时，自调整之时起重新计算5小时、24小时时限；降为其他等级时，自调整之时起计算48小时时限。</p>
            {props.failed?.form === 'level' ? (
              <>
                <RefusalBox reasons={f('level').reasons} />
                <ErrorSummary errors={f('level').errors} />
              </>
            ) : null}
            <form method="post" action={`${path}/level`} class="narrow">
              <CsrfField token={ctx.csrfToken} />
              <SelectField name="levelId" label="新等级" value={f('level').values.levelId ?? String(item.levelId)} error={f('level').errors.levelId} options={props.levels.map((l) => ({ value: String(l.id), label: l.name }))} required />
              <TextField name="level-reason" label="调整理由" value={f('level').values['level-reason']} error={f('level').errors['level-reason']} maxLength={300} required />
              <button type="submit" class="button">
                调整等级
              </button>
            </form>
          </section>
          <section aria-labelledby="reassign-title">
            <h3 id="reassign-title">改派责任单位</h3>
            <p class="hint">改派不改变已开始的时限。</p>
            {props.failed?.form === 'reassign' ? (
              <>
                <RefusalBox reasons={f('reassign').reasons} />
                <ErrorSummary errors={f('reassign').errors} />
              </>
            ) : null}
            <form method="post" action={`${path}/reassign`} class="narrow">
              <CsrfField token={ctx.csrfToken} />
              <SelectField name="unitId" label="新责任单位" value={f('reassign').values.unitId ?? String(item.unitId)} error={f('reassign').errors.unitId} options={props.units.map((u) => ({ value: String(u.id), label: u.name }))} required />
              <TextField name="reassign-reason" label="改派理由" value={f('reassign').values['reassign-reason']} error={f('reassign').errors['reassign-reason']} maxLength={300} required />
              <button type="submit" class="button">
                改派
              </button>
            </form>
          </section>
        </>
      ) : null}
    </StaffLayout>
  );
}

export function BoardPage({ ctx, board, now }: { ctx: PageContext; board: Board; now: Date }) {
  return (
    <StaffLayout ctx={ctx} title="舆情看板" breadcrumbs={crumbs('舆情看板')}>
      <h1>舆情看板</h1>
      <p>统计时间：{formatInstant(now)}</p>
      <ChartWithTable id="by-level" title="办理中的舆情（按等级）" spec={{ type: 'bar', labels: board.byLevel.map((l) => l.level), values: board.byLevel.map((l) => l.open) }}>
        <table>
          <thead>
            <tr>
              <th scope="col">等级</th>
              <th scope="col">办理中</th>
              <th scope="col">其中超时</th>
            </tr>
          </thead>
          <tbody>
            {board.byLevel.map((l) => (
              <tr key={l.level} class={l.overdue ? 'overdue' : undefined}>
                <th scope="row">{l.level}</th>
                <td>{l.open}</td>
                <td>{l.overdue}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ChartWithTable>
      <h2>办理中的舆情（按剩余时间）</h2>
      {board.open.length ? (
        <div class="table-wrap" role="region" tabIndex={0} aria-label="办理中的舆情">
          <table>
            <thead>
              <tr>
                <th scope="col">编号</th>
                <th scope="col">舆情</th>
                <th scope="col">等级</th>
                <th scope="col">责任单位</th>
                <th scope="col">时限</th>
              </tr>
            </thead>
            <tbody>
              {board.open.map((i) => (
                <tr key={i.code} class={i.overdue ? 'overdue' : undefined}>
                  <td>
                    <a href={`${BASE}/items/${i.code}`}>{i.code}</a>
                  </td>
                  <td>{i.title}</td>
                  <td>{i.level}</td>
                  <td>{i.unit}</td>
                  <td>
                    <LeftCell timers={i.timers} now={now} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>没有办理中的舆情。</p>
      )}
      <h2>超时回应</h2>
      {board.late.length ? (
        <ul>
          {board.late.map((i) => (
            <li key={i.code}>
              <a href={`${BASE}/items/${i.code}`}>{i.code}</a> {i.title}（{i.unit}）：
              {i.timers
                .filter((t) => t.status === 'overdue' || t.status === 'met_late')
                .map((t) => (
                  <TimerText key={t.kind} timer={t} now={now} />
                ))}
            </li>
          ))}
        </ul>
      ) : (
        <p>没有超时回应的舆情。</p>
      )}
      <ChartWithTable id="per-unit" title="各单位舆情数" spec={{ type: 'bar', horizontal: true, labels: board.perUnit.map((u) => u.unit), values: board.perUnit.map((u) => u.total), height: Math.max(160, 32 * board.perUnit.length + 40) }}>
        <table>
          <thead>
            <tr>
              <th scope="col">责任单位</th>
              <th scope="col">合计</th>
              <th scope="col">办理中</th>
              <th scope="col">超时</th>
            </tr>
          </thead>
          <tbody>
            {board.perUnit.map((u) => (
              <tr key={u.unit} class={u.late ? 'overdue' : undefined}>
                <th scope="row">{u.unit}</th>
                <td>{u.total}</td>
                <td>{u.open}</td>
                <td>{u.late}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ChartWithTable>
    </StaffLayout>
  );
}

export function LevelsPage({ ctx, levels, form }: { ctx: PageContext; levels: LevelRow[]; form: Form }) {
  return (
    <StaffLayout ctx={ctx} title="舆情等级设置" breadcrumbs={crumbs('舆情等级设置')}>
      <h1>舆情等级设置</h1>
      <p>标为“重大类”的等级适用5小时发布权威信息、24小时举行新闻发布会的时限（国办发〔2016〕80号），其他等级适用48小时回应时限（国办发〔2016〕61号）。已使用的等级只能停用，不能删除。</p>
      <RefusalBox reasons={form.reasons} />
      <ErrorSummary errors={form.errors} />
      <div class="table-wrap" role="region" tabIndex={0} aria-label="舆情等级">
        <table>
          <thead>
            <tr>
              <th scope="col">等级</th>
              <th scope="col">时限</th>
              <th scope="col">排序</th>
              <th scope="col">状态</th>
            </tr>
          </thead>
          <tbody>
            {levels.map((l) => (
              <tr key={l.id}>
                <th scope="row">{l.name}</th>
                <td>{l.major ? '重大类：5小时/24小时' : '48小时'}</td>
                <td>{l.sortOrder}</td>
                <td>{l.active ? '启用' : '停用'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>新增或修改等级</h2>
      <form method="post" action={`${BASE}/levels`} class="narrow">
        <CsrfField token={ctx.csrfToken} />
        <SelectField name="id" label="要修改的等级" value={form.values.id} error={form.errors.id} options={levels.map((l) => ({ value: String(l.id), label: l.name }))} placeholder="（新增等级）" />
        <TextField name="name" label="等级名称" value={form.values.name} error={form.errors.name} maxLength={20} required />
        <RadioGroup name="major" legend="时限类别" inline value={form.values.major ?? ''} error={form.errors.major} options={[{ value: 'yes', label: '重大类（5小时/24小时）' }, { value: 'no', label: '其他（48小时）' }]} required />
        <TextField name="sortOrder" label="排序" value={form.values.sortOrder} error={form.errors.sortOrder} inputMode="numeric" maxLength={4} required />
        <RadioGroup name="active" legend="状态" inline value={form.values.active ?? 'yes'} error={form.errors.active} options={[{ value: 'yes', label: '启用' }, { value: 'no', label: '停用' }]} required />
        <button type="submit" class="button">
          保存
        </button>
      </form>
    </StaffLayout>
  );
}
