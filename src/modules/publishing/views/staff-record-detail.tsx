// A record in the back office: metadata, body, attachments, interpretation, versions, review log and
// the actions the signed-in user may take now.
import type { ComponentChildren } from 'preact';
import type { PageContext } from '../../../core/ui/context.ts';
import { StaffLayout } from '../../../core/ui/layout.tsx';
import { CsrfField, ErrorSummary, fieldId, RadioGroup, SelectField, TextArea, TextField } from '../../../core/ui/components.tsx';
import { ACTION_LABELS, type WorkflowAction } from '../domain/workflow.ts';
import { ATTACHMENT_ROLE_LABELS, STATE_LABELS, VALIDITY_LABELS, WITHDRAW_REASON_LABELS, type RecordState } from '../domain/vocab.ts';
import { recordNextSteps } from '../domain/next-steps.ts';
import { MoreActions, NextStepsBox } from '../../../core/ui/next-steps.tsx';
import { Reasons, RECORDS_CRUMB, recordHref, StateTag } from './staff-shared.tsx';
import { PERSONAL_DATA_LABELS, type PersonalDataHit } from '../domain/personal-data.ts';
import type { ContentFinding } from '../content-check.ts';
import { ContentFindingsTable } from './content-findings.tsx';

export interface DetailAttachment {
  code: string;
  name: string;
  roleLabel: string;
  fileType: string;
  size: string;
  uploadedAt: string;
}

export interface LinkedRecord {
  code: string;
  title: string;
  state: RecordState;
  extra: string;
}

export interface VersionEntry {
  lockVersion: number;
  event: string;
  changeNote: string;
  by: string;
  at: string;
  isPublic: boolean;
  diffHref: string | null;
}

export interface ReviewEntry {
  action: string;
  actor: string;
  at: string;
  reasons: string[];
  note: string;
}

export interface ActionForms {
  /** Field errors of the action form that was refused, keyed by field name. */
  errors: Record<string, string>;
  /** Values typed into that form. */
  values: Record<string, string>;
}

export interface RecordDetailProps {
  ctx: PageContext;
  record: {
    code: string;
    title: string;
    state: RecordState;
    kind: string;
    indexNo: string | null;
    unitName: string;
    revision: number;
    lockVersion: number;
    reviewOwed: boolean;
    scheduledAt: string | null;
    sendBackReasons: string[];
    withdrawal: { reason: string; note: string; at: string } | null;
    timeliness: { note: string; late: boolean | null } | null;
    requiresInterpretation: boolean;
    publicHref: string | null;
  };
  metadata: { label: string; value: string }[];
  /** 身份证号 / 手机号码 found in the record's text (a warning, not a refusal). */
  personalData: PersonalDataHit[];
  /** The content check's findings and their fingerprint (null when no check is set up). */
  contentCheck: { findings: ContentFinding[]; fingerprint: string } | null;
  bodyHtml: string;
  attachments: DetailAttachment[];
  interpretations: LinkedRecord[];
  policies: LinkedRecord[];
  versions: VersionEntry[];
  reviewLog: ReviewEntry[];
  allowed: WorkflowAction[];
  canAttach: boolean;
  canLink: boolean;
  /** Refusal reasons of the last action (re-rendered, not redirected). */
  refusal?: { action: string; reasons: string[] };
  forms?: ActionForms;
  today: string;
  maxUploadMb: number;
}

function ActionForm({ ctx, code, path, children, label, warning }: { ctx: PageContext; code: string; path: string; children?: ComponentChildren; label: string; warning?: boolean }) {
  return (
    <form method="post" action={`${recordHref(code)}/${path}`} class="action-form" novalidate>
      <CsrfField token={ctx.csrfToken} />
      {children}
      <button type="submit" class={warning ? 'button warning' : 'button'}>
        {label}
      </button>
    </form>
  );
}

