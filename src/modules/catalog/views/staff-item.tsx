import type { PageContext } from '../../../core/ui/context.ts';
import type { FieldErrors } from '../../../core/http/form.ts';
import { StaffLayout } from '../../../core/ui/layout.tsx';
import { CheckboxGroup, CsrfField, ErrorSummary, fieldId, SelectField, TextArea, TextField } from '../../../core/ui/components.tsx';
import { STANDARD_CHANNELS } from '../domain/types.ts';
import { AUDIENCE_OPTIONS, LEVEL_OPTIONS, MODE_OPTIONS, type ItemFormValues, type TimeLimitUnderstanding } from '../domain/item-form.ts';
import type { FieldChange } from '../domain/versions.ts';
import { CATALOG_CRUMB } from './staff-catalog.tsx';

export interface ItemFormProps {
  ctx: PageContext;
  mode: 'new' | 'edit';
  unitName: string;
  unitSlug: string;
  isRoot: boolean;
  action: string;
  values: ItemFormValues;
  errors: FieldErrors;
  domains: string[];
  understood: TimeLimitUnderstanding | null;
  /** Edit only. */
  item?: { code: string; version: number; level2: string };
  retire?: { reason: string; error?: string };
  /** Shown after "检查公开时限" (nothing saved). */
  checked?: boolean;
}

function TimeLimitNote({ understood }: { understood: TimeLimitUnderstanding | null }) {
  if (!understood) return <p class="hint" id="time-limit-understood">填写后，保存或点击“检查公开时限”可看到系统如何理解该时限。</p>;
  if (!understood.recognised) {
    return (
      <div class="warning-box" id="time-limit-understood">
        <p>
          <strong>无法自动计算：</strong>系统没有识别出这段时限的计算规则，将按原文保存，不提示到期日。
        </p>
      </div>
    );
  }
  return (
    <p class="hint" id="time-limit-understood">
      系统理解为：{understood.description}
      {understood.computable ? '（可自动计算到期日）' : ''}
    </p>
  );
}

export function ItemFormPage(p: ItemFormProps) {
  const v = p.values;
  const e = p.errors;
  const catalogTitle = p.isRoot ? '本市标准目录' : `${p.unitName}目录`;
  const title = p.mode === 'new' ? '新增事项' : `编辑事项：${p.item?.level2 ?? ''}`;
  const general = e.item ? { item: e.item } : {};
  return (
    <StaffLayout ctx={p.ctx} title={title} breadcrumbs={[CATALOG_CRUMB, { href: `/staff/catalog/${p.unitSlug}`, label: catalogTitle }, { label: title }]}>
      <h1>{title}</h1>
      <p class="hint">
        {catalogTitle}
        {p.item ? `，当前为第${p.item.version}版。保存后形成第${p.item.version + 1}版。` : '。'}带 * 的为必填项。
      </p>
      <ErrorSummary errors={e} />
      {p.checked ? (
        <div class="notice" role="status">
          已检查公开时限，尚未保存。
        </div>
      ) : null}
      {general.item ? (
        <p class="field-message" id={fieldId('item')}>
          {general.item}
        </p>
      ) : null}
      <form method="post" action={p.action} novalidate>
        <CsrfField token={p.ctx.csrfToken} />
        {p.item ? <input type="hidden" name="version" value={String(p.item.version)} /> : null}
        <SelectField
          name="domainName"
          label="领域"
          value={v.domainName}
          error={e.domainName}
          options={p.domains.map((d) => ({ value: d, label: d }))}
          placeholder="请选择领域"
          required
        />
        <TextField name="level1" label="一级事项" value={v.level1} error={e.level1} maxLength={200} required />
        <TextField name="level2" label="二级事项" value={v.level2} error={e.level2} maxLength={200} required />
        <TextArea name="content" label="公开内容（要素）" value={v.content} error={e.content} rows={5} required />
        <TextArea
          name="basis"
          label="公开依据"
          value={v.basis}
          error={e.basis}
          rows={4}
          hint="按目录原文填写，保存和导出时原样保留（分隔符、编号、书名号不变）；多条依据可用“、”“；”或换行分隔，如：《中华人民共和国政府信息公开条例》第二十条"
          required
        />
        <TextField
          name="timeLimitText"
          label="公开时限"
          value={v.timeLimitText}
          error={e.timeLimitText}
          maxLength={500}
          hint="按目录原文填写，如：信息形成（变更）之日起20个工作日内；本级人民代表大会批准后20日内；每年1月31日前。"
          required
        />
        <TimeLimitNote understood={p.understood} />
        <p>
          <button type="submit" name="action" value="check" class="button secondary" formnovalidate>
            检查公开时限
          </button>
        </p>
        <TextField
          name="publisherText"
          label="公开主体"
          value={v.publisherText}
          error={e.publisherText}
          maxLength={500}
          hint="单位名称或单位类型，多个用“、”分隔，如：楚雄市财政局、各乡镇人民政府"
          required
        />
        <CheckboxGroup
          name="channels"
          legend="公开渠道和载体"
          options={STANDARD_CHANNELS.map((c) => ({ value: c, label: c }))}
          values={v.channels}
          error={e.channels}
          hint="至少选择一个渠道，或在下面填写其他渠道。"
        />
        <TextField
          name="customChannels"
          label="其他渠道（选填）"
          value={v.customChannels}
          error={e.customChannels}
          maxLength={500}
          hint="按本单位的叫法填写，多个用“、”分隔，如：公示栏、村务公开栏、部门网站。能识别为标准渠道的（如公示栏→社区/企事业单位/村公示栏（电子屏））会同时勾选该标准渠道，原文照样保留和导出。"
        />
        <input type="hidden" name="channelsText" value={v.channelsText} />
        {v.channelsText ? <p class="hint">目录原文：{v.channelsText}</p> : null}
        <CheckboxGroup name="audience" legend="公开对象" options={[...AUDIENCE_OPTIONS]} values={v.audience} error={e.audience} />
        <CheckboxGroup name="mode" legend="公开方式" options={[...MODE_OPTIONS]} values={v.mode} error={e.mode} />
        <CheckboxGroup name="level" legend="公开层级" options={[...LEVEL_OPTIONS]} values={v.level} error={e.level} />
        <TextArea
          name="reason"
          label="变更说明"
          value={v.reason}
          error={e.reason}
          rows={2}
          hint="说明为什么新增或修改，将记入目录版本历史，如：依据财预〔2016〕143号调整公开时限。"
          required
        />
        <button type="submit" class="button">
          保存
        </button>{' '}
        <a href={`/staff/catalog/${p.unitSlug}`}>取消</a>
      </form>
      {p.item && p.retire ? (
        <section aria-labelledby="retire-title">
          <h2 id="retire-title">停用事项</h2>
          <p>停用后该事项从{catalogTitle}及采用它的各单位目录中移除，历史版本保留。</p>
          <form method="post" action={`/staff/catalog/items/${p.item.code}/retire`}>
            <CsrfField token={p.ctx.csrfToken} />
            <TextArea name="retireReason" label="停用原因" value={p.retire.reason} error={p.retire.error} rows={2} required />
            <button type="submit" class="button warning">
              停用该事项
            </button>
          </form>
          <p>
            <a href={`/staff/catalog/items/${p.item.code}/history`}>查看该事项的修改历史</a>
          </p>
        </section>
      ) : null}
    </StaffLayout>
  );
}

