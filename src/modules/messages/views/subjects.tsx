// 主题分类 page: the two-level tree with a small form per verb (no JavaScript needed).
import type { PageContext } from '../../../core/ui/context.ts';
import { StaffLayout } from '../../../core/ui/layout.tsx';
import { CsrfField, ErrorSummary, SelectField, TextField } from '../../../core/ui/components.tsx';
import type { FieldErrors } from '../../../core/http/form.ts';
import type { SubjectNode, SubjectRow } from '../domain/subjects.ts';

const BASE = '/staff/messages';

function Verb({ ctx, id, op, label }: { ctx: PageContext; id: number; op: string; label: string }) {
  return (
    <form method="post" action={`${BASE}/subjects`} class="inline">
      <CsrfField token={ctx.csrfToken} />
      <input type="hidden" name="id" value={String(id)} />
      <button type="submit" name="op" value={op} class="button secondary small">
        {label}
      </button>
    </form>
  );
}

function Row({ ctx, s, level, name, errors, first, last }: { ctx: PageContext; s: SubjectRow; level: 1 | 2; name: string; errors: FieldErrors; first: boolean; last: boolean }) {
  const field = `name-${s.id}`;
  return (
    <tr>
      <th scope="row">{level === 2 ? <span class="hint">└ </span> : null}{s.name}{s.retired ? '（已停用）' : ''}</th>
      <td>
        <form method="post" action={`${BASE}/subjects`} class="inline" novalidate>
          <CsrfField token={ctx.csrfToken} />
          <input type="hidden" name="id" value={String(s.id)} />
          <TextField name={field} label={`“${s.name}”改名为`} value={errors[field] ? name : s.name} error={errors[field]} maxLength={20} />
          <button type="submit" name="op" value="rename" class="button secondary small">改名</button>
        </form>
      </td>
      <td class="nowrap">
        {first ? null : <Verb ctx={ctx} id={s.id} op="up" label="上移" />}
        {last ? null : <Verb ctx={ctx} id={s.id} op="down" label="下移" />}
        {s.retired ? <Verb ctx={ctx} id={s.id} op="restore" label="恢复使用" /> : <Verb ctx={ctx} id={s.id} op="retire" label="停用" />}
      </td>
    </tr>
  );
}

export function SubjectsPage({ ctx, tree, values, errors }: { ctx: PageContext; tree: SubjectNode[]; values: Record<string, string>; errors: FieldErrors }) {
  const parents = tree.filter((t) => !t.retired);
  return (
    <StaffLayout ctx={ctx} title={Object.keys(errors).length ? '错误：主题分类' : '主题分类'} breadcrumbs={[{ href: BASE, label: '互动交流' }, { label: '主题分类' }]}>
      <h1>主题分类</h1>
      <p>留言和来电按两级主题分类登记，用于统计和筛选。停用的分类不再出现在登记表中，已登记的诉求保留原分类；分类不删除。</p>
      <ErrorSummary errors={errors} />
      <div class="table-wrap" role="region" tabIndex={0} aria-label="主题分类">
        <table>
          <caption>现有分类（按显示顺序）</caption>
          <thead>
            <tr>
              <th scope="col">分类</th>
              <th scope="col">名称</th>
              <th scope="col">操作</th>
            </tr>
          </thead>
          <tbody>
            {tree.flatMap((t, i) => [
              <Row key={t.id} ctx={ctx} s={t} level={1} name={values.name ?? ''} errors={errors} first={i === 0} last={i === tree.length - 1} />,
              ...t.children.map((c, k) => <Row key={c.id} ctx={ctx} s={c} level={2} name={values.name ?? ''} errors={errors} first={k === 0} last={k === t.children.length - 1} />),
            ])}
          </tbody>
        </table>
      </div>
      <h2 id="add-title">添加分类</h2>
      <form method="post" action={`${BASE}/subjects`} novalidate aria-labelledby="add-title">
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="op" value="add" />
        <SelectField name="parentId" label="上级分类" value={values.op === 'add' ? values.parentId : ''} error={errors.parentId} placeholder="无（一级分类）" options={parents.map((p) => ({ value: String(p.id), label: p.name }))} />
        <TextField name="name" label="分类名称" value={values.op === 'add' ? values.name : ''} error={errors.name} required maxLength={20} hint="不超过20个字；同一级不能重名" />
        <button type="submit" class="button">添加</button>
      </form>
    </StaffLayout>
  );
}