/** The reviewer confirms the content check's findings shown above (their fingerprint travels with the form). */
function ContentConfirm({ p, v }: { p: RecordDetailProps; v: Record<string, string> }) {
  const c = p.contentCheck;
  if (!c || !c.findings.length) return null;
  const id = fieldId('contentConfirmed');
  return (
    <div class="field">
      <label class="checkbox" for={id}>
        <input type="checkbox" id={id} name="contentConfirmed" value={c.fingerprint} checked={v.contentConfirmed === c.fingerprint} /> 已逐条核对内容检查提示（{c.findings.length}处），确认无误或已作处理
      </label>
    </div>
  );
}

function ContentFindings({ check }: { check: NonNullable<RecordDetailProps['contentCheck']> }) {
  if (!check.findings.length) {
    return <p>内容检查：未发现错敏词、过期表述或个人信息。</p>;
  }
  return (
    <section class="warning-box" aria-labelledby="content-check">
      <h2 id="content-check">内容检查提示（{check.findings.length}处）</h2>
      <p>发布前请逐条核对：需要修改的退回修改；确认无误的，由审核人在“审核通过”时勾选确认。标为“严重”的属于单项否决或不得公开的情形。</p>
      <ContentFindingsTable findings={check.findings} caption="内容检查提示" hideCaption />
    </section>
  );
}

/** Which action's form a field belongs to (to open the fold that holds a refused form). */
const FIELD_ACTION: Record<string, WorkflowAction> = {
  approveNote: 'approve',
  contentConfirmed: 'approve',
  reasons: 'send_back',
  when: 'publish',
  scheduleAt: 'publish',
  urgentReason: 'force_publish',
  confirm: 'force_publish',
  reviewNote: 'review_forced',
  validity: 'set_validity',
  changedOn: 'set_validity',
  replacedByIndexNo: 'set_validity',
  reason: 'withdraw',
  note: 'withdraw',
};