export interface HistoryEntry {
  version: number;
  kind: string;
  at: string;
  by: string;
  reason: string;
  changes: FieldChange[];
}

export function ItemHistoryPage({
  ctx,
  unitName,
  unitSlug,
  isRoot,
  item,
  entries,
  canEdit,
}: {
  ctx: PageContext;
  unitName: string;
  unitSlug: string;
  isRoot: boolean;
  item: { code: string; level1: string; level2: string; domainName: string; retired: boolean };
  entries: HistoryEntry[];
  canEdit: boolean;
}) {
  const catalogTitle = isRoot ? '本市标准目录' : `${unitName}目录`;
  const title = `修改历史：${item.level2}`;
  return (
    <StaffLayout ctx={ctx} title={title} breadcrumbs={[CATALOG_CRUMB, { href: `/staff/catalog/${unitSlug}`, label: catalogTitle }, { label: title }]}>
      <h1>{title}</h1>
      <dl class="facts">
        <dt>领域</dt>
        <dd>{item.domainName}</dd>
        <dt>一级事项</dt>
        <dd>{item.level1}</dd>
        <dt>状态</dt>
        <dd>{item.retired ? <span class="status-bad">已停用</span> : <span class="status-ok">使用中</span>}</dd>
      </dl>
      {canEdit && !item.retired ? (
        <p>
          <a class="button secondary" href={`/staff/catalog/items/${item.code}/edit`}>
            编辑该事项
          </a>
        </p>
      ) : null}
      <div class="table-wrap" role="region" tabIndex={0} aria-label="各版本（新的在前）">
        <table>
          <caption>各版本（新的在前）</caption>
          <thead>
            <tr>
              <th scope="col">版本</th>
              <th scope="col">时间</th>
              <th scope="col">操作人</th>
              <th scope="col">类型</th>
              <th scope="col">变更说明</th>
              <th scope="col">变更内容</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((en) => (
              <tr key={en.version}>
                <td>第{en.version}版</td>
                <td>{en.at}</td>
                <td>{en.by}</td>
                <td>{en.kind}</td>
                <td>{en.reason}</td>
                <td>
                  {en.changes.length ? (
                    <ul>
                      {en.changes.map((c) => (
                        <li key={c.field}>
                          {c.label}：“{c.before || '（空）'}”改为“{c.after || '（空）'}”
                        </li>
                      ))}
                    </ul>
                  ) : (
                    '—'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </StaffLayout>
  );
}
