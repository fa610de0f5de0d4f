// Staff pages of the 政府公报: the list of issues with the form for a new one, and the issue editor
// (sections, articles from published records, gazette-only texts, 勘误, workflow, PDF proof).
import type { PageContext } from '../../../core/ui/context.ts';
import { StaffLayout } from '../../../core/ui/layout.tsx';
import { CsrfField, ErrorSummary, SelectField, TextArea, TextField, RefusalBox } from '../../../core/ui/components.tsx';
import type { FieldErrors } from '../../../core/http/form.ts';
import type { PublishedRecordCopy } from '../../publishing/index.ts';
import { issueLabel, type IssueNumber } from '../domain/numbering.ts';
import { ACTION_LABELS, STATE_LABELS, availableActions, type IssueState } from '../domain/workflow.ts';
import type { ArticleRef, IssueSummary } from '../service-read.ts';
import type { ArticleRow, IssueRow, SectionRow } from '../service.ts';
import { articlePath } from '../service-read.ts';
import { issuePath } from './public.tsx';

export const STAFF_BASE = '/staff/gazette';
const CRUMB = { href: STAFF_BASE, label: '政府公报' };
export const staffIssuePath = (i: { year: number; number: number }) => `${STAFF_BASE}/${i.year}/${i.number}`;