/** The forms of the allowed actions that `show` picks. */
function Actions(p: RecordDetailProps & { show: (a: WorkflowAction) => boolean }) {
  const r = p.record;
  const a = new Set(p.allowed.filter(p.show));
  const e = p.forms?.errors ?? {};
  const v = p.forms?.values ?? {};
  const ctx = p.ctx;
  if (!a.size) return null;
  return (
    <div class="record-actions">
      {a.has('edit') ? (
        <p>
          <a class="button secondary" href={`${recordHref(r.code)}/edit`}>
            编辑草稿
          </a>
        </p>
      ) : null}
      {a.has('submit') ? (
        <section aria-labelledby="act-submit">
          <h3 id="act-submit">{ACTION_LABELS.submit}</h3>
          <p class="hint">提交后由本单位审核人进行保密审查（《政府信息公开条例》第十七条）。{r.requiresInterpretation ? '本信息须关联公开的政策解读，与文件同步发布。' : ''}</p>
          <ActionForm ctx={ctx} code={r.code} path="submit" label="提交审核" />
        </section>
      ) : null}
      {a.has('approve') ? (
        <section aria-labelledby="act-approve">
          <h3 id="act-approve">{ACTION_LABELS.approve}</h3>
          <ActionForm ctx={ctx} code={r.code} path="approve" label="审核通过">
            <ContentConfirm p={p} v={v} />
            <TextArea name="approveNote" label="审核意见（选填）" value={v.approveNote} error={e.approveNote} rows={2} />
          </ActionForm>
        </section>
      ) : null}
      {a.has('send_back') ? (
        <section aria-labelledby="act-send-back">
          <h3 id="act-send-back">{ACTION_LABELS.send_back}</h3>
          <ActionForm ctx={ctx} code={r.code} path="send-back" label="退回修改">
            <TextArea name="reasons" label="退回理由" value={v.reasons} error={e.reasons} rows={3} hint="每行一条理由，信息员会看到这些理由。" required />
          </ActionForm>
        </section>
      ) : null}
      {a.has('publish') ? (
        <section aria-labelledby="act-publish">
          <h3 id="act-publish">{ACTION_LABELS.publish}</h3>
          <ActionForm ctx={ctx} code={r.code} path="publish" label="发布">
            <RadioGroup
              inline
              name="when"
              legend="发布时间"
              value={v.when || 'now'}
              error={e.when}
              options={[
                { value: 'now', label: '立即发布' },
                { value: 'schedule', label: '定时发布' },
              ]}
            />
            <TextField
              name="scheduleAt"
              label="定时发布的时间（北京时间）"
              type="datetime-local"
              value={v.scheduleAt}
              error={e.scheduleAt}
              hint="选择“定时发布”时填写日期和时间（北京时间），例如 2026年12月1日 上午9:00。"
            />
          </ActionForm>
        </section>
      ) : null}
      {a.has('cancel_schedule') ? (
        <section aria-labelledby="act-cancel">
          <h3 id="act-cancel">{ACTION_LABELS.cancel_schedule}</h3>
          <p>将于 {r.scheduledAt} 自动发布。</p>
          <ActionForm ctx={ctx} code={r.code} path="cancel-schedule" label="取消定时发布" />
        </section>
      ) : null}
      {a.has('force_publish') ? (
        <section aria-labelledby="act-force">
          <h3 id="act-force">{ACTION_LABELS.force_publish}</h3>
          <p class="hint">紧急情况下由单位管理员直接发布，跳过审核；发布后列入“待补充审核”清单，直至审核人补充审核。此操作记入日志。</p>
          <ActionForm ctx={ctx} code={r.code} path="force-publish" label="确认紧急发布" warning>
            <ContentConfirm p={p} v={v} />
            <TextArea name="urgentReason" label="紧急发布的理由" value={v.urgentReason} error={e.urgentReason} rows={2} required />
            <div class={e.confirm ? 'field field-error' : 'field'}>
              {e.confirm ? (
                <p class="field-message" id={`${fieldId('confirm')}-error`}>
                  <span class="visually-hidden">错误：</span>
                  {e.confirm}
                </p>
              ) : null}
              <label class="checkbox" for={fieldId('confirm')}>
                <input type="checkbox" id={fieldId('confirm')} name="confirm" value="on" checked={v.confirm === 'on'} /> 我确认此信息须立即发布，并已知晓发布后须补充审核
              </label>
            </div>
          </ActionForm>
        </section>
      ) : null}
      {a.has('review_forced') ? (
        <section aria-labelledby="act-review-forced">
          <h3 id="act-review-forced">{ACTION_LABELS.review_forced}</h3>
          <ActionForm ctx={ctx} code={r.code} path="review-forced" label="完成补充审核">
            <TextArea name="reviewNote" label="审核意见（选填）" value={v.reviewNote} error={e.reviewNote} rows={2} />
          </ActionForm>
        </section>
      ) : null}
      {a.has('revise') ? (
        <section aria-labelledby="act-revise">
          <h3 id="act-revise">{ACTION_LABELS.revise}</h3>
          <p>
            <a class="button secondary" href={`${recordHref(r.code)}/revise`}>
              修订此信息
            </a>
          </p>
        </section>
      ) : null}
      {a.has('set_validity') ? (
        <section aria-labelledby="act-validity">
          <h3 id="act-validity">{ACTION_LABELS.set_validity}</h3>
          <ActionForm ctx={ctx} code={r.code} path="validity" label="保存有效性">
            <RadioGroup
              inline
              name="validity"
              legend="有效性"
              value={v.validity || ''}
              error={e.validity}
              options={Object.entries(VALIDITY_LABELS).map(([value, label]) => ({ value, label }))}
              required
            />
            <TextField name="changedOn" label="失效或废止日期" type="date" value={v.changedOn} error={e.changedOn} hint={`格式如 ${p.today}；恢复为“有效”时不填。`} />
            <TextField name="replacedByIndexNo" label="被替代为（新文件的索引号，选填）" value={v.replacedByIndexNo} error={e.replacedByIndexNo} maxLength={64} />
          </ActionForm>
        </section>
      ) : null}
      {a.has('withdraw') ? (
        <section aria-labelledby="act-withdraw">
          <h3 id="act-withdraw">{ACTION_LABELS.withdraw}</h3>
          <p class="hint">撤回后页面保留，并显示撤回说明。</p>
          <ActionForm ctx={ctx} code={r.code} path="withdraw" label="撤回" warning>
            <RadioGroup
              inline
              name="reason"
              legend="撤回原因"
              value={v.reason || ''}
              error={e.reason}
              options={Object.entries(WITHDRAW_REASON_LABELS).map(([value, label]) => ({ value, label }))}
              required
            />
            <TextArea name="note" label="撤回说明" value={v.note} error={e.note} rows={2} hint="将显示在公开页面上。" required />
          </ActionForm>
        </section>
      ) : null}
    </div>
  );
}

