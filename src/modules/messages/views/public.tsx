// Public pages of 互动交流: the column (published items, search, per-unit statistics), a write form per
// channel, the confirmation with 编号 and 查询码, the lookup with the full history and the rating.
// Personal data is never shown here except what the caller typed on the form being filled in.
import { KnowledgeList } from './knowledge.tsx';
import type { KnowledgeEntry } from '../service-knowledge.ts';
import type { PageContext } from '../../../core/ui/context.ts';
import { PublicLayout } from '../../../core/ui/layout.tsx';
import { CsrfField, ErrorSummary, Pagination, RadioGroup, SelectField, TextArea, TextField } from '../../../core/ui/components.tsx';
import type { FieldErrors } from '../../../core/http/form.ts';
import { formatInstant } from '../../../core/clock.ts';
import { CHANNEL_LABELS, KIND_LABELS, KINDS, WEB_CHANNELS, type Channel } from '../domain/kinds.ts';
import { SATISFACTION_LABELS, STATE_LABELS, type MessageState } from '../domain/states.ts';
import { PAGE_SIZE, type HistoryRow, type PublishedItem, type PublishedRow, type UnitStat } from '../service-read.ts';
import { HistoryTable, UnitStatsTable } from './parts.tsx';

const BASE = '/messages';
const CRUMB = { href: BASE, label: '互动交流' };

export const CHANNEL_SLUGS: Record<string, Channel> = { secretary: 'secretary_mailbox', mayor: 'mayor_mailbox', unit: 'unit_mailbox', consult: 'consult', 'site-error': 'site_error' };
export const SLUG_OF: Record<Channel, string> = { secretary_mailbox: 'secretary', mayor_mailbox: 'mayor', unit_mailbox: 'unit', consult: 'consult', site_error: 'site-error', hotline: '', from_request: '' };

const CHANNEL_HINTS: Record<Channel, string> = {
  secretary_mailbox: '向市委书记反映问题、提出意见建议',
  mayor_mailbox: '向市长反映问题、提出意见建议',
  unit_mailbox: '直接写信给市政府部门或乡镇',
  consult: '咨询政策、办事流程',
  site_error: '发现本网站内容错误、链接失效等问题',
  hotline: '',
  from_request: '',
};

export function MessagesHomePage({ ctx, rows, total, capped = false, page, q, stats, since }: { ctx: PageContext; rows: PublishedRow[]; total: number; capped?: boolean; page: number; q: string; stats: UnitStat[]; since: string }) {
  return (
    <PublicLayout ctx={ctx} title="互动交流" breadcrumbs={[{ label: '互动交流' }]}>
      <h1>互动交流</h1>
      <p>群众诉求统一接收、按责转办、限时办结、统一督办、及时回应。也可拨打 96128 热线（7×24小时人工服务）。</p>
      <ul class="card-list">
        {WEB_CHANNELS.map((c) => (
          <li key={c}>
            <a href={`${BASE}/write/${SLUG_OF[c]}`}>{CHANNEL_LABELS[c]}</a> <span class="hint">{CHANNEL_HINTS[c]}</span>
          </li>
        ))}
        <li>
          <a href={`${BASE}/lookup`}>查询办理进度和答复</a>
        </li>
      </ul>
      <h2 id="published">公开选登</h2>
      <form method="get" action={BASE} class="filters" role="search" aria-label="搜索公开选登的留言">
        <div class="field">
          <label for="q">关键词</label>
          <input id="q" name="q" type="search" value={q} maxLength={50} />
        </div>
        <button type="submit" class="button">搜索</button>
      </form>
      {rows.length ? (
        <div class="table-wrap" role="region" tabIndex={0} aria-label="公开选登的留言">
          <table>
            <caption>
              {q ? `含“${q}”的` : ''}公开选登留言{capped ? `超过 ${total} 件，请加关键词缩小范围` : `共 ${total} 件`}
            </caption>
            <thead>
              <tr>
                <th scope="col">标题</th>
                <th scope="col">类型</th>
                <th scope="col">留言时间</th>
                <th scope="col">答复时间</th>
                <th scope="col">答复单位</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.itemNo}>
                  <th scope="row">
                    <a href={`${BASE}/item/${r.itemNo}`}>{r.title}</a>
                  </th>
                  <td>{KIND_LABELS[r.kind]}</td>
                  <td class="nowrap">{formatInstant(r.receivedAt)}</td>
                  <td class="nowrap">{r.repliedOn ?? '—'}</td>
                  <td>{r.unitName}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{q ? `没有找到含“${q}”的公开留言。` : '暂无公开选登的留言。'}</p>
      )}
      <Pagination page={page} pageCount={Math.ceil(total / PAGE_SIZE)} hrefFor={(p) => `${BASE}?${new URLSearchParams({ ...(q ? { q } : {}), page: String(p) })}#published`} />
      <h2>各单位办理情况</h2>
      <UnitStatsTable stats={stats} caption={`各单位办理情况（${since} 以来受理的诉求）`} />
    </PublicLayout>
  );
}

