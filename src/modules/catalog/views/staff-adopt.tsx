import type { PageContext } from '../../../core/ui/context.ts';
import type { FieldErrors } from '../../../core/http/form.ts';
import { StaffLayout } from '../../../core/ui/layout.tsx';
import { CsrfField, ErrorSummary, fieldId, TextArea } from '../../../core/ui/components.tsx';
import type { GroupedDomain } from '../domain/catalog-groups.ts';
import { CATALOG_CRUMB } from './staff-catalog.tsx';

export interface AdoptOption {
  code: string;
  domainId: number;
  level1: string;
  level2: string;
  publisherText: string;
  /** 公开层级 marked on the item: "县级、乡级", "县级" … */
  level: string;
  /** Why this unit may not adopt the item (another level); undefined when it may. */
  refusal?: string;
}

export function AdoptPage({
  ctx,
  unitName,
  slug,
  groups,
  checked,
  reason,
  errors,
  adoptedCount,
}: {
  ctx: PageContext;
  unitName: string;
  slug: string;
  groups: GroupedDomain<AdoptOption>[];
  checked: Set<string>;
  reason: string;
  errors: FieldErrors;
  adoptedCount: number;
}) {
  const title = `${unitName}：采用标准目录事项`;
  return (
    <StaffLayout ctx={ctx} title={title} breadcrumbs={[CATALOG_CRUMB, { href: `/staff/catalog/${slug}`, label: `${unitName}目录` }, { label: '采用标准目录事项' }]}>
      <h1>{title}</h1>
      <p>
        勾选适用于本单位的本市标准目录事项，取消勾选即从本单位目录中移除。目前已采用 {adoptedCount} 项。保存后形成本单位目录的新版本。
        乡镇（街道）可以采用标记了“乡级”的事项，其他单位可以采用标记了“县级”的事项；公开主体写明本单位的事项不受此限。
      </p>
      <ErrorSummary errors={errors} />
      {groups.length === 0 ? (
        <p>本市标准目录中还没有事项。</p>
      ) : (
        <form method="post" action={`/staff/catalog/${slug}/adopt`}>
          <CsrfField token={ctx.csrfToken} />
          <div id={fieldId('items')}>
            {errors.items ? <p class="field-message">{errors.items}</p> : null}
            {groups.map((g) => (
              <fieldset class="field" key={g.domain.id}>
                <legend>
                  {g.domain.name}领域（{g.count}项）
                </legend>
                {g.level1.map((l1, i) => (
                  <div key={i}>
                    <p>
                      <strong>{l1.name}</strong>
                    </p>
                    <div class="checkboxes">
                      {l1.items.map((it) =>
                        it.refusal && !checked.has(it.code) ? (
                          <p class="checkbox" key={it.code}>
                            {it.level2}
                            <span class="hint">
                              （公开层级：{it.level}；公开主体：{it.publisherText}）不能采用：{it.refusal}
                            </span>
                          </p>
                        ) : (
                          <label class="checkbox" key={it.code}>
                            <input type="checkbox" name="items" value={it.code} checked={checked.has(it.code)} /> {it.level2}
                            <span class="hint">
                              （公开层级：{it.level}；公开主体：{it.publisherText}）
                            </span>
                          </label>
                        ),
                      )}
                    </div>
                  </div>
                ))}
              </fieldset>
            ))}
          </div>
          <TextArea name="reason" label="变更说明" value={reason} error={errors.reason} rows={2} hint="如：按2026年机构职责采用财政预决算领域事项。" required />
          <button type="submit" class="button">
            保存采用结果
          </button>{' '}
          <a href={`/staff/catalog/${slug}`}>取消</a>
        </form>
      )}
    </StaffLayout>
  );
}