export function IssueListPage(props: { ctx: PageContext; name: string; issues: IssueSummary[]; refusals: string[]; proposal: IssueNumber; values: Record<string, string>; errors: FieldErrors; reasons: string[] }) {
  const { ctx, issues, values, errors } = props;
  return (
    <StaffLayout ctx={ctx} title="政府公报" breadcrumbs={[{ label: '政府公报' }]}>
      <h1>政府公报{props.name ? `：《${props.name}》` : ''}</h1>
      {props.refusals.length ? (
        <div class="warning-box" role="note">
          <p>您所在的单位不能办政府公报：</p>
          <ul>
            {props.refusals.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </div>
      ) : (
        <>
          <ErrorSummary errors={errors} />
          <RefusalBox reasons={props.reasons.filter((r) => !Object.values(errors).includes(r))} />
          <form method="post" action={STAFF_BASE} class="stack" novalidate>
            <CsrfField token={ctx.csrfToken} />
            <h2>新建一期</h2>
            <p class="hint">期号每年从第1期起编，总期号自创刊起连续编号；系统已按现有各期算好下一期，可以修改。</p>
            <div class="filters">
              <TextField name="year" label="年份" value={values.year ?? String(props.proposal.year)} error={errors.year} inputMode="numeric" maxLength={4} required />
              <TextField name="number" label="期号（第N期）" value={values.number ?? String(props.proposal.number)} error={errors.number} inputMode="numeric" maxLength={2} required />
              <TextField name="overall" label="总期号（总第M期）" value={values.overall ?? String(props.proposal.overall)} error={errors.overall} inputMode="numeric" maxLength={5} required />
              <TextField name="issuedOn" label="出版日期（可空，发行时默认当天）" value={values.issuedOn ?? ''} error={errors.issuedOn} type="date" />
            </div>
            <button class="button" type="submit">
              新建
            </button>
          </form>
        </>
      )}
      <h2>各期</h2>
      {issues.length ? (
        <div class="table-wrap" role="region" tabIndex={0} aria-label="各期政府公报">
          <table>
            <thead>
              <tr>
                <th scope="col">期次</th>
                <th scope="col">状态</th>
                <th scope="col">文章</th>
                <th scope="col">出版日期</th>
              </tr>
            </thead>
            <tbody>
              {issues.map((i) => (
                <tr key={i.id}>
                  <td>
                    <a href={staffIssuePath(i)}>{issueLabel(i)}</a>
                  </td>
                  <td>{STATE_LABELS[i.state]}</td>
                  <td>{i.articleCount}</td>
                  <td>{i.issuedOn ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>还没有任何一期。</p>
      )}
    </StaffLayout>
  );
}

export type FormName = 'records' | 'text' | 'erratum' | 'section' | 'action' | 'article';

export interface IssueEditorProps {
  ctx: PageContext;
  name: string;
  issue: IssueRow;
  contents: { section: SectionRow; articles: ArticleRow[] }[];
  refs: Map<number, ArticleRef>;
  correctable: (ArticleRef & { id: number })[];
  q: string;
  candidates: PublishedRecordCopy[];
  failed?: { form: FormName; values: Record<string, string>; errors: FieldErrors; reasons: string[] };
}

export function IssueEditorPage(p: IssueEditorProps) {
  const { ctx, issue } = p;
  const label = issueLabel(issue);
  const base = staffIssuePath(issue);
  const editable = issue.state === 'drafted';
  const sectionOptions = p.contents.map((c) => ({ value: String(c.section.id), label: c.section.name }));
  const f = p.failed;
  const v = (form: FormName, k: string, dflt = '') => (f?.form === form ? (f.values[k] ?? dflt) : dflt);
  const err = (form: FormName, k: string) => (f?.form === form ? f.errors[k] : undefined);
  const summaryErrors = f ? Object.fromEntries(Object.entries(f.errors).map(([k, m]) => [k, m])) : {};
  const seq = (() => {
    let n = 0;
    return new Map(p.contents.flatMap((c) => c.articles).map((a) => [a.id, a.seq ?? ++n]));
  })();
  return (
    <StaffLayout ctx={ctx} title={label} breadcrumbs={[CRUMB, { label }]}>
      <h1>
        《{p.name}》{label}
      </h1>
      <p>
        状态：<strong>{STATE_LABELS[issue.state]}</strong>
        {issue.issuedOn ? `　出版日期：${issue.issuedOn}` : ''}　<a href={`${base}/pdf`}>{issue.state === 'released' ? '下载PDF' : 'PDF校样'}</a>
        {issue.state === 'released' ? (
          <>
            　<a href={issuePath(issue)}>查看电子版</a>
          </>
        ) : null}
      </p>
      {f ? <ErrorSummary errors={summaryErrors} /> : null}
      {f ? <RefusalBox reasons={f.reasons.filter((r) => !Object.values(f.errors).includes(r) && !Object.values(f.errors).includes(r.replace(/。$/, '')))} /> : null}
      {issue.state === 'released' ? <p class="warning-box">本期已发行，内容固定不变；如发现错误，请在以后一期的“其他”栏目刊登勘误。</p> : null}
      {!editable && issue.state !== 'released' ? <p class="warning-box">本期正在校对或审定，内容不能修改；需要修改时请“退回修改”。</p> : null}

      <WorkflowForm ctx={ctx} base={base} state={issue.state} />

      <h2>目录</h2>
      {p.contents.map((c) => (
        <section key={c.section.id} aria-labelledby={`sec-${c.section.id}`} class="gazette-section">
          <h3 id={`sec-${c.section.id}`}>{c.section.name}</h3>
          {c.articles.length ? (
            <ol>
              {c.articles.map((a, i) => (
                <li key={a.id}>
                  <span>
                    {seq.get(a.id)}. {a.kind === 'erratum' ? '【勘误】' : ''}
                    {a.title}
                  </span>
                  {a.docNo ? <span class="hint">（{a.docNo}）</span> : null}
                  {a.kind === 'record' ? <span class="hint"> 来自已公开信息 {a.recordIndexNo}</span> : null}
                  {a.correctsArticleId && p.refs.get(a.correctsArticleId) ? <span class="hint"> 更正 {refText(p.refs.get(a.correctsArticleId)!)}</span> : null}
                  {issue.state === 'released' && a.seq ? (
                    <>
                      {' '}
                      <a href={articlePath({ year: issue.year, number: issue.number, seq: a.seq })}>电子版</a>
                    </>
                  ) : null}
                  {editable ? (
                    <form method="post" action={`${base}/articles/${a.id}`} class="inline-actions">
                      <CsrfField token={ctx.csrfToken} />
                      {i > 0 ? (
                        <button class="button secondary" name="op" value="up" type="submit">
                          上移<span class="visually-hidden">《{a.title}》</span>
                        </button>
                      ) : null}
                      {i < c.articles.length - 1 ? (
                        <button class="button secondary" name="op" value="down" type="submit">
                          下移<span class="visually-hidden">《{a.title}》</span>
                        </button>
                      ) : null}
                      <label class="visually-hidden" for={`move-${a.id}`}>
                        《{a.title}》移到栏目
                      </label>
                      <select id={`move-${a.id}`} name="sectionId">
                        {sectionOptions.map((o) => (
                          <option key={o.value} value={o.value} selected={o.value === String(c.section.id)}>
                            {o.label}
                          </option>
                        ))}
                      </select>
                      <button class="button secondary" name="op" value="section" type="submit">
                        移动<span class="visually-hidden">《{a.title}》</span>
                      </button>
                      <button class="button warning" name="op" value="remove" type="submit">
                        移出本期<span class="visually-hidden">《{a.title}》</span>
                      </button>
                    </form>
                  ) : null}
                </li>
              ))}
            </ol>
          ) : (
            <p class="hint">（本栏目暂无文章，无文章的栏目不印入目录）</p>
          )}
          {editable ? (
            <form method="post" action={`${base}/sections/${c.section.id}`} class="inline-actions">
              <CsrfField token={ctx.csrfToken} />
              <label for={`sname-${c.section.id}`}>栏目名称</label>
              <input id={`sname-${c.section.id}`} name="name" value={c.section.name} maxLength={30} />
              <label for={`sorder-${c.section.id}`}>排序</label>
              <input id={`sorder-${c.section.id}`} name="sortOrder" value={String(c.section.sortOrder)} inputMode="numeric" size={4} maxLength={4} />
              <button class="button secondary" name="op" value="save" type="submit">
                保存<span class="visually-hidden">栏目“{c.section.name}”</span>
              </button>
              {c.articles.length ? null : (
                <button class="button warning" name="op" value="remove" type="submit">
                  删除栏目<span class="visually-hidden">“{c.section.name}”</span>
                </button>
              )}
            </form>
          ) : null}
        </section>
      ))}

      {editable ? (
        <>
          <form method="post" action={`${base}/sections`} class="stack">
            <CsrfField token={ctx.csrfToken} />
            <h3>增加栏目</h3>
            <TextField name="section-name" label="栏目名称" value={v('section', 'section-name')} error={err('section', 'section-name')} maxLength={30} />
            <button class="button secondary" type="submit">
              增加栏目
            </button>
          </form>

          <h2 id="add-records">从已公开的文件中选取</h2>
          <form method="get" action={`${base}#add-records`} class="filters" role="search" aria-label="查找已公开的文件">
            <div class="field">
              <label for="record-q">标题或文号</label>
              <input id="record-q" name="q" type="search" value={p.q} maxLength={50} />
            </div>
            <button class="button secondary" type="submit">
              查找
            </button>
          </form>
          <form method="post" action={`${base}/records`} class="stack">
            <CsrfField token={ctx.csrfToken} />
            {p.candidates.length ? (
              <fieldset id="f-rec-recordIds" tabIndex={-1}>
                <legend>已公开的主动公开文件（按选取顺序加入所选栏目末尾）</legend>
                {err('records', 'rec-recordIds') ? <p class="field-message">{err('records', 'rec-recordIds')}</p> : null}
                <ul class="checkbox-list">
                  {p.candidates.map((r) => (
                    <li key={r.id}>
                      <input type="checkbox" id={`rec-${r.id}`} name="recordIds" value={String(r.id)} />
                      <label for={`rec-${r.id}`}>
                        {r.title}
                        {r.docNo ? `（${r.docNo}）` : ''} <span class="hint">{r.publisherName}，{r.publishedOn}公开</span>
                      </label>
                    </li>
                  ))}
                </ul>
              </fieldset>
            ) : (
              <p>没有找到{p.q ? `含“${p.q}”的` : ''}已公开文件。</p>
            )}
            <SelectField name="rec-sectionId" label="加入栏目" options={sectionOptions} value={v('records', 'rec-sectionId', sectionOptions[0]?.value)} error={err('records', 'rec-sectionId')} />
            <button class="button" type="submit">
              加入本期
            </button>
          </form>

          <form method="post" action={`${base}/texts`} class="stack" id="add-text">
            <CsrfField token={ctx.csrfToken} />
            <h2>录入公报专用文本（如人事任免）</h2>
            <SelectField name="text-sectionId" label="栏目" options={sectionOptions} value={v('text', 'text-sectionId', sectionOptions.find((o) => o.label === '人事任免')?.value)} error={err('text', 'text-sectionId')} />
            <TextField name="text-title" label="标题" value={v('text', 'text-title')} error={err('text', 'text-title')} maxLength={200} required />
            <TextField name="text-docNo" label="文号（可空）" value={v('text', 'text-docNo')} error={err('text', 'text-docNo')} maxLength={60} />
            <TextField name="text-issuer" label="署名（发文机关）" value={v('text', 'text-issuer')} error={err('text', 'text-issuer')} maxLength={60} />
            <TextField name="text-writtenOn" label="成文日期（可空）" type="date" value={v('text', 'text-writtenOn')} error={err('text', 'text-writtenOn')} />
            <TextArea name="text-body" label="正文" hint="每段一行。" rows={8} value={v('text', 'text-body')} error={err('text', 'text-body')} required />
            <button class="button" type="submit">
              加入本期
            </button>
          </form>

          <form method="post" action={`${base}/errata`} class="stack" id="add-erratum">
            <CsrfField token={ctx.csrfToken} />
            <h2>刊登勘误</h2>
            <p class="hint">勘误更正已发行的往期文章；发行后，两篇文章的电子版互相链接。</p>
            <SelectField
              name="err-correctsArticleId"
              label="所更正的往期文章"
              placeholder="请选择"
              options={p.correctable.map((r) => ({ value: String(r.id), label: refText(r) }))}
              value={v('erratum', 'err-correctsArticleId')}
              error={err('erratum', 'err-correctsArticleId')}
              required
            />
            <SelectField name="err-sectionId" label="栏目" options={sectionOptions} value={v('erratum', 'err-sectionId', sectionOptions.find((o) => o.label === '其他')?.value)} error={err('erratum', 'err-sectionId')} />
            <TextArea name="err-body" label="勘误内容" hint="例如：第2页第5行“2024年”应为“2025年”。每段一行。" rows={4} value={v('erratum', 'err-body')} error={err('erratum', 'err-body')} required />
            <button class="button" type="submit">
              加入本期
            </button>
          </form>
        </>
      ) : null}
    </StaffLayout>
  );
}

function refText(r: ArticleRef): string {
  return `${r.year}年第${r.number}期《${r.title}》`;
}

function WorkflowForm({ ctx, base, state }: { ctx: PageContext; base: string; state: IssueState }) {
  const actions = availableActions(state);
  if (!actions.length) return null;
  return (
    <form method="post" action={`${base}/do`} class="inline-actions">
      <CsrfField token={ctx.csrfToken} />
      {actions.map((a) => (
        <button key={a} class={a === 'reopen' ? 'button secondary' : 'button'} name="action" value={a} type="submit">
          {ACTION_LABELS[a]}
        </button>
      ))}
    </form>
  );
}