export interface UnitOption {
  slug: string;
  name: string;
}

export function WriteFormPage({ ctx, channel, units, subjects = [], values, errors, idempotencyKey, action, faq }: { ctx: PageContext; channel: Channel; units: UnitOption[]; subjects?: { id: number; label: string }[]; values: Record<string, string>; errors: FieldErrors; idempotencyKey: string; action: string; faq?: KnowledgeEntry[] }) {
  const title = CHANNEL_LABELS[channel];
  return (
    <PublicLayout ctx={ctx} title={Object.keys(errors).length ? `错误：${title}` : title} breadcrumbs={[CRUMB, { label: title }]}>
      <h1>{title}</h1>
      <p>{CHANNEL_HINTS[channel]}。提交后将得到编号和查询码，凭此查询办理进度和答复。</p>
      <p class="hint">依法应当通过诉讼、仲裁、行政复议、信访等程序解决的事项，以及申请获取政府信息，请走相应渠道（获取政府信息请 <a href="/requests/apply">提出政府信息公开申请</a>）。紧急情况请拨打110、119、120。</p>
      {faq?.length ? (
        <section aria-labelledby="faq-title" id="faq">
          <h2 id="faq-title" tabIndex={-1} data-autofocus>
            先查看常见问题
          </h2>
          <p>您的问题可能已有答复。看过后如果仍需留言，请在下方点“仍要提交”（已填写的内容都保留着）。</p>
          <KnowledgeList entries={faq} />
        </section>
      ) : null}
      <ErrorSummary errors={errors} />
      <form method="post" action={action} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
        {faq ? <input type="hidden" name="faqSeen" value="1" /> : null}
        {channel === 'unit_mailbox' ? <SelectField name="mailboxUnit" label="写信给" value={values.mailboxUnit} error={errors.mailboxUnit} required placeholder="请选择部门或乡镇" options={units.map((u) => ({ value: u.slug, label: u.name }))} /> : null}
        {channel !== 'site_error' ? (
          <RadioGroup name="kind" legend="诉求类型" value={values.kind ?? ''} error={errors.kind} required inline options={KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] }))} />
        ) : null}
        {subjects.length ? <SelectField name="subjectId" label="主题分类（选填）" value={values.subjectId} error={errors.subjectId} placeholder="不确定可不选" options={subjects.map((x) => ({ value: String(x.id), label: x.label }))} /> : null}
        <TextField name="title" label="标题" value={values.title} error={errors.title} required maxLength={60} hint="一句话概括，不超过60个字" />
        <TextArea
          name="content"
          label={channel === 'site_error' ? '错误内容' : '诉求内容'}
          value={values.content}
          error={errors.content}
          required
          rows={8}
          hint={channel === 'site_error' ? '请写明出错的网页地址和错误内容' : '写清楚时间、地点和事情经过，不超过3000个字'}
        />
        <TextField name="callerName" label="姓名" value={values.callerName} error={errors.callerName} required autocomplete="name" maxLength={30} />
        <TextField name="callerPhone" label="联系电话" value={values.callerPhone} error={errors.callerPhone} required type="tel" autocomplete="tel" inputMode="tel" maxLength={20} hint="用于办理单位联系您和回访，不会公开" />
        <TextField name="callerEmail" label="电子邮箱（选填）" value={values.callerEmail} error={errors.callerEmail} type="email" autocomplete="email" maxLength={100} />
        <RadioGroup
          name="allowPublication"
          legend="是否同意公开"
          value={values.allowPublication ?? ''}
          error={errors.allowPublication}
          required
          options={[
            { value: 'yes', label: '同意公开', hint: '公开时隐去姓名、电话等个人信息' },
            { value: 'no', label: '不同意公开' },
          ]}
        />
        <div class="field">
          <label class="checkbox">
            <input type="checkbox" name="keepIdentity" id="f-keepIdentity" checked={values.keepIdentity === 'on'} /> 对承办单位保密我的姓名和电话（举报人可要求对个人信息保密）
          </label>
        </div>
        <button type="submit" class="button">
          {faq ? '仍要提交' : '提交'}
        </button>
      </form>
    </PublicLayout>
  );
}

