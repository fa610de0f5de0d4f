import type { PageContext } from '../../../core/ui/context.ts';
import type { FieldErrors } from '../../../core/http/form.ts';
import { PublicLayout } from '../../../core/ui/layout.tsx';
import { CsrfField, ErrorSummary, TextArea, TextField } from '../../../core/ui/components.tsx';
import { ANSWER_LABELS, CONSULTATION_LIMITS, STATUS_LABELS, type Answer, type ConsultationStatus } from '../domain/consultation.ts';
import { Paragraphs } from './guide-public.tsx';

interface UnitRef {
  slug: string;
  name: string;
}

export interface PublicConsultationSummary {
  code: string;
  title: string;
  startsOn: string;
  endsOn: string;
  status: ConsultationStatus;
}

function StatusText({ status }: { status: ConsultationStatus }) {
  return <span class={status === 'open' ? 'status-ok' : undefined}>{STATUS_LABELS[status]}</span>;
}

export function PublicConsultationListPage({ ctx, unit, rows }: { ctx: PageContext; unit: UnitRef; rows: PublicConsultationSummary[] }) {
  return (
    <PublicLayout
      ctx={ctx}
      title={`${unit.name}目录意见征集`}
      breadcrumbs={[{ href: '/openness', label: '政府信息公开' }, { href: `/openness/${unit.slug}`, label: unit.name }, { label: '目录意见征集' }]}
    >
      <h1>{unit.name}目录意见征集</h1>
      <p>政务公开事项标准目录在发布前公开征求意见。征集期内任何人都可以提出意见；征集结束后，本页公布收到的全部意见及采纳情况。</p>
      {rows.length ? (
        <div class="table-wrap" role="region" tabIndex={0} aria-label={`意见征集（共${rows.length}项，新的在前）`}>
          <table>
            <caption>意见征集（共{rows.length}项，新的在前）</caption>
            <thead>
              <tr>
                <th scope="col">标题</th>
                <th scope="col">征集期</th>
                <th scope="col">状态</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.code}>
                  <td>
                    <a href={`/openness/consultations/${r.code}`}>{r.title}</a>
                  </td>
                  <td>
                    {r.startsOn} 至 {r.endsOn}
                  </td>
                  <td>
                    <StatusText status={r.status} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>目前没有意见征集。</p>
      )}
    </PublicLayout>
  );
}

export interface PublishedComment {
  body: string;
  answer: Answer;
  reason: string;
}

export interface PublicConsultationProps {
  ctx: PageContext;
  unit: UnitRef;
  consultation: { code: string; title: string; description: string; startsOn: string; endsOn: string; adoptedVersion: number | null; closedOn: string | null };
  status: ConsultationStatus;
  /** Only after the answers are published. */
  comments: PublishedComment[];
  form: { values: Record<string, string>; errors: FieldErrors; submissionKey: string };
  /** Why a submit was refused (before the start, after the end). */
  refusal?: string;
}

export function PublicConsultationPage({ ctx, unit, consultation: c, status, comments, form, refusal }: PublicConsultationProps) {
  return (
    <PublicLayout
      ctx={ctx}
      title={c.title}
      breadcrumbs={[
        { href: '/openness', label: '政府信息公开' },
        { href: `/openness/${unit.slug}`, label: unit.name },
        { href: `/openness/${unit.slug}/consultations`, label: '目录意见征集' },
        { label: c.title },
      ]}
    >
      <h1>{c.title}</h1>
      {refusal ? (
        <div class="warning-box" role="alert">
          <p>{refusal}</p>
        </div>
      ) : null}
      <dl class="facts">
        <dt>征集单位</dt>
        <dd>{unit.name}</dd>
        <dt>征集期</dt>
        <dd>
          {c.startsOn} 至 {c.endsOn}
        </dd>
        <dt>状态</dt>
        <dd>
          <StatusText status={status} />
          {status === 'closed' ? '（已公布采纳情况）' : status === 'ended' ? '（正在整理意见）' : ''}
        </dd>
      </dl>
      <h2>征求意见稿说明</h2>
      <Paragraphs text={c.description} />
      {status === 'upcoming' ? (
        <div class="notice">
          <p>意见征集将于{c.startsOn}开始，届时可在本页提交意见。</p>
        </div>
      ) : null}
      {status === 'ended' ? (
        <div class="notice">
          <p>意见征集已于{c.endsOn}结束，不再接收意见。我们正在逐条研究收到的意见，采纳情况公布后将在本页列出。</p>
        </div>
      ) : null}
      {status === 'open' ? <CommentForm ctx={ctx} code={c.code} {...form} /> : null}
      {status === 'closed' ? <Answers comments={comments} adoptedVersion={c.adoptedVersion} closedOn={c.closedOn} /> : null}
    </PublicLayout>
  );
}

