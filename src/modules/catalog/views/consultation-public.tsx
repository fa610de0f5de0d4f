import type { PageContext } from '../../../core/ui/context.ts';
import type { FieldErrors } from '../../../core/http/form.ts';
import { PublicLayout } from '../../../core/ui/layout.tsx';
import { Paragraphs } from '../../../core/ui/components.tsx';
import { CommentForm, PublishedAnswers, StatusText, type ConsultationStatus, type PublishedComment } from '../../consultations/index.ts';

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
      {status === 'open' ? <CommentForm ctx={ctx} action={`/openness/consultations/${c.code}/comments`} {...form} /> : null}
      {status === 'closed' ? (
        <PublishedAnswers comments={comments} closedOn={c.closedOn}>
          <dt>采纳后的目录版本</dt>
          <dd>{c.adoptedVersion === null ? '本单位目录尚无版本记录' : `第${c.adoptedVersion}版`}</dd>
        </PublishedAnswers>
      ) : null}
    </PublicLayout>
  );
}