export function SubmittedPage({ ctx, itemNo, lookupCode, channel, dueOn, duplicate }: { ctx: PageContext; itemNo: string; lookupCode: string; channel: Channel; dueOn: string; duplicate: boolean }) {
  return (
    <PublicLayout ctx={ctx} title="提交成功" breadcrumbs={[CRUMB, { label: '提交成功' }]}>
      <h1>提交成功</h1>
      {duplicate ? <p>这份留言已经提交过，以下是同一编号。</p> : null}
      <p>您的{CHANNEL_LABELS[channel]}留言已受理。请记下编号和查询码，凭此查询办理进度和答复：</p>
      <dl class="facts">
        <dt>编号</dt>
        <dd>
          <strong id="item-no">{itemNo}</strong>
        </dd>
        <dt>查询码</dt>
        <dd>
          <strong id="lookup-code" class="code">{lookupCode}</strong>
        </dd>
        <dt>应办结日期</dt>
        <dd>{dueOn}（按工作日计算；派单、延期和重办以查询页为准）</dd>
      </dl>
      <p>查询码只显示这一次，本网站不保存查询码，请妥善保管。</p>
      <p>
        <a href={`${BASE}/lookup`}>查询办理进度</a>
      </p>
    </PublicLayout>
  );
}

export function LookupFormPage({ ctx, values, errors }: { ctx: PageContext; values: Record<string, string>; errors: FieldErrors }) {
  return (
    <PublicLayout ctx={ctx} title={Object.keys(errors).length ? '错误：查询办理进度' : '查询办理进度'} breadcrumbs={[CRUMB, { label: '查询办理进度' }]}>
      <h1>查询办理进度</h1>
      <ErrorSummary errors={errors} />
      <form method="post" action={`${BASE}/lookup`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextField name="itemNo" label="编号" value={values.itemNo} error={errors.itemNo} required hint="如 HD-2026-000123" maxLength={30} />
        <TextField name="code" label="查询码" value={values.code} error={errors.code} required maxLength={20} autocomplete="off" />
        <button type="submit" class="button">
          查询
        </button>
      </form>
    </PublicLayout>
  );
}

export interface CallerView {
  itemNo: string;
  title: string;
  content: string;
  channel: Channel;
  kindLabel: string;
  state: MessageState;
  receivedAt: Date;
  dueOn: string;
  unitName: string;
  replyText: string;
  repliedOn: string | null;
  satisfaction: string | null;
  canRate: boolean;
  canRedo: boolean;
  /** 并单: the main item this one follows (its state, time limit and reply are shown). */
  mergedInto?: string;
  /** 依申请公开 受理编号 this item became (转依申请公开) or came from. */
  linkedRequestNo?: string;
}

export function LookupResultPage({ ctx, item, history, code, errors, values }: { ctx: PageContext; item: CallerView; history: HistoryRow[]; code: string; errors: FieldErrors; values: Record<string, string> }) {
  return (
    <PublicLayout ctx={ctx} title={`办理进度 ${item.itemNo}`} breadcrumbs={[CRUMB, { href: `${BASE}/lookup`, label: '查询办理进度' }, { label: item.itemNo }]}>
      <h1>办理进度</h1>
      {item.mergedInto ? (
        <p class="flash" id="merged-notice">
          您反映的问题与 {item.mergedInto} 相同，已并入该件合并办理（并单）：下面的状态、期限和答复即该件的办理情况。
        </p>
      ) : null}
      {item.linkedRequestNo && item.state === 'transferred' ? (
        <p class="flash" id="request-notice">
          您的诉求已转为政府信息公开申请办理，受理编号 <strong>{item.linkedRequestNo}</strong>。请凭该受理编号和本诉求的查询码<a href="/requests/lookup">查询申请的办理进度</a>。
        </p>
      ) : null}
      {item.linkedRequestNo && item.channel === 'from_request' ? (
        <p class="flash" id="request-notice">
          本诉求由您的政府信息公开申请 {item.linkedRequestNo} 转来（以申请形式提出的投诉、举报或咨询，按互动交流办理）。
        </p>
      ) : null}
      <dl class="facts">
        <dt>编号</dt>
        <dd>{item.itemNo}</dd>
        <dt>渠道</dt>
        <dd>{CHANNEL_LABELS[item.channel]}</dd>
        <dt>类型</dt>
        <dd>{item.kindLabel}</dd>
        <dt>标题</dt>
        <dd>{item.title}</dd>
        <dt>留言时间</dt>
        <dd>{formatInstant(item.receivedAt)}</dd>
        <dt>当前状态</dt>
        <dd>
          <strong>{STATE_LABELS[item.state]}</strong>
          {item.mergedInto ? `（已并入 ${item.mergedInto}）` : ''}
        </dd>
        <dt>应办结日期</dt>
        <dd>{item.dueOn}</dd>
        {item.unitName ? (
          <>
            <dt>承办单位</dt>
            <dd>{item.unitName}</dd>
          </>
        ) : null}
        {item.satisfaction ? (
          <>
            <dt>您的评价</dt>
            <dd>{item.satisfaction}</dd>
          </>
        ) : null}
      </dl>
      {item.replyText && (item.state === 'visiting' || item.state === 'closed' || item.state === 'refused' || item.state === 'transferred') ? (
        <section aria-labelledby="reply-title">
          <h2 id="reply-title">答复{item.repliedOn ? `（${item.repliedOn}）` : ''}</h2>
          {item.replyText.split('\n').map((l, i) => (
            <p key={i}>{l}</p>
          ))}
        </section>
      ) : null}
      {item.canRate ? (
        <section aria-labelledby="rate-title">
          <h2 id="rate-title">评价办理结果</h2>
          <ErrorSummary errors={errors} />
          <form method="post" action={`${BASE}/lookup/rate`} novalidate>
            <CsrfField token={ctx.csrfToken} />
            <input type="hidden" name="itemNo" value={item.itemNo} />
            <input type="hidden" name="code" value={code} />
            <RadioGroup
              name="satisfaction"
              legend="您对办理结果是否满意"
              value={values.satisfaction ?? ''}
              error={errors.satisfaction}
              required
              options={(['satisfied', 'basically', 'unsatisfied'] as const).map((s) => ({ value: s, label: SATISFACTION_LABELS[s], hint: s === 'unsatisfied' && item.canRedo ? '可退回承办单位重办一次，请写明理由' : undefined }))}
            />
            <TextArea name="note" label="意见或不满意的理由" value={values.note} error={errors.note} rows={4} hint="选择不满意的，请写明理由" />
            <button type="submit" class="button">
              提交评价
            </button>
          </form>
        </section>
      ) : null}
      <h2>办理过程</h2>
      <HistoryTable rows={history} showPeople={false} />
      <h2>您的留言</h2>
      {item.content.split('\n').map((l, i) => (
        <p key={i}>{l}</p>
      ))}
    </PublicLayout>
  );
}

export function PublishedItemPage({ ctx, item }: { ctx: PageContext; item: PublishedItem }) {
  return (
    <PublicLayout ctx={ctx} title={item.title} breadcrumbs={[CRUMB, { label: item.title }]}>
      <h1>{item.title}</h1>
      <dl class="facts">
        <dt>渠道</dt>
        <dd>{CHANNEL_LABELS[item.channel]}</dd>
        <dt>类型</dt>
        <dd>{KIND_LABELS[item.kind]}</dd>
        <dt>留言时间</dt>
        <dd>{formatInstant(item.receivedAt)}</dd>
        <dt>答复时间</dt>
        <dd>{item.repliedOn ?? '—'}</dd>
        <dt>答复单位</dt>
        <dd>{item.unitName}</dd>
      </dl>
      <h2>留言内容</h2>
      {item.content.split('\n').map((l, i) => (
        <p key={i}>{l}</p>
      ))}
      <h2>答复内容</h2>
      {item.reply.split('\n').map((l, i) => (
        <p key={i}>{l}</p>
      ))}
    </PublicLayout>
  );
}