function CommentForm({ ctx, code, values, errors, submissionKey }: { ctx: PageContext; code: string; values: Record<string, string>; errors: FieldErrors; submissionKey: string }) {
  return (
    <section aria-labelledby="comment-form-title">
      <h2 id="comment-form-title">提交意见</h2>
      <ErrorSummary errors={errors} />
      <p>征集结束后，我们将公布全部意见的内容及采纳情况，但不公布提交人的姓名和联系方式。</p>
      <form method="post" action={`/openness/consultations/${code}/comments`} class="narrow">
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="submissionKey" value={submissionKey} />
        <TextField name="name" label="姓名（选填）" hint="可以不填。姓名不会公开。" value={values.name} error={errors.name} autocomplete="name" maxLength={CONSULTATION_LIMITS.name} />
        <TextField
          name="contact"
          label="联系方式"
          hint="手机号码、固定电话（如0878-3121001）或电子邮箱，仅用于必要时与您联系，不会公开。"
          value={values.contact}
          error={errors.contact}
          maxLength={CONSULTATION_LIMITS.contact}
          required
        />
        <TextArea
          name="body"
          label="意见内容"
          hint={`不超过${CONSULTATION_LIMITS.commentBody}字。请勿填写身份证号等个人信息。`}
          value={values.body}
          error={errors.body}
          rows={10}
          required
        />
        <button type="submit" class="button">
          提交意见
        </button>
      </form>
    </section>
  );
}

function Answers({ comments, adoptedVersion, closedOn }: { comments: PublishedComment[]; adoptedVersion: number | null; closedOn: string | null }) {
  const counts = { adopted: 0, partly_adopted: 0, not_adopted: 0 };
  for (const c of comments) counts[c.answer]++;
  return (
    <section aria-labelledby="answers-title">
      <h2 id="answers-title">意见采纳情况</h2>
      <dl class="facts">
        <dt>公布日期</dt>
        <dd>{closedOn}</dd>
        <dt>采纳后的目录版本</dt>
        <dd>{adoptedVersion === null ? '本单位目录尚无版本记录' : `第${adoptedVersion}版`}</dd>
        <dt>收到意见</dt>
        <dd>
          {comments.length}条{comments.length ? `（采纳${counts.adopted}条，部分采纳${counts.partly_adopted}条，不采纳${counts.not_adopted}条）` : ''}
        </dd>
      </dl>
      <p class="hint">以下公布每条意见的内容和处理结果，不公布提交人的姓名和联系方式。</p>
      {comments.length ? (
        <ol>
          {comments.map((c, i) => (
            <li key={i}>
              <h3>第{i + 1}条意见</h3>
              <blockquote>
                <Paragraphs text={c.body} />
              </blockquote>
              <dl class="facts">
                <dt>处理结果</dt>
                <dd>{ANSWER_LABELS[c.answer]}</dd>
                {c.reason ? (
                  <>
                    <dt>理由</dt>
                    <dd>{c.reason}</dd>
                  </>
                ) : null}
              </dl>
            </li>
          ))}
        </ol>
      ) : (
        <p>征集期内未收到意见。</p>
      )}
    </section>
  );
}