function LinkedList({ items, empty }: { items: LinkedRecord[]; empty: string }) {
  if (!items.length) return <p>{empty}</p>;
  return (
    <ul>
      {items.map((i) => (
        <li key={i.code}>
          <a href={recordHref(i.code)}>{i.title}</a> <StateTag state={i.state} /> {i.extra}
        </li>
      ))}
    </ul>
  );
}

export function RecordDetailPage(p: RecordDetailProps) {
  const r = p.record;
  const e = p.forms?.errors ?? {};
  const v = p.forms?.values ?? {};
  const actionErrors = Object.fromEntries(Object.entries(e).filter(([k]) => !['file', 'role', 'interpretation', 'changeNote'].includes(k)));
  const published = r.state === 'published';
  const steps = recordNextSteps({ state: r.state, allowed: p.allowed, reviewOwed: r.reviewOwed, scheduledAt: r.scheduledAt, sentBack: r.sendBackReasons.length > 0 });
  const primary = new Set(steps.primary);
  const others = p.allowed.filter((a) => !primary.has(a));
  const refusedAction = p.refusal ? p.allowed.find((a) => ACTION_LABELS[a] === p.refusal!.action) : undefined;
  const erredActions = Object.keys(actionErrors).map((k) => FIELD_ACTION[k]);
  const failedInOthers = others.some((a) => a === refusedAction || erredActions.includes(a));
  return (
    <StaffLayout ctx={p.ctx} title={r.title} breadcrumbs={[RECORDS_CRUMB, { label: r.title }]}>
      <h1>{r.title}</h1>
      <p>
        <StateTag state={r.state} /> {r.kind === 'interpretation' ? '政策解读 · ' : ''}
        {r.unitName}
        {r.indexNo ? ` · 索引号 ${r.indexNo}` : ''}
        {r.revision > 0 ? ` · 第${r.revision}版` : ''}
        {r.publicHref ? (
          <>
            {' · '}
            <a href={r.publicHref}>查看公开页面</a>
          </>
        ) : null}
      </p>
      {p.refusal ? <Reasons title={`未能${p.refusal.action}`} reasons={p.refusal.reasons} /> : null}
      <ErrorSummary errors={e} />
      {r.state === 'draft' && r.sendBackReasons.length ? (
        <div class="warning-box">
          <h2>退回理由</h2>
          <ul>
            {r.sendBackReasons.map((x, i) => (
              <li key={i}>{x}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {p.contentCheck ? <ContentFindings check={p.contentCheck} /> : null}
      {!p.contentCheck && p.personalData.length ? (
        <div class="warning-box" role="note">
          <h2>可能含有个人信息</h2>
          <p>以下内容像是公民个人信息（《政府信息公开条例》第十五条：涉及个人隐私的信息不得公开）。审核时请确认已删除或做去标识化处理：</p>
          <ul>
            {p.personalData.map((h, i) => (
              <li key={i}>
                {h.where}：{PERSONAL_DATA_LABELS[h.kind]} {h.masked}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {r.reviewOwed ? (
        <div class="warning-box">
          <p>
            <strong>待补充审核：</strong>此信息由单位管理员紧急发布，尚未经审核人审核。
          </p>
        </div>
      ) : null}
      {r.withdrawal ? (
        <div class="warning-box">
          <p>
            <strong>已撤回</strong>（{r.withdrawal.at}）：{r.withdrawal.reason}。{r.withdrawal.note}
          </p>
        </div>
      ) : null}
      {r.timeliness ? (
        <p class={r.timeliness.late ? 'status-bad' : undefined}>
          {r.timeliness.late ? '超期公开：' : '公开时限：'}
          {r.timeliness.note}
        </p>
      ) : null}

      <NextStepsBox
        status={
          <p>
            状态：<strong>{STATE_LABELS[r.state]}</strong>
            {r.state === 'scheduled' && r.scheduledAt ? `；定时发布时间：${r.scheduledAt}` : ''}
            {r.reviewOwed ? '；待补充审核' : ''}。
          </p>
        }
        waitingFor={steps.waitingFor}
        idle={!steps.primary.length}
        notes={steps.settled ? <p>{steps.settled}</p> : null}
      >
        <Actions {...p} forms={{ errors: actionErrors, values: v }} show={(a) => primary.has(a)} />
      </NextStepsBox>

      <section aria-labelledby="h-actions">
        <h2 id="h-actions">办理</h2>
        {!p.allowed.length ? <p>您对此信息暂无可办理的操作。</p> : null}
        <MoreActions count={others.length} afterNextSteps={primary.size > 0} open={failedInOthers}>
          <Actions {...p} forms={{ errors: actionErrors, values: v }} show={(a) => !primary.has(a)} />
        </MoreActions>
      </section>

      <section aria-labelledby="h-meta">
        <h2 id="h-meta">元数据</h2>
        <div class="table-wrap" role="region" tabIndex={0} aria-label="信息的元数据">
          <table class="item-elements">
            <caption class="visually-hidden">信息的元数据</caption>
            <tbody>
              {p.metadata.map((m) => (
                <tr key={m.label}>
                  <th scope="row">{m.label}</th>
                  <td>{m.value || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="h-body">
        <h2 id="h-body">正文</h2>
        {/* bodyHtml is stored sanitised (core/html/sanitize.ts) and sanitised again before display. */}
        <div class="record-body" dangerouslySetInnerHTML={{ __html: p.bodyHtml }} />
      </section>

      <section aria-labelledby="h-attachments">
        <h2 id="h-attachments">附件</h2>
        {p.attachments.length ? (
          <div class="table-wrap" role="region" tabIndex={0} aria-label="附件列表">
            <table>
              <caption class="visually-hidden">附件</caption>
              <thead>
                <tr>
                  <th scope="col">文件</th>
                  <th scope="col">用途</th>
                  <th scope="col">类型</th>
                  <th scope="col">大小</th>
                  <th scope="col">上传时间</th>
                  {p.canAttach ? <th scope="col">操作</th> : null}
                </tr>
              </thead>
              <tbody>
                {p.attachments.map((f) => (
                  <tr key={f.code}>
                    <td>
                      <a href={`${recordHref(r.code)}/attachments/${encodeURIComponent(f.code)}`}>{f.name}</a>
                    </td>
                    <td>{f.roleLabel}</td>
                    <td>{f.fileType.toUpperCase()}</td>
                    <td>{f.size}</td>
                    <td>{f.uploadedAt}</td>
                    {p.canAttach ? (
                      <td>
                        {['docx', 'xlsx', 'pdf'].includes(f.fileType) ? (
                          <p>
                            <a href={`${recordHref(r.code)}/attachments/${encodeURIComponent(f.code)}/redaction`}>
                              检查个人信息<span class="visually-hidden">：{f.name}</span>
                            </a>
                          </p>
                        ) : null}
                        <form method="post" action={`${recordHref(r.code)}/attachments/${encodeURIComponent(f.code)}/remove`} class="inline">
                          <CsrfField token={p.ctx.csrfToken} />
                          {published ? (
                            <div class="field">
                              <label for={`f-removeNote-${f.code}`}>删除的修订说明</label>
                              <input type="text" id={`f-removeNote-${f.code}`} name="changeNote" maxLength={1000} />
                            </div>
                          ) : null}
                          <button type="submit" class="button secondary">
                            删除<span class="visually-hidden">附件 {f.name}</span>
                          </button>
                        </form>
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p>没有附件。</p>
        )}
        {p.canAttach ? (
          <form method="post" action={`${recordHref(r.code)}/attachments`} enctype="multipart/form-data" novalidate>
            <CsrfField token={p.ctx.csrfToken} />
            <div class={e.file ? 'field field-error' : 'field'}>
              <label for={fieldId('file')}>上传附件</label>
              <p class="hint" id={`${fieldId('file')}-hint`}>
                可上传 PDF、DOCX、XLSX、OFD 或图片（PNG、JPEG、GIF），每个文件不超过 {p.maxUploadMb} MB。文件类型按内容检查。
              </p>
              {e.file ? (
                <p class="field-message" id={`${fieldId('file')}-error`}>
                  <span class="visually-hidden">错误：</span>
                  {e.file}
                </p>
              ) : null}
              <input
                type="file"
                id={fieldId('file')}
                name="file"
                accept=".pdf,.docx,.xlsx,.ofd,.png,.jpg,.jpeg,.gif"
                aria-describedby={[`${fieldId('file')}-hint`, e.file ? `${fieldId('file')}-error` : ''].filter(Boolean).join(' ')}
                aria-invalid={e.file ? 'true' : undefined}
              />
            </div>
            <SelectField
              name="role"
              label="用途"
              value={v.role || 'attachment'}
              error={e.role}
              options={Object.entries(ATTACHMENT_ROLE_LABELS).map(([value, label]) => ({ value, label }))}
            />
            {published ? (
              <TextField
                name="changeNote"
                label="修订说明"
                value={v.changeNote}
                error={e.changeNote}
                maxLength={1000}
                hint="已发布的信息增加或删除附件属于修订，修订说明会显示在公开页面的修改记录中。"
                required
              />
            ) : null}
            <button type="submit" class="button secondary">
              上传
            </button>
          </form>
        ) : null}
      </section>

      {r.kind === 'record' ? (
        <section aria-labelledby="h-interp">
          <h2 id="h-interp">政策解读</h2>
          {r.requiresInterpretation ? (
            <p class="hint">规章、行政规范性文件、标为“需解读”的文件和文号带“规”字的文件，须关联一篇公开的政策解读后才能提交，并与解读一并审核、发布；解读方案只作内部材料，不能代替政策解读。</p>
          ) : null}
          <LinkedList items={p.interpretations} empty="尚未关联政策解读。" />
          {p.canLink ? (
            <>
              <p>
                <a class="button secondary" href={`/staff/records/new?interprets=${encodeURIComponent(r.code)}`}>
                  新建政策解读
                </a>
              </p>
              <form method="post" action={`${recordHref(r.code)}/interpretations`} novalidate>
                <CsrfField token={p.ctx.csrfToken} />
                <TextField
                  name="interpretation"
                  label="关联已有的政策解读"
                  value={v.interpretation}
                  error={e.interpretation}
                  maxLength={200}
                  hint="填写解读的索引号，或其管理页面地址中的编号。"
                />
                <button type="submit" class="button secondary">
                  关联
                </button>
              </form>
              {p.interpretations.length ? (
                <ul class="plain">
                  {p.interpretations.map((i) => (
                    <li key={i.code}>
                      <form method="post" action={`${recordHref(r.code)}/interpretations/${encodeURIComponent(i.code)}/unlink`} class="inline">
                        <CsrfField token={p.ctx.csrfToken} />
                        <button type="submit" class="button secondary">
                          取消关联<span class="visually-hidden">：{i.title}</span>
                        </button>
                      </form>{' '}
                      {i.title}
                    </li>
                  ))}
                </ul>
              ) : null}
            </>
          ) : null}
        </section>
      ) : (
        <section aria-labelledby="h-policies">
          <h2 id="h-policies">所解读的政策文件</h2>
          <LinkedList items={p.policies} empty="尚未关联政策文件。请在政策文件的页面上关联本解读。" />
        </section>
      )}

      <section aria-labelledby="h-review">
        <h2 id="h-review">审核记录</h2>
        {p.reviewLog.length ? (
          <div class="table-wrap" role="region" tabIndex={0} aria-label="审核记录表">
            <table>
              <caption class="visually-hidden">审核记录</caption>
              <thead>
                <tr>
                  <th scope="col">时间</th>
                  <th scope="col">办理</th>
                  <th scope="col">办理人</th>
                  <th scope="col">理由或意见</th>
                </tr>
              </thead>
              <tbody>
                {p.reviewLog.map((l, i) => (
                  <tr key={i}>
                    <td class="nowrap">{l.at}</td>
                    <td>{l.action}</td>
                    <td>{l.actor}</td>
                    <td>
                      {l.reasons.length ? (
                        <ul>
                          {l.reasons.map((x, j) => (
                            <li key={j}>{x}</li>
                          ))}
                        </ul>
                      ) : null}
                      {l.note}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p>尚无审核记录。</p>
        )}
      </section>

      <section aria-labelledby="h-versions">
        <h2 id="h-versions">版本</h2>
        <div class="table-wrap" role="region" tabIndex={0} aria-label="版本列表">
          <table>
            <caption class="visually-hidden">版本</caption>
            <thead>
              <tr>
                <th scope="col">版本</th>
                <th scope="col">时间</th>
                <th scope="col">变更</th>
                <th scope="col">操作人</th>
                <th scope="col">说明</th>
                <th scope="col">比较</th>
              </tr>
            </thead>
            <tbody>
              {p.versions.map((x) => (
                <tr key={x.lockVersion}>
                  <td>{x.lockVersion}</td>
                  <td class="nowrap">{x.at}</td>
                  <td>
                    {x.event}
                    {x.isPublic ? '（公开）' : ''}
                  </td>
                  <td>{x.by}</td>
                  <td>{x.changeNote}</td>
                  <td>{x.diffHref ? <a href={x.diffHref}>与上一版比较<span class="visually-hidden">（第{x.lockVersion}版）</span></a> : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </StaffLayout>
  );
}

// ---------------------------------------------------------------------------------------------
// Version diff

export interface DiffField {
  label: string;
  before: string;
  after: string;
}

export interface DiffLine {
  op: 'same' | 'add' | 'del';
  text: string;
}

export function VersionDiffPage(p: {
  ctx: PageContext;
  record: { code: string; title: string };
  from: { lockVersion: number; at: string; by: string };
  to: { lockVersion: number; at: string; by: string; changeNote: string };
  fields: DiffField[];
  bodyLines: DiffLine[];
}) {
  const title = `第${p.from.lockVersion}版与第${p.to.lockVersion}版的比较`;
  return (
    <StaffLayout ctx={p.ctx} title={title} breadcrumbs={[RECORDS_CRUMB, { href: recordHref(p.record.code), label: p.record.title }, { label: title }]}>
      <h1>{title}</h1>
      <p>
        第{p.from.lockVersion}版：{p.from.by}，{p.from.at}；第{p.to.lockVersion}版：{p.to.by}，{p.to.at}
        {p.to.changeNote ? `。说明：${p.to.changeNote}` : ''}
      </p>
      <h2>元数据</h2>
      {p.fields.length ? (
        <div class="table-wrap" role="region" tabIndex={0} aria-label="改动的元数据">
          <table>
            <caption class="visually-hidden">改动的元数据</caption>
            <thead>
              <tr>
                <th scope="col">项目</th>
                <th scope="col">第{p.from.lockVersion}版</th>
                <th scope="col">第{p.to.lockVersion}版</th>
              </tr>
            </thead>
            <tbody>
              {p.fields.map((f) => (
                <tr key={f.label}>
                  <th scope="row">{f.label}</th>
                  <td class="pre">{f.before}</td>
                  <td class="pre">{f.after}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>元数据没有改动。</p>
      )}
      <h2>正文</h2>
      {p.bodyLines.some((l) => l.op !== 'same') ? (
        <div class="diff-lines">
          {p.bodyLines.map((l, i) =>
            l.op === 'add' ? (
              <ins key={i}>
                <span class="visually-hidden">新增：</span>
                {l.text}
              </ins>
            ) : l.op === 'del' ? (
              <del key={i}>
                <span class="visually-hidden">删除：</span>
                {l.text}
              </del>
            ) : (
              <p key={i}>{l.text}</p>
            ),
          )}
        </div>
      ) : (
        <p>正文没有改动。</p>
      )}
    </StaffLayout>
  );
}
