// 知识库 pages and partials: the staff list with its form, the entries shown to a call-taker (to pick
// one for 即时答复) and to the public before they send a message (「先查看常见问题」).
import type { PageContext } from '../../../core/ui/context.ts';
import { StaffLayout } from '../../../core/ui/layout.tsx';
import { CsrfField, ErrorSummary, RadioGroup, TextArea, TextField } from '../../../core/ui/components.tsx';
import type { FieldErrors } from '../../../core/http/form.ts';
import { KNOWLEDGE_STATUS_LABELS } from '../domain/knowledge.ts';
import type { KnowledgeEntry } from '../service-knowledge.ts';

const BASE = '/staff/messages';

/** Entries as a list a person reads (the public step and the staff list). */
export function KnowledgeList({ entries, retire, ctx }: { entries: KnowledgeEntry[]; retire?: boolean; ctx?: PageContext }) {
  return (
    <ul class="card-list" id="knowledge-entries">
      {entries.map((e) => (
        <li key={e.id}>
          <h3>{e.question}</h3>
          {e.answer.split('\n').map((l, k) => (
            <p key={k}>{l}</p>
          ))}
          <p class="hint">
            {e.subject ? `主题：${e.subject}；` : ''}
            {e.basis ? `依据：${e.basis}；` : ''}
            {e.unitName}维护，有效期至 {e.validUntil}
            {e.status !== 'valid' ? <strong>（{KNOWLEDGE_STATUS_LABELS[e.status]}）</strong> : null}
            {e.sourceItemNo ? `；来自 ${e.sourceItemNo}` : ''}
          </p>
          {retire && ctx ? (
            <form method="post" action={`${BASE}/knowledge/${e.id}/retire`} class="inline">
              <CsrfField token={ctx.csrfToken} />
              <button type="submit" class="button secondary">
                停用「{e.question.slice(0, 12)}」
              </button>
            </form>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/** For the call-taker: pick an entry to answer the call at once. */
export function KnowledgePicker({ entries, value, error }: { entries: KnowledgeEntry[]; value: string; error?: string }) {
  if (!entries.length) return <p class="hint" id="knowledge-none">知识库中没有与来电事由相近的答复，请登记后派单。</p>;
  return (
    <RadioGroup
      name="knowledgeId"
      legend="知识库中相近的答复（选择一条即时答复并办结）"
      value={value}
      error={error}
      options={entries.map((e) => ({ value: String(e.id), label: e.question, hint: `${e.answer.slice(0, 120)}${e.answer.length > 120 ? '…' : ''}（有效期至 ${e.validUntil}${e.status !== 'valid' ? '，待复核，不能用于答复' : ''}）` }))}
    />
  );
}

export function KnowledgeForm({ ctx, values, errors, action, sourceNo }: { ctx: PageContext; values: Record<string, string>; errors: FieldErrors; action: string; sourceNo?: string }) {
  return (
    <form method="post" action={action} novalidate>
      <CsrfField token={ctx.csrfToken} />
      {sourceNo ? <input type="hidden" name="sourceNo" value={sourceNo} /> : null}
      <TextField name="question" label="问题" value={values.question} error={errors.question} required maxLength={200} hint="按群众常用的说法写，如“灵活就业人员怎样缴纳养老保险”" />
      <TextArea name="answer" label="答复" value={values.answer} error={errors.answer} required rows={5} />
      <TextField name="subject" label="主题（选填）" value={values.subject} error={errors.subject} maxLength={60} />
      <TextField name="basis" label="依据（选填）" value={values.basis} error={errors.basis} maxLength={500} hint="政策文件名称和文号" />
      <TextField name="validUntil" label="有效期至（复核日期）" value={values.validUntil} error={errors.validUntil} required maxLength={10} hint="格式 2027-06-30；过期后标为待复核，不再用于即时答复" />
      <button type="submit" class="button">
        存入知识库
      </button>
    </form>
  );
}

export function KnowledgePage({ ctx, entries, q, values, errors }: { ctx: PageContext; entries: KnowledgeEntry[]; q: string; values: Record<string, string>; errors: FieldErrors }) {
  return (
    <StaffLayout ctx={ctx} title={Object.keys(errors).length ? '错误：知识库' : '知识库'} breadcrumbs={[{ href: BASE, label: '互动交流' }, { label: '知识库' }]}>
      <h1>知识库</h1>
      <p>各单位维护的常见问题答复。96128话务员和网上留言的群众可以先查看；用知识库答复的来电记为“即时答复”，当场办结。</p>
      <form method="get" action={`${BASE}/knowledge`} class="filters" role="search" aria-label="搜索知识库">
        <div class="field">
          <label for="kq">关键词</label>
          <input id="kq" name="q" type="search" value={q} maxLength={50} />
        </div>
        <button type="submit" class="button">
          搜索
        </button>
      </form>
      {entries.length ? <KnowledgeList entries={entries} retire ctx={ctx} /> : <p>{q ? `没有找到含“${q}”的条目。` : '知识库还没有条目。'}</p>}
      <h2 id="add">新增条目</h2>
      <ErrorSummary errors={errors} />
      <KnowledgeForm ctx={ctx} values={values} errors={errors} action={`${BASE}/knowledge`} sourceNo={values.sourceNo || undefined} />
    </StaffLayout>
  );
}
