// The parts of a comment period's pages every kind of draft shows alike: the public comment form, the
// published answers, and staff's list of comments with an answer form each.
import type { ComponentChildren } from 'preact';
import type { PageContext } from '../../../core/ui/context.ts';
import type { FieldErrors } from '../../../core/http/form.ts';
import { CsrfField, ErrorSummary, Paragraphs, TextArea, TextField, fieldId } from '../../../core/ui/components.tsx';
import { formatInstant } from '../../../core/clock.ts';
import { ANSWERS, ANSWER_LABELS, CONSULTATION_LIMITS, STATUS_LABELS, maskContact, type Answer, type ConsultationStatus } from '../domain/consultation.ts';
import type { CommentRow } from '../data/queries.ts';

export function StatusText({ status }: { status: ConsultationStatus }) {
  return <span class={status === 'open' ? 'status-ok' : undefined}>{STATUS_LABELS[status]}</span>;
}

export interface PublishedComment {
  body: string;
  answer: Answer;
  reason: string;
}

export function CommentForm({ ctx, action, values, errors, submissionKey }: { ctx: PageContext; action: string; values: Record<string, string>; errors: FieldErrors; submissionKey: string }) {
  return (
    <section aria-labelledby="comment-form-title">
      <h2 id="comment-form-title">提交意见</h2>
      <ErrorSummary errors={errors} />
      <p>征集结束后，我们将公布全部意见的内容及采纳情况，但不公布提交人的姓名和联系方式。</p>
      <form method="post" action={action} class="narrow">
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

export function PublishedAnswers({ comments, closedOn, children }: { comments: PublishedComment[]; closedOn: string | null; children?: ComponentChildren }) {
  const counts = { adopted: 0, partly_adopted: 0, not_adopted: 0 };
  for (const c of comments) counts[c.answer]++;
  return (
    <section aria-labelledby="answers-title">
      <h2 id="answers-title">意见采纳情况</h2>
      <dl class="facts">
        <dt>公布日期</dt>
        <dd>{closedOn}</dd>
        {children}
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

export function CommentBlock({
  index,
  comment: m,
  here,
  ctx,
  closed,
  form,
}: {
  index: number;
  comment: CommentRow;
  here: string;
  ctx: PageContext;
  closed: boolean;
  form?: { values: Record<string, string>; errors: FieldErrors };
}) {
  const answerName = `answer_${m.id}`;
  const reasonName = `reason_${m.id}`;
  const values = form?.values ?? { [answerName]: m.answer ?? '', [reasonName]: m.answerReason ?? '' };
  const errors = form?.errors ?? {};
  const answerId = fieldId(answerName);
  return (
    <article aria-labelledby={`comment-${m.id}`}>
      <h3 id={`comment-${m.id}`}>
        第{index}条意见 <span class="hint">（{formatInstant(m.submittedAt)}）</span>
      </h3>
      <dl class="facts">
        <dt>提交人</dt>
        <dd>{m.name || '未留姓名'}</dd>
        <dt>联系方式</dt>
        <dd>
          {maskContact(m.contact)}{' '}
          <a href={`${here}/comments/${m.id}`}>
            查看完整联系方式<span class="visually-hidden">（第{index}条意见）</span>
          </a>
        </dd>
        <dt>处理结果</dt>
        <dd>
          {m.answer ? (
            <>
              {ANSWER_LABELS[m.answer]}
              {m.answerReason ? `：${m.answerReason}` : ''}（{m.answeredByName}，{m.answeredAt ? formatInstant(m.answeredAt) : ''}）
            </>
          ) : (
            <span class="status-bad">待答复</span>
          )}
        </dd>
      </dl>
      <blockquote>
        <Paragraphs text={m.body} />
      </blockquote>
      {closed ? null : (
        <form method="post" action={`${here}/comments/${m.id}/answer`}>
          <CsrfField token={ctx.csrfToken} />
          <fieldset class={errors[answerName] ? 'field field-error' : 'field'} id={answerId} aria-describedby={errors[answerName] ? `${answerId}-error` : undefined}>
            <legend>对第{index}条意见的处理结果</legend>
            {errors[answerName] ? (
              <p class="field-message" id={`${answerId}-error`}>
                <span class="visually-hidden">错误：</span>
                {errors[answerName]}
              </p>
            ) : null}
            {ANSWERS.map((a) => (
              <label key={a} class="checkbox">
                <input type="radio" name={answerName} value={a} checked={values[answerName] === a} /> {ANSWER_LABELS[a]}
              </label>
            ))}
          </fieldset>
          <TextArea
            name={reasonName}
            label={`第${index}条意见的处理理由`}
            hint="选择“部分采纳”或“不采纳”时必须填写，将随意见公开。"
            value={values[reasonName]}
            error={errors[reasonName]}
            rows={3}
          />
          <button type="submit" class="button secondary">
            {m.answer ? '修改答复' : '保存答复'}
          </button>
        </form>
      )}
    </article>
  );
}

