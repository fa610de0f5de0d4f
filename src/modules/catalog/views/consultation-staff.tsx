import type { PageContext } from '../../../core/ui/context.ts';
import type { FieldErrors } from '../../../core/http/form.ts';
import { StaffLayout } from '../../../core/ui/layout.tsx';
import { CsrfField, ErrorSummary, Paragraphs, TextArea, TextField, RefusalBox } from '../../../core/ui/components.tsx';
import { formatInstant } from '../../../core/clock.ts';
import {
  CONSULTATION_LIMITS,
  CommentBlock,
  MIN_CONSULTATION_DAYS,
  STATUS_LABELS,
  type CommentRow,
  type ConsultationListRow,
  type ConsultationRow,
  type ConsultationStatus,
} from '../../consultations/index.ts';

interface UnitRef {
  slug: string;
  name: string;
}

const base = (unit: UnitRef) => `/staff/catalog/${unit.slug}/consultations`;

function crumbs(unit: UnitRef, last?: string) {
  return [
    { href: '/staff/catalog', label: '标准目录' },
    { href: `/staff/catalog/${unit.slug}`, label: unit.name },
    ...(last ? [{ href: base(unit), label: '目录意见征集' }, { label: last }] : [{ label: '目录意见征集' }]),
  ];
}

export function StaffConsultationListPage({ ctx, unit, rows, statusOf }: { ctx: PageContext; unit: UnitRef; rows: ConsultationListRow[]; statusOf: (c: ConsultationRow) => ConsultationStatus }) {
  return (
    <StaffLayout ctx={ctx} title={`目录意见征集 - ${unit.name}`} breadcrumbs={crumbs(unit)}>
      <h1>{unit.name}目录意见征集</h1>
      <p>
        <a class="button" href={`${base(unit)}/new`}>
          新建意见征集
        </a>{' '}
        <a class="button secondary" href={`/openness/${unit.slug}/consultations`}>
          查看公开页面
        </a>
      </p>
      {rows.length ? (
        <div class="table-wrap" role="region" tabIndex={0} aria-label={`意见征集（共${rows.length}项，新的在前）`}>
          <table>
            <caption>意见征集（共{rows.length}项，新的在前）</caption>
            <thead>
              <tr>
                <th scope="col">标题</th>
                <th scope="col">征集期</th>
                <th scope="col">状态</th>
                <th scope="col">意见</th>
                <th scope="col">待答复</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                const status = statusOf(r);
                return (
                  <tr key={r.code}>
                    <td>
                      <a href={`${base(unit)}/${r.code}`}>{r.title}</a>
                    </td>
                    <td>
                      {r.startsOn} 至 {r.endsOn}
                    </td>
                    <td>{status === 'closed' ? '已结束（已公布采纳情况）' : STATUS_LABELS[status]}</td>
                    <td>{r.commentCount}条</td>
                    <td class={r.unansweredCount ? 'status-bad' : undefined}>{r.unansweredCount}条</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : (
        <p>还没有意见征集。</p>
      )}
    </StaffLayout>
  );
}

export function NewConsultationPage({ ctx, unit, values, errors }: { ctx: PageContext; unit: UnitRef; values: Record<string, string>; errors: FieldErrors }) {
  return (
    <StaffLayout ctx={ctx} title={`新建意见征集 - ${unit.name}`} breadcrumbs={crumbs(unit, '新建意见征集')}>
      <h1>新建目录意见征集</h1>
      <ErrorSummary errors={errors} />
      <form method="post" action={base(unit)}>
        <CsrfField token={ctx.csrfToken} />
        <TextField name="title" label="标题" hint="如：关于《楚雄市财政预决算领域政务公开事项标准目录（征求意见稿）》公开征求意见" value={values.title} error={errors.title} maxLength={CONSULTATION_LIMITS.title} required />
        <TextArea
          name="description"
          label="征求意见稿说明"
          hint="说明征求意见的目录草案、修改要点和查阅方式，将在公开页面全文显示。"
          value={values.description}
          error={errors.description}
          rows={10}
          required
        />
        <TextField name="startsOn" label="开始日期" type="date" hint="格式如 2026-11-26，不能早于今天。" value={values.startsOn} error={errors.startsOn} required />
        <TextField
          name="endsOn"
          label="截止日期"
          type="date"
          hint={`征集期至少${MIN_CONSULTATION_DAYS}天（含开始和截止当天）。`}
          value={values.endsOn}
          error={errors.endsOn}
          required
        />
        <button type="submit" class="button">
          发布意见征集
        </button>
      </form>
    </StaffLayout>
  );
}

export interface StaffConsultationProps {
  ctx: PageContext;
  unit: UnitRef;
  consultation: ConsultationRow;
  status: ConsultationStatus;
  comments: CommentRow[];
  /** Reasons the last action was refused (closing, answering after publication). */
  refusals?: string[];
  /** Errors of one answer form, re-rendered with its input. */
  answerForm?: { commentId: number; values: Record<string, string>; errors: FieldErrors };
}

export function StaffConsultationPage({ ctx, unit, consultation: c, status, comments, refusals, answerForm }: StaffConsultationProps) {
  const here = `${base(unit)}/${c.code}`;
  const unanswered = comments.filter((x) => !x.answer).length;
  return (
    <StaffLayout ctx={ctx} title={`${c.title} - 意见征集`} breadcrumbs={crumbs(unit, c.title)}>
      <h1>{c.title}</h1>
      <RefusalBox reasons={refusals} />
      {answerForm ? <ErrorSummary errors={answerForm.errors} /> : null}
      <dl class="facts">
        <dt>征集期</dt>
        <dd>
          {c.startsOn} 至 {c.endsOn}
        </dd>
        <dt>状态</dt>
        <dd>{status === 'closed' ? '已结束（已公布采纳情况）' : STATUS_LABELS[status]}</dd>
        <dt>意见</dt>
        <dd>
          共{comments.length}条，待答复{unanswered}条
        </dd>
        {c.closedAt ? (
          <>
            <dt>公布时间</dt>
            <dd>{formatInstant(c.closedAt)}</dd>
            <dt>采纳的目录版本</dt>
            <dd>{c.adoptedVersion === null ? '无（本单位目录尚无版本）' : `第${c.adoptedVersion}版`}</dd>
          </>
        ) : null}
        <dt>公开页面</dt>
        <dd>
          <a href={`/openness/consultations/${c.code}`}>/openness/consultations/{c.code}</a>
        </dd>
      </dl>
      <details>
        <summary>征求意见稿说明</summary>
        <Paragraphs text={c.description} />
      </details>
      {status !== 'closed' ? (
        <section aria-labelledby="close-title">
          <h2 id="close-title">结束征集并发布采纳情况</h2>
          <p>征集期截止、每条意见都已答复后，可以结束征集：公开页面将公布全部意见（不含姓名和联系方式）、处理结果和理由，以及本单位目录的当前版本号。发布后不能再修改答复。</p>
          <form method="post" action={`${here}/close`}>
            <CsrfField token={ctx.csrfToken} />
            <button type="submit" class="button warning">
              结束征集并发布采纳情况
            </button>
          </form>
        </section>
      ) : null}
      <h2>收到的意见</h2>
      {comments.length ? (
        <ol>
          {comments.map((m, i) => (
            <li key={m.id}>
              <CommentBlock
                index={i + 1}
                comment={m}
                here={here}
                ctx={ctx}
                closed={status === 'closed'}
                form={answerForm?.commentId === m.id ? answerForm : undefined}
              />
            </li>
          ))}
        </ol>
      ) : (
        <p>尚未收到意见。</p>
      )}
    </StaffLayout>
  );
}

export function CommentContactPage({ ctx, unit, consultation, comment, index }: { ctx: PageContext; unit: UnitRef; consultation: ConsultationRow; comment: CommentRow; index: number }) {
  return (
    <StaffLayout ctx={ctx} title={`第${index}条意见 - ${consultation.title}`} breadcrumbs={crumbs(unit, `第${index}条意见`)}>
      <h1>第{index}条意见</h1>
      <p class="hint">联系方式属于个人信息，仅供必要时联系提交人，不得公开或外传。本次查看已记入审计日志。</p>
      <dl class="facts">
        <dt>意见征集</dt>
        <dd>
          <a href={`${base(unit)}/${consultation.code}`}>{consultation.title}</a>
        </dd>
        <dt>提交时间</dt>
        <dd>{formatInstant(comment.submittedAt)}</dd>
        <dt>姓名</dt>
        <dd>{comment.name || '未留姓名'}</dd>
        <dt>联系方式</dt>
        <dd>{comment.contact}</dd>
      </dl>
      <h2>意见内容</h2>
      <Paragraphs text={comment.body} />
    </StaffLayout>
  );
}
