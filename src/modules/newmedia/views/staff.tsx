// Staff pages of 政务新媒体: the registry (with the silence flag), an account with its requests and
// forms, the office's queue of requests, posts with their review chain, and the site's settings.
import type { PageContext } from '../../../core/ui/context.ts';
import type { FieldErrors } from '../../../core/http/form.ts';
import { StaffLayout } from '../../../core/ui/layout.tsx';
import { CsrfField, ErrorSummary, RadioGroup, RefusalBox, SelectField, TextArea, TextField } from '../../../core/ui/components.tsx';
import { formatInstant } from '../../../core/clock.ts';
import { ContentFindingsTable, type ContentFinding } from '../../publishing/index.ts';
import { ACCOUNT_STATE_LABELS, PLATFORMS, REQUEST_KIND_LABELS, REQUEST_STATE_LABELS } from '../domain/accounts.ts';
import { POST_STATE_LABELS, POST_STATES, type PostState } from '../domain/posts.ts';
import type { AccountView, PostListRow, PostView, RequestRow, Settings } from '../service.ts';

export const BASE = '/staff/newmedia';
const crumbs = (...rest: { href?: string; label: string }[]) => [{ href: BASE, label: '政务新媒体' }, ...rest];

export type Form = { values: Record<string, string>; errors: FieldErrors; reasons?: string[] };
export const emptyForm: Form = { values: {}, errors: {} };
type Unit = { id: number; name: string };

const ACTION_LABELS: Record<string, string> = { create: '撰写', edit: '修改', submit: '提交审核', approve: '审核通过', return: '退回', release: '登记发布' };

function SilentTag({ v }: { v: AccountView }) {
  return v.silent ? <strong class="status-bad">已{v.days}天未更新</strong> : <span>{v.days === 0 ? '今天' : `${v.days}天前`}</span>;
}

export function RegistryPage(props: { ctx: PageContext; accounts: AccountView[]; office: boolean; pendingCount: number; silenceDays: number; show: 'current' | 'all' | 'silent' }) {
  const { ctx, accounts, office } = props;
  const silent = accounts.filter((v) => v.silent);
  return (
    <StaffLayout ctx={ctx} title="政务新媒体" breadcrumbs={crumbs()}>
      <h1>政务新媒体账号</h1>
      <p>
        <a class="button" href={`${BASE}/accounts/new`}>
          申请开设账号
        </a>{' '}
        <a class="button secondary" href={`${BASE}/posts`}>
          稿件审核
        </a>{' '}
        {office ? (
          <>
            <a class="button secondary" href={`${BASE}/requests`}>
              待审核申请（{props.pendingCount}）
            </a>{' '}
            <a class="button secondary" href={`${BASE}/settings`}>
              审核环节和更新期限
            </a>{' '}
          </>
        ) : null}
        <a class="button secondary" href="/newmedia">
          公开的政务新媒体矩阵
        </a>
      </p>
      {silent.length ? (
        <div class="warning-box" role="status">
          <p>
            <strong>
              {silent.length}个账号超过{props.silenceDays}天未更新
            </strong>
            （国办秘函〔2019〕19号：监测时间点前2周内无更新即单项否决）：{silent.map((v) => v.account.name).join('、')}。
          </p>
        </div>
      ) : null}
      <nav aria-label="账号范围">
        <ul class="action-list">
          {(
            [
              ['current', '运营和申请中', BASE],
              ['silent', `超过${props.silenceDays}天未更新`, `${BASE}?show=silent`],
              ['all', '全部（含关停、注销）', `${BASE}?show=all`],
            ] as const
          ).map(([k, l, href]) => (
            <li key={k}>{props.show === k ? <strong aria-current="page">{l}</strong> : <a href={href}>{l}</a>}</li>
          ))}
        </ul>
      </nav>
      {accounts.length ? (
        <div class="table-wrap" role="region" tabIndex={0} aria-label="政务新媒体账号列表">
          <table>
            <caption>共{accounts.length}个账号</caption>
            <thead>
              <tr>
                <th scope="col">名称</th>
                <th scope="col">平台</th>
                <th scope="col">账号/ID</th>
                <th scope="col">主办单位</th>
                <th scope="col">运维单位</th>
                <th scope="col">负责人</th>
                <th scope="col">开设时间</th>
                <th scope="col">状态</th>
                <th scope="col">最近更新</th>
              </tr>
            </thead>
            <tbody>
              {accounts.map((v) => (
                <tr key={v.account.id} class={v.silent ? 'overdue' : undefined}>
                  <td>
                    <a href={`${BASE}/accounts/${v.account.id}`}>{v.account.name}</a>
                  </td>
                  <td>{v.account.platform}</td>
                  <td>{v.account.handle}</td>
                  <td>{v.unitName}</td>
                  <td>{v.account.operator || '—'}</td>
                  <td>{v.account.manager || '—'}</td>
                  <td>{v.account.openedOn}</td>
                  <td>
                    {ACCOUNT_STATE_LABELS[v.account.state]}
                    {v.pending && v.pending.kind !== 'open' ? `（${REQUEST_KIND_LABELS[v.pending.kind]}待审核）` : ''}
                  </td>
                  <td>
                    {v.account.state === 'active' ? (
                      <>
                        {v.lastKnown ? v.lastOn : '无更新记录'} <SilentTag v={v} />
                      </>
                    ) : (
                      '—'
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{props.show === 'silent' ? `没有超过${props.silenceDays}天未更新的账号。` : '还没有登记政务新媒体账号。'}</p>
      )}
    </StaffLayout>
  );
}

function AccountFieldsForm({ v, errors, units, withUnit }: { v: Record<string, string>; errors: FieldErrors; units?: Unit[]; withUnit: boolean }) {
  return (
    <>
      <TextField name="name" label="账号名称" value={v.name} error={errors.name} maxLength={60} required />
      <SelectField name="platform" label="平台" value={v.platform} error={errors.platform} options={PLATFORMS.map((p) => ({ value: p, label: p }))} placeholder="请选择" required />
      <TextField name="handle" label="账号/ID" hint="微信号、微博昵称或UID、抖音号等" value={v.handle} error={errors.handle} maxLength={100} required />
      <TextField name="url" label="账号主页链接" hint="以 http:// 或 https:// 开头；公开页面的二维码由此生成" value={v.url} error={errors.url} maxLength={500} required />
      {withUnit && units ? <SelectField name="hostUnitId" label="主办单位" value={v.hostUnitId} error={errors.hostUnitId} options={units.map((u) => ({ value: String(u.id), label: u.name }))} placeholder="请选择" required /> : null}
      <TextField name="operator" label="运维单位" hint="委托第三方运维的，填写其名称" value={v.operator} error={errors.operator} maxLength={100} />
      <TextField name="manager" label="负责人" hint="姓名，仅工作人员可见" value={v.manager} error={errors.manager} maxLength={30} required />
    </>
  );
}

export function NewAccountPage({ ctx, units, form, submissionKey }: { ctx: PageContext; units: Unit[]; form: Form; submissionKey: string }) {
  const v = form.values;
  return (
    <StaffLayout ctx={ctx} title="申请开设政务新媒体账号" breadcrumbs={crumbs({ label: '申请开设' })}>
      <h1>申请开设政务新媒体账号</h1>
      <p>一个单位原则上在同一第三方平台只开设一个政务新媒体账号（国办发〔2018〕123号）。申请经市政务公开办审核通过后备案，并在政务新媒体矩阵中公布。</p>
      <RefusalBox reasons={form.reasons} />
      <ErrorSummary errors={form.errors} />
      <form method="post" action={`${BASE}/accounts`} class="narrow">
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="submissionKey" value={v.submissionKey || submissionKey} />
        <AccountFieldsForm v={v} errors={form.errors} units={units} withUnit />
        <button type="submit" class="button">
          提交申请
        </button>
      </form>
    </StaffLayout>
  );
}

export type AccountFormName = 'change' | 'close' | 'cancel' | 'updated' | 'decide';

export function AccountPage(props: { ctx: PageContext; view: AccountView; requests: RequestRow[]; canWrite: boolean; office: boolean; failed?: { form: AccountFormName } & Form; submissionKey: string; today: string }) {
  const { ctx, view, failed } = props;
  const a = view.account;
  const f = (name: AccountFormName): Form => (failed?.form === name ? failed : emptyForm);
  const pending = view.pending;
  return (
    <StaffLayout ctx={ctx} title={a.name} breadcrumbs={crumbs({ label: a.name })}>
      <h1>{a.name}</h1>
      {failed?.reasons?.length ? <RefusalBox reasons={failed.reasons} /> : null}
      <dl class="facts">
        <dt>平台</dt>
        <dd>{a.platform}</dd>
        <dt>账号/ID</dt>
        <dd>{a.handle}</dd>
        <dt>链接</dt>
        <dd>
          <a href={a.url}>{a.url}</a>
        </dd>
        <dt>主办单位</dt>
        <dd>{view.unitName}</dd>
        <dt>运维单位</dt>
        <dd>{a.operator || '—'}</dd>
        <dt>负责人</dt>
        <dd>{a.manager || '—'}</dd>
        <dt>开设时间</dt>
        <dd>{a.openedOn}</dd>
        <dt>状态</dt>
        <dd>{ACCOUNT_STATE_LABELS[a.state]}</dd>
        {a.state === 'active' ? (
          <>
            <dt>最近更新</dt>
            <dd>
              {view.lastKnown ? view.lastOn : '无更新记录（自开设起计算）'} <SilentTag v={view} />
            </dd>
          </>
        ) : null}
      </dl>
      {a.state === 'active' && props.canWrite ? (
        <p>
          <a class="button" href={`${BASE}/posts/new?account=${a.id}`}>
            为该账号撰写稿件
          </a>
        </p>
      ) : null}

      {pending ? (
        <section aria-labelledby="pending-h">
          <h2 id="pending-h">待审核的{REQUEST_KIND_LABELS[pending.kind]}申请</h2>
          <RequestFacts r={pending} />
          {props.office ? (
            <form method="post" action={`${BASE}/requests/${pending.id}/decide`} class="narrow">
              <CsrfField token={ctx.csrfToken} />
              <ErrorSummary errors={f('decide').errors} />
              <RadioGroup
                name="decision"
                legend="审核意见"
                value={f('decide').values.decision ?? ''}
                error={f('decide').errors.decision}
                options={[
                  { value: 'approve', label: '通过并备案' },
                  { value: 'reject', label: '退回' },
                ]}
                required
              />
              <TextArea name="reason" label="意见或退回理由" hint="退回时必须填写" value={f('decide').values.reason} error={f('decide').errors.reason} rows={3} />
              <button type="submit" class="button">
                提交审核意见
              </button>
            </form>
          ) : (
            <p>等待市政务公开办审核。</p>
          )}
        </section>
      ) : null}

      {props.canWrite && !pending && a.state === 'active' ? (
        <>
          <section aria-labelledby="change-h">
            <h2 id="change-h">申请变更</h2>
            <ErrorSummary errors={f('change').errors} />
            <form method="post" action={`${BASE}/accounts/${a.id}/requests`} class="narrow">
              <CsrfField token={ctx.csrfToken} />
              <input type="hidden" name="kind" value="change" />
              <input type="hidden" name="submissionKey" value={props.submissionKey + 'c'} />
              <AccountFieldsForm v={failed?.form === 'change' ? f('change').values : { name: a.name, platform: a.platform, handle: a.handle, url: a.url, operator: a.operator, manager: a.manager }} errors={f('change').errors} withUnit={false} />
              <button type="submit" class="button secondary">
                提交变更申请
              </button>
            </form>
          </section>
          <section aria-labelledby="updated-h">
            <h2 id="updated-h">登记最近更新</h2>
            <p>直接在平台上发布的内容，请在此登记最近一次更新的日期，以免被标记为长期未更新。</p>
            <ErrorSummary errors={f('updated').errors} />
            <form method="post" action={`${BASE}/accounts/${a.id}/updated`} class="narrow">
              <CsrfField token={ctx.csrfToken} />
              <TextField name="on" type="date" label="最近更新日期" value={f('updated').values.on ?? props.today} error={f('updated').errors.on} required />
              <button type="submit" class="button secondary">
                登记
              </button>
            </form>
          </section>
          <section aria-labelledby="close-h">
            <h2 id="close-h">申请关停</h2>
            <ErrorSummary errors={f('close').errors} />
            <form method="post" action={`${BASE}/accounts/${a.id}/requests`} class="narrow">
              <CsrfField token={ctx.csrfToken} />
              <input type="hidden" name="kind" value="close" />
              <input type="hidden" name="submissionKey" value={props.submissionKey + 'x'} />
              <TextArea name="notice" label="关停公告" hint="关停前须在账号上发布公告，写明停止更新的日期和今后获取信息的渠道" value={f('close').values.notice} error={f('close').errors.notice} rows={3} required />
              <button type="submit" class="button secondary">
                提交关停申请
              </button>
            </form>
          </section>
        </>
      ) : null}
      {props.canWrite && !pending && (a.state === 'active' || a.state === 'closed') ? (
        <section aria-labelledby="cancel-h">
          <h2 id="cancel-h">申请注销</h2>
          <p>已停止维护的账号应履行注销程序。</p>
          <ErrorSummary errors={f('cancel').errors} />
          <form method="post" action={`${BASE}/accounts/${a.id}/requests`} class="narrow">
            <CsrfField token={ctx.csrfToken} />
            <input type="hidden" name="kind" value="cancel" />
            <input type="hidden" name="submissionKey" value={props.submissionKey + 'z'} />
            <TextArea name="notice" label="注销理由" value={f('cancel').values.notice} error={f('cancel').errors.notice} rows={2} required />
            <button type="submit" class="button secondary">
              提交注销申请
            </button>
          </form>
        </section>
      ) : null}

      <section aria-labelledby="hist-h">
        <h2 id="hist-h">申请和审核记录</h2>
        {props.requests.length ? (
          <div class="table-wrap" role="region" tabIndex={0} aria-label="申请和审核记录">
            <table>
              <thead>
                <tr>
                  <th scope="col">事项</th>
                  <th scope="col">申请人和时间</th>
                  <th scope="col">内容</th>
                  <th scope="col">审核</th>
                </tr>
              </thead>
              <tbody>
                {props.requests.map((r) => (
                  <tr key={r.id}>
                    <td>{REQUEST_KIND_LABELS[r.kind]}</td>
                    <td>
                      {r.requestedByName}，{formatInstant(r.requestedAt)}
                    </td>
                    <td>{r.fields ? `${r.fields.name}（${r.fields.platform}，${r.fields.handle}）` : r.notice || '—'}</td>
                    <td>
                      {REQUEST_STATE_LABELS[r.state]}
                      {r.decidedAt ? `：${r.decidedByName}，${formatInstant(r.decidedAt)}` : ''}
                      {r.reason ? `。${r.reason}` : ''}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p>没有申请记录（早于本平台开设的账号）。</p>
        )}
      </section>
    </StaffLayout>
  );
}

function RequestFacts({ r }: { r: RequestRow }) {
  return (
    <dl class="facts">
      <dt>申请人</dt>
      <dd>
        {r.requestedByName}，{formatInstant(r.requestedAt)}
      </dd>
      {r.fields ? (
        <>
          <dt>名称</dt>
          <dd>{r.fields.name}</dd>
          <dt>平台和账号</dt>
          <dd>
            {r.fields.platform}，{r.fields.handle}
          </dd>
          <dt>链接</dt>
          <dd>{r.fields.url}</dd>
          <dt>运维单位</dt>
          <dd>{r.fields.operator || '—'}</dd>
          <dt>负责人</dt>
          <dd>{r.fields.manager}</dd>
        </>
      ) : null}
      {r.notice ? (
        <>
          <dt>{r.kind === 'close' ? '关停公告' : '理由'}</dt>
          <dd>{r.notice}</dd>
        </>
      ) : null}
    </dl>
  );
}

export function RequestsPage({ ctx, rows }: { ctx: PageContext; rows: (RequestRow & { accountName: string; platform: string })[] }) {
  return (
    <StaffLayout ctx={ctx} title="待审核的账号申请" breadcrumbs={crumbs({ label: '待审核申请' })}>
      <h1>待审核的账号申请</h1>
      {rows.length ? <p>共{rows.length}件待审核申请。</p> : null}
      {rows.length ? (
        <ul>
          {rows.map((r) => (
            <li key={r.id}>
              <a href={`${BASE}/accounts/${r.accountId}`}>
                {REQUEST_KIND_LABELS[r.kind]}：{r.accountName}（{r.platform}）
              </a>
              ，{r.requestedByName}于{formatInstant(r.requestedAt)}申请
            </li>
          ))}
        </ul>
      ) : (
        <p>没有待审核的申请。</p>
      )}
    </StaffLayout>
  );
}

export function SettingsPage({ ctx, settings, form }: { ctx: PageContext; settings: Settings; form: Form }) {
  const v = form.values;
  return (
    <StaffLayout ctx={ctx} title="审核环节和更新期限" breadcrumbs={crumbs({ label: '设置' })}>
      <h1>审核环节和更新期限</h1>
      <RefusalBox reasons={form.reasons} />
      <ErrorSummary errors={form.errors} />
      <form method="post" action={`${BASE}/settings`} class="narrow">
        <CsrfField token={ctx.csrfToken} />
        <TextArea name="reviewSteps" label="稿件审核环节" hint="每行一个环节，按顺序审核，最多5个；默认为初审、复审、终审。修改只影响此后提交的稿件" value={v.reviewSteps ?? settings.reviewSteps.join('\n')} error={form.errors.reviewSteps} rows={5} required />
        <TextField name="silenceDays" label="未更新提醒天数" hint="超过这么多天没有更新的账号会被标记（国办秘函〔2019〕19号：2周，即14天）" value={v.silenceDays ?? String(settings.silenceDays)} error={form.errors.silenceDays} inputMode="numeric" maxLength={3} required />
        <button type="submit" class="button">
          保存
        </button>
      </form>
    </StaffLayout>
  );
}

export function PostsPage({ ctx, rows, state, mine }: { ctx: PageContext; rows: PostListRow[]; state: PostState | 'mine' | 'all'; mine: number }) {
  const tabs: [string, string][] = [['mine', `待我审核（${mine}）`], ['all', '全部'], ...POST_STATES.map((s) => [s, POST_STATE_LABELS[s]] as [string, string])];
  return (
    <StaffLayout ctx={ctx} title="政务新媒体稿件" breadcrumbs={crumbs({ label: '稿件' })}>
      <h1>政务新媒体稿件</h1>
      <p>稿件先审后发：依次通过各审核环节后标记为“可发布”，由运维人员在平台上发布后登记发布时间。</p>
      <nav aria-label="按状态筛选">
        <ul class="action-list">
          {tabs.map(([v, l]) => (
            <li key={v}>{state === v ? <strong aria-current="page">{l}</strong> : <a href={`${BASE}/posts?state=${v}`}>{l}</a>}</li>
          ))}
        </ul>
      </nav>
      {rows.length ? (
        <div class="table-wrap" role="region" tabIndex={0} aria-label="稿件列表">
          <table>
            <caption>共{rows.length}篇</caption>
            <thead>
              <tr>
                <th scope="col">标题</th>
                <th scope="col">账号</th>
                <th scope="col">撰写人</th>
                <th scope="col">状态</th>
                <th scope="col">更新时间</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((p) => (
                <tr key={p.id}>
                  <td>
                    <a href={`${BASE}/posts/${p.id}`}>{p.title}</a>
                  </td>
                  <td>
                    {p.accountName}（{p.platform}）
                  </td>
                  <td>{p.authorName}</td>
                  <td>{stateText(p)}</td>
                  <td>{formatInstant(p.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>没有符合条件的稿件。</p>
      )}
    </StaffLayout>
  );
}

function stateText(p: { state: PostState; chain: string[]; step: number }): string {
  return p.state === 'in_review' ? `待${p.chain[p.step] ?? '审核'}` : POST_STATE_LABELS[p.state];
}

export function PostFormPage({ ctx, accounts, form, submissionKey, post }: { ctx: PageContext; accounts: AccountView[]; form: Form; submissionKey: string; post?: PostView }) {
  const v = form.values;
  const title = post ? '修改稿件' : '撰写稿件';
  return (
    <StaffLayout ctx={ctx} title={title} breadcrumbs={crumbs({ href: `${BASE}/posts`, label: '稿件' }, { label: title })}>
      <h1>{title}</h1>
      <RefusalBox reasons={form.reasons} />
      <ErrorSummary errors={form.errors} />
      <form method="post" action={post ? `${BASE}/posts/${post.post.id}/edit` : `${BASE}/posts`}>
        <CsrfField token={ctx.csrfToken} />
        {post ? (
          <p>账号：{post.account.name}</p>
        ) : (
          <>
            <input type="hidden" name="submissionKey" value={v.submissionKey || submissionKey} />
            <SelectField name="accountId" label="发布账号" value={v.accountId} error={form.errors.accountId} options={accounts.map((a) => ({ value: String(a.account.id), label: `${a.account.name}（${a.account.platform}）` }))} placeholder="请选择" required />
          </>
        )}
        <TextField name="title" label="标题" value={v.title} error={form.errors.title} maxLength={100} required />
        <TextArea name="body" label="正文" hint="空一行分段；可粘贴来自 Word、WPS 的内容，保存时清除不安全的格式" value={v.body} error={form.errors.body} rows={12} required />
        <button type="submit" class="button">
          保存草稿
        </button>
      </form>
    </StaffLayout>
  );
}

export type PostFormName = 'review' | 'release' | 'submit';

export function PostPage(props: { ctx: PageContext; view: PostView; canWrite: boolean; canReview: boolean; findings: ContentFinding[] | null; failed?: { form: PostFormName } & Form }) {
  const { ctx, view, failed } = props;
  const p = view.post;
  const f = (name: PostFormName): Form => (failed?.form === name ? failed : emptyForm);
  const editable = p.state === 'draft' || p.state === 'returned';
  return (
    <StaffLayout ctx={ctx} title={p.title} breadcrumbs={crumbs({ href: `${BASE}/posts`, label: '稿件' }, { label: p.title })}>
      <h1>{p.title}</h1>
      {failed?.reasons?.length ? <RefusalBox reasons={failed.reasons} /> : null}
      {/* Errors of a form this page no longer offers (the post moved on): said at the top. */}
      {failed && !(failed.form === 'review' ? props.canReview && p.state === 'in_review' : failed.form === 'release' ? props.canWrite && p.state === 'ready' : true) ? <ErrorSummary errors={failed.errors} /> : null}
      <dl class="facts">
        <dt>账号</dt>
        <dd>
          <a href={`${BASE}/accounts/${view.account.id}`}>{view.account.name}</a>（{view.account.platform}，{view.unitName}）
        </dd>
        <dt>撰写人</dt>
        <dd>{p.authorName}</dd>
        <dt>状态</dt>
        <dd>
          <strong>{stateText(p)}</strong>
        </dd>
        {p.chain.length ? (
          <>
            <dt>审核环节</dt>
            <dd>
              <ol class="nm-chain">
                {p.chain.map((s, i) => (
                  <li key={s} aria-current={p.state === 'in_review' && i === p.step ? 'step' : undefined}>
                    {s}
                    {p.state === 'in_review' && i === p.step ? '（当前）' : i < p.step || p.state === 'ready' || p.state === 'released' ? '（已通过）' : ''}
                  </li>
                ))}
              </ol>
            </dd>
          </>
        ) : null}
        {p.state === 'returned' ? (
          <>
            <dt>退回理由</dt>
            <dd>{p.returnReason}</dd>
          </>
        ) : null}
        {p.releasedAt ? (
          <>
            <dt>发布时间</dt>
            <dd>
              {formatInstant(p.releasedAt)}
              {p.releasedUrl ? (
                <>
                  ，<a href={p.releasedUrl}>查看原文</a>
                </>
              ) : null}
            </dd>
          </>
        ) : null}
      </dl>
      <h2>正文</h2>
      <div class="record-body" dangerouslySetInnerHTML={{ __html: p.bodyHtml }} />

      {props.findings ? (
        <section aria-labelledby="check-h">
          <h2 id="check-h">内容检查</h2>
          {props.findings.length ? <ContentFindingsTable findings={props.findings} caption={`发现${props.findings.length}处疑似问题，请审核人员逐条核对`} /> : <p class="status-ok">未发现错敏词等问题。</p>}
        </section>
      ) : null}

      {props.canWrite && editable ? (
        <section aria-labelledby="submit-h">
          <h2 id="submit-h">提交审核</h2>
          <p>
            <a href={`${BASE}/posts/${p.id}/edit`}>修改稿件</a>
          </p>
          <form method="post" action={`${BASE}/posts/${p.id}/submit`}>
            <CsrfField token={ctx.csrfToken} />
            <button type="submit" class="button">
              提交审核
            </button>
          </form>
        </section>
      ) : null}

      {props.canReview && p.state === 'in_review' ? (
        <section aria-labelledby="review-h">
          <h2 id="review-h">{p.chain[p.step]}</h2>
          <ErrorSummary errors={f('review').errors} />
          <form method="post" action={`${BASE}/posts/${p.id}/review`} class="narrow">
            <CsrfField token={ctx.csrfToken} />
            <input type="hidden" name="step" value={String(p.step)} />
            <RadioGroup
              name="decision"
              legend="审核意见"
              value={f('review').values.decision ?? ''}
              error={f('review').errors.decision}
              options={[
                { value: 'approve', label: p.step + 1 >= p.chain.length ? '通过，可以发布' : `通过，送${p.chain[p.step + 1]}` },
                { value: 'return', label: '退回修改' },
              ]}
              required
            />
            <TextArea name="reason" label="审核意见或退回理由" hint="退回时必须填写" value={f('review').values.reason} error={f('review').errors.reason} rows={3} />
            <button type="submit" class="button">
              提交
            </button>
          </form>
        </section>
      ) : null}

      {props.canWrite && p.state === 'ready' ? (
        <section aria-labelledby="release-h">
          <h2 id="release-h">登记发布</h2>
          <p>在平台上发布后，登记实际发布时间和链接。</p>
          <ErrorSummary errors={f('release').errors} />
          <form method="post" action={`${BASE}/posts/${p.id}/release`} class="narrow">
            <CsrfField token={ctx.csrfToken} />
            <TextField name="releasedAt" type="datetime-local" label="发布时间" hint="北京时间，如 2026-11-26 10:30" value={f('release').values.releasedAt} error={f('release').errors.releasedAt} required />
            <TextField name="url" label="发布链接" hint="以 http:// 或 https:// 开头，可不填" value={f('release').values.url} error={f('release').errors.url} maxLength={500} />
            <button type="submit" class="button">
              登记发布
            </button>
          </form>
        </section>
      ) : null}

      <section aria-labelledby="events-h">
        <h2 id="events-h">办理记录</h2>
        <ol class="history">
          {view.events.map((e) => (
            <li key={e.id}>
              {formatInstant(e.at)}，{e.actorName}：{e.stepName ? `${e.stepName}${e.action === 'approve' ? '通过' : '退回'}` : ACTION_LABELS[e.action]}
              {e.reason ? `。${e.reason}` : ''}
            </li>
          ))}
        </ol>
      </section>
    </StaffLayout>
  );
}
