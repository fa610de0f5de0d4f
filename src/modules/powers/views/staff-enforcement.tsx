// Back-office pages of 行政执法公示 and 办事指南 for one unit, and a 权责事项 with its catalog links.
import type { PageContext } from '../../../core/ui/context.ts';
import { CheckboxGroup, CsrfField, ErrorSummary, Pagination, RadioGroup, SelectField, TextArea, TextField } from '../../../core/ui/components.tsx';
import type { FieldErrors } from '../../../core/http/form.ts';
import { DECISION_KINDS, ENTERED_FIGURES, EXPLANATION_MAX, PARTY_TYPES, TIMELINESS_LABELS, WITHDRAW_GROUNDS, type StatisticsLine, type Timeliness } from '../domain/enforcement.ts';
import { AUDIENCES, GUIDE_LABELS, SERVICE_ITEM_TYPES, THEMES } from '../domain/guide.ts';
import type { DecisionRow, GuideRow, InspectionRow, ItemRow, OfficerRow } from '../data/repository.ts';
import { rowOf } from '../data/repository.ts';
import { InspectionTable, money, Refusal, RowElements, StatisticsTable, TableRegion } from './shared.tsx';
import { UnitFrame, type StaffUnit } from './staff-powers.tsx';

type Form = { values: Record<string, string>; errors: FieldErrors };
const empty: Form = { values: {}, errors: {} };

export function ProfilePage({
  ctx,
  unit,
  profile,
  officers,
  inspections,
  officer = empty,
  inspection = empty,
  statisticsYears = [],
  entered = [],
}: {
  ctx: PageContext;
  unit: StaffUnit;
  profile: Form;
  officers: OfficerRow[];
  inspections: InspectionRow[];
  officer?: Form;
  inspection?: Form;
  /** Finished years whose 年度执法数据 can be viewed and filled in, newest first. */
  statisticsYears?: number[];
  /** Years with figures entered. */
  entered?: number[];
}) {
  const p = profile;
  return (
    <UnitFrame ctx={ctx} unit={unit} title="执法公示（事前）">
      <p>
        <a href={`/enforcement/${unit.slug}`}>查看公开页面</a>
      </p>
      {unit.canEdit ? (
        <form method="post" action={`/staff/powers/${unit.slug}/enforcement/profile`} noValidate>
          <h2>执法主体、职责、权限、依据、程序、救济渠道</h2>
          <ErrorSummary errors={p.errors} />
          <CsrfField token={ctx.csrfToken} />
          <TextField name="bodyName" label="执法主体" value={p.values.bodyName} error={p.errors.bodyName} required />
          <TextArea name="duties" label="职责" value={p.values.duties} error={p.errors.duties} rows={3} />
          <TextArea name="authority" label="权限" value={p.values.authority} error={p.errors.authority} rows={3} />
          <TextArea name="basis" label="依据" value={p.values.basis} error={p.errors.basis} rows={3} />
          <TextArea name="procedure" label="执法程序（每行一个步骤，公开页面据此生成执法流程图）" value={p.values.procedure} error={p.errors.procedure} rows={6} />
          <TextArea name="remedy" label="救济渠道" value={p.values.remedy} error={p.errors.remedy} rows={2} />
          <button type="submit">保存</button>
        </form>
      ) : null}
      <h2>年度执法数据</h2>
      <p class="hint">每年1月31日前公开上年度数据：执法决定数量自动统计，其他数据和情况说明在此填报。</p>
      <ul>
        {statisticsYears.map((y) => (
          <li key={y}>
            <a href={`/staff/powers/${unit.slug}/statistics/${y}`}>{y}年度执法数据</a>（{entered.includes(y) ? '已填报' : '未填报'}）
          </li>
        ))}
      </ul>
      <h2>执法人员</h2>
      <p class="hint">只公开姓名、执法证号和执法类别。</p>
      <TableRegion label="执法人员">
        <table>
          <thead>
            <tr>
              <th scope="col">姓名</th>
              <th scope="col">执法证号</th>
              <th scope="col">执法类别</th>
              <th scope="col">操作</th>
            </tr>
          </thead>
          <tbody>
            {officers.map((o) => (
              <tr key={o.id}>
                <td>{o.name}</td>
                <td>{o.certNo}</td>
                <td>{o.category}</td>
                <td>
                  {unit.canEdit ? (
                    <form method="post" action={`/staff/powers/${unit.slug}/enforcement/officers/${o.id}/retire`} class="inline">
                      <CsrfField token={ctx.csrfToken} />
                      <button type="submit">不再公开（调离、证件注销）</button>
                    </form>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
      {unit.canEdit ? (
        <form method="post" action={`/staff/powers/${unit.slug}/enforcement/officers`} class="action-box" noValidate>
          <h3>登记执法人员</h3>
          <ErrorSummary errors={officer.errors} />
          <CsrfField token={ctx.csrfToken} />
          <TextField name="name" label="姓名" value={officer.values.name} error={officer.errors.name} required />
          <TextField name="certNo" label="执法证号" value={officer.values.certNo} error={officer.errors.certNo} required />
          <TextField name="category" label="执法类别" value={officer.values.category} error={officer.errors.category} hint="如 市场监管、综合执法" required />
          <button type="submit">登记</button>
        </form>
      ) : null}
      <h2>随机抽查事项清单</h2>
      {inspections.length ? <InspectionTable rows={inspections} /> : <p>暂无。</p>}
      {unit.canEdit ? (
        <form method="post" action={`/staff/powers/${unit.slug}/enforcement/inspections`} class="action-box" noValidate>
          <h3>增加抽查事项</h3>
          <ErrorSummary errors={inspection.errors} />
          <CsrfField token={ctx.csrfToken} />
          <TextField name="item" label="检查项目" value={inspection.values.item} error={inspection.errors.item} required />
          <TextField name="subItem" label="检查子项" value={inspection.values.subItem} error={inspection.errors.subItem} />
          <TextField name="inspector" label="检查主体" value={inspection.values.inspector} error={inspection.errors.inspector} required />
          <TextField name="basis" label="检查依据" value={inspection.values.basis} error={inspection.errors.basis} required />
          <TextField name="method" label="检查方式" value={inspection.values.method} error={inspection.errors.method} hint="如 现场检查、书面检查" required />
          <TextField name="content" label="检查内容" value={inspection.values.content} error={inspection.errors.content} required />
          <TextField name="note" label="备注" value={inspection.values.note} error={inspection.errors.note} />
          <button type="submit">增加</button>
        </form>
      ) : null}
    </UnitFrame>
  );
}

export interface DecisionListRow {
  d: DecisionRow;
  timeliness: Timeliness;
}

export function DecisionsPage({
  ctx,
  unit,
  rows,
  total,
  overdueOnly,
  page,
  pageCount,
  form,
}: {
  ctx: PageContext;
  unit: StaffUnit;
  rows: DecisionListRow[];
  total: number;
  overdueOnly: boolean;
  page: number;
  pageCount: number;
  form: Form;
}) {
  const f = form;
  return (
    <UnitFrame ctx={ctx} unit={unit} title="执法决定">
      <p>
        {overdueOnly ? (
          <>
            逾期未公开{total}件。<a href={`/staff/powers/${unit.slug}/decisions`}>查看全部</a>
          </>
        ) : (
          <>
            共{total}件。<a href={`/staff/powers/${unit.slug}/decisions?overdue=1`}>只看逾期未公开的</a>
          </>
        )}
      </p>
      <TableRegion label="执法决定">
        <table>
          <thead>
            <tr>
              <th scope="col">决定书文号</th>
              <th scope="col">类别</th>
              <th scope="col">决定日期</th>
              <th scope="col">公开期限</th>
              <th scope="col">公开日期</th>
              <th scope="col">状态</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ d, timeliness }) => (
              <tr key={d.id} class={timeliness === 'overdue' ? 'row-bad' : timeliness === 'late' ? 'row-warn' : undefined}>
                <td>
                  <a href={`/staff/powers/decisions/${d.publicCode}`}>{d.docNo}</a>
                </td>
                <td>{d.kind}</td>
                <td class="date">{d.decidedOn}</td>
                <td class="date">
                  {d.dueOn}
                  {d.dueProvisional ? '（暂定）' : ''}
                </td>
                <td class="date">{d.publishedOn ?? '—'}</td>
                <td>
                  <span class={timeliness === 'overdue' ? 'status-bad' : timeliness === 'late' ? 'status-warn' : undefined}>{TIMELINESS_LABELS[timeliness]}</span>
                  {d.withdrawnOn ? '，已撤回' : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
      <Pagination page={page} pageCount={pageCount} hrefFor={(p) => `/staff/powers/${unit.slug}/decisions?${overdueOnly ? 'overdue=1&' : ''}page=${p}`} />
      {unit.canEdit ? (
        <form method="post" action={`/staff/powers/${unit.slug}/decisions`} class="action-box" noValidate>
          <h2>登记执法决定</h2>
          <p class="hint">公开期限按工作日历自动计算：行政许可、行政处罚7个工作日，其他20个工作日。自然人的身份证号码、住址、电话不得填入公开内容；当事人为未成年人的不在网上公开。</p>
          <ErrorSummary errors={f.errors} />
          <CsrfField token={ctx.csrfToken} />
          <SelectField name="kind" label="执法类别" value={f.values.kind} options={DECISION_KINDS.map((k) => ({ value: k, label: k }))} error={f.errors.kind} placeholder="请选择" required />
          <TextField name="docNo" label="决定书文号" value={f.values.docNo} error={f.errors.docNo} required />
          <RadioGroup name="partyType" legend="当事人类别" value={f.values.partyType ?? ''} options={PARTY_TYPES.map((p) => ({ value: p, label: p }))} error={f.errors.partyType} inline required />
          <TextField name="partyName" label="当事人名称（自然人写姓名）" value={f.values.partyName} error={f.errors.partyName} required />
          <TextField name="uscc" label="统一社会信用代码（法人、组织）" value={f.values.uscc} error={f.errors.uscc} />
          <TextField name="legalRep" label="法定代表人（法人）" value={f.values.legalRep} error={f.errors.legalRep} />
          <TextArea name="facts" label="违法事实（主要事实）" value={f.values.facts} error={f.errors.facts} rows={3} required />
          <TextArea name="basis" label="处理依据" value={f.values.basis} error={f.errors.basis} rows={2} required />
          <TextArea name="content" label="决定内容（执法结论）" value={f.values.content} error={f.errors.content} rows={2} required />
          <TextField name="fineYuan" label="罚款金额（元，无罚款不填）" value={f.values.fineYuan} error={f.errors.fineYuan} inputMode="decimal" />
          <TextField name="decidedOn" label="决定日期" type="date" value={f.values.decidedOn} error={f.errors.decidedOn} required />
          <CheckboxGroup
            name="flags"
            legend="不公开的情形"
            options={[
              { value: 'minor', label: '当事人是未成年人' },
              { value: 'secret', label: '主要事实涉及国家秘密、商业秘密或个人隐私' },
            ]}
            values={(f.values.flags ?? '').split(',').filter(Boolean)}
            error={f.errors.flags}
          />
          <button type="submit">登记</button>
        </form>
      ) : null}
    </UnitFrame>
  );
}

export function DecisionStaffPage({ ctx, unit, d, timeliness, publish = empty, withdraw = empty }: { ctx: PageContext; unit: StaffUnit; d: DecisionRow; timeliness: Timeliness; publish?: Form; withdraw?: Form }) {
  return (
    <UnitFrame ctx={ctx} unit={unit} title={`执法决定 ${d.docNo}`}>
      <dl class="facts">
        <dt>执法类别</dt>
        <dd>{d.kind}</dd>
        <dt>当事人</dt>
        <dd>
          {d.partyName}（{d.partyType}）
        </dd>
        <dt>决定日期</dt>
        <dd>{d.decidedOn}</dd>
        <dt>公开期限</dt>
        <dd>
          {d.dueOn}
          {d.dueProvisional ? '（暂定：该年节假日安排尚未录入）' : ''}
        </dd>
        <dt>状态</dt>
        <dd>
          {TIMELINESS_LABELS[timeliness]}
          {d.withheldReason ? `：${d.withheldReason}` : ''}
          {d.publishedOn ? `（${d.publishedOn} 公开）` : ''}
        </dd>
        <dt>罚款金额</dt>
        <dd>{money(d.fineYuan)}</dd>
        <dt>违法事实</dt>
        <dd>{d.facts}</dd>
        <dt>决定内容</dt>
        <dd>{d.content}</dd>
        {d.withdrawnOn ? (
          <>
            <dt>撤回</dt>
            <dd>
              {d.withdrawGround}（{d.withdrawEventOn}），撤回期限 {d.withdrawDueOn}，{d.withdrawnOn} 撤回
              {d.withdrawnOn! > d.withdrawDueOn! ? '（逾期）' : ''}。理由：{d.withdrawReason}
            </dd>
          </>
        ) : null}
      </dl>
      {!(unit.canEdit && !d.publishedOn && !d.withheldReason) ? <Refusal errors={publish.errors} /> : null}
      {!(unit.canEdit && d.publishedOn && !d.withdrawnOn) ? <Refusal errors={withdraw.errors} /> : null}
      {unit.canEdit && !d.publishedOn && !d.withheldReason ? (
        <form method="post" action={`/staff/powers/decisions/${d.publicCode}/publish`} class="action-box" noValidate>
          <h2>公开</h2>
          <ErrorSummary errors={publish.errors} />
          <CsrfField token={ctx.csrfToken} />
          <TextField name="publishedOn" label="公开日期" type="date" value={publish.values.publishedOn} error={publish.errors.publishedOn} required />
          <button type="submit">公开</button>
        </form>
      ) : null}
      {unit.canEdit && d.publishedOn && !d.withdrawnOn ? (
        <form method="post" action={`/staff/powers/decisions/${d.publicCode}/withdraw`} class="action-box" noValidate>
          <h2>撤回（决定被变更、撤销或确认违法、无效）</h2>
          <p class="hint">应在变更、撤销或确认之日起3个工作日内撤回，并公开说明理由（《行政处罚法》第四十八条）。</p>
          <ErrorSummary errors={withdraw.errors} />
          <CsrfField token={ctx.csrfToken} />
          <RadioGroup name="ground" legend="撤回原因" value={withdraw.values.ground ?? ''} options={WITHDRAW_GROUNDS.map((g) => ({ value: g, label: g }))} error={withdraw.errors.ground} inline required />
          <TextField name="eventOn" label="变更、撤销或确认的日期" type="date" value={withdraw.values.eventOn} error={withdraw.errors.eventOn} required />
          <TextField name="withdrawnOn" label="撤回日期" type="date" value={withdraw.values.withdrawnOn} error={withdraw.errors.withdrawnOn} required />
          <TextArea name="reason" label="公开说明的理由" value={withdraw.values.reason} error={withdraw.errors.reason} rows={3} required />
          <button type="submit">撤回</button>
        </form>
      ) : null}
    </UnitFrame>
  );
}

export function GuidesPage({ ctx, unit, guides }: { ctx: PageContext; unit: StaffUnit; guides: GuideRow[] }) {
  return (
    <UnitFrame ctx={ctx} unit={unit} title="办事指南">
      {unit.canEdit ? (
        <p>
          <a href={`/staff/powers/${unit.slug}/guides/new`}>新建办事指南</a>
        </p>
      ) : null}
      <TableRegion label="办事指南">
        <table>
          <thead>
            <tr>
              <th scope="col">事项名称</th>
              <th scope="col">主题</th>
              <th scope="col">状态</th>
            </tr>
          </thead>
          <tbody>
            {guides.map((g) => (
              <tr key={g.id}>
                <td>
                  <a href={`/staff/powers/guides/${g.publicCode}`}>{g.name}</a>
                </td>
                <td>{g.theme}</td>
                <td>{g.publishedAt ? <span class="status-ok">已发布</span> : '草稿'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
    </UnitFrame>
  );
}

export const MATERIAL_SLOTS = 3;

export function GuideFormPage({
  ctx,
  unit,
  guide,
  form,
  powerItems,
  upload = empty,
}: {
  ctx: PageContext;
  unit: StaffUnit;
  guide?: GuideRow;
  form: Form;
  powerItems: { id: number; name: string }[];
  upload?: Form;
}) {
  const v = form.values;
  const e = form.errors;
  const count = Number(v.materialCount ?? '0') + MATERIAL_SLOTS;
  const action = guide ? `/staff/powers/guides/${guide.publicCode}` : `/staff/powers/${unit.slug}/guides`;
  return (
    <UnitFrame ctx={ctx} unit={unit} title={guide ? `办事指南：${guide.name}` : '新建办事指南'}>
      {guide ? (
        <p>
          状态：{guide.publishedAt ? '已发布' : '草稿'}
          {guide.publishedAt ? (
            <>
              {' '}
              · <a href={`/services/${guide.publicCode}`}>查看公开页面</a>
            </>
          ) : null}
        </p>
      ) : null}
      <form method="post" action={action} noValidate>
        <ErrorSummary errors={e} />
        <CsrfField token={ctx.csrfToken} />
        <TextField name="name" label={GUIDE_LABELS.name} value={v.name} error={e.name} required />
        <SelectField name="itemType" label={GUIDE_LABELS.itemType} value={v.itemType} options={SERVICE_ITEM_TYPES.map((t) => ({ value: t, label: t }))} error={e.itemType} placeholder="请选择" required />
        <RadioGroup name="audience" legend={GUIDE_LABELS.audience} value={v.audience ?? ''} options={AUDIENCES.map((a) => ({ value: a, label: a }))} error={e.audience} inline required />
        <SelectField name="theme" label={GUIDE_LABELS.theme} value={v.theme} options={THEMES.map((t) => ({ value: t, label: t }))} error={e.theme} placeholder="请选择" required />
        <SelectField name="powerItem" label="对应权责事项" value={v.powerItem} options={powerItems.map((p) => ({ value: String(p.id), label: p.name }))} error={e.powerItem} placeholder="（无）" />
        <TextArea name="basis" label={GUIDE_LABELS.basis} value={v.basis} error={e.basis} rows={2} />
        <TextArea name="conditions" label={GUIDE_LABELS.conditions} value={v.conditions} error={e.conditions} rows={3} />
        <TextArea name="process" label={GUIDE_LABELS.process} value={v.process} error={e.process} rows={3} hint="每行一个环节" />
        <TextField name="place" label={GUIDE_LABELS.place} value={v.place} error={e.place} />
        <TextField name="hours" label={GUIDE_LABELS.hours} value={v.hours} error={e.hours} />
        <TextField name="legalLimit" label={`${GUIDE_LABELS.legalLimit}（工作日）`} value={v.legalLimit} error={e.legalLimit} inputMode="numeric" />
        <TextField name="promisedLimit" label={`${GUIDE_LABELS.promisedLimit}（工作日）`} value={v.promisedLimit} error={e.promisedLimit} inputMode="numeric" />
        <TextField name="fee" label={GUIDE_LABELS.fee} value={v.fee} error={e.fee} hint="不收费的写“不收费”" />
        <TextField name="consultPhone" label={GUIDE_LABELS.consultPhone} value={v.consultPhone} error={e.consultPhone} />
        <TextField name="complaintPhone" label={GUIDE_LABELS.complaintPhone} value={v.complaintPhone} error={e.complaintPhone} />
        <TextField name="delivery" label={GUIDE_LABELS.delivery} value={v.delivery} error={e.delivery} />
        <TextField name="remedy" label={GUIDE_LABELS.remedy} value={v.remedy} error={e.remedy} />
        <fieldset id="f-materials">
          <legend>{GUIDE_LABELS.materials}</legend>
          <input type="hidden" name="slots" value={String(count)} />
          {e.materials ? <p class="field-message">{e.materials}</p> : null}
          <p class="hint">每项材料写明具体名称；“其他材料”“有关材料”等兜底表述不予接受。名称留空的行不保存。</p>
          {Array.from({ length: count }, (_, i) => (
            <div key={i} class="action-box">
              <TextField name={`material-${i}`} label={`材料${i + 1}名称`} value={v[`material-${i}`]} error={e[`material-${i}`]} />
              <TextField name={`material-${i}-form`} label="材料形式" value={v[`material-${i}-form`]} hint="如 原件、复印件、电子" />
              <TextField name={`material-${i}-copies`} label="份数" value={v[`material-${i}-copies`]} error={e[`material-${i}-copies`]} inputMode="numeric" />
              <CheckboxGroup name={`material-${i}-required`} legend="必要性" options={[{ value: 'on', label: '必要材料' }]} values={v[`material-${i}-required`] ? ['on'] : []} />
              <TextField name={`material-${i}-note`} label="备注" value={v[`material-${i}-note`]} />
            </div>
          ))}
        </fieldset>
        <button type="submit">保存</button>
      </form>
      {guide ? (
        <>
          <form method="post" action={`/staff/powers/guides/${guide.publicCode}/${guide.publishedAt ? 'unpublish' : 'publish'}`} class="action-box">
            <CsrfField token={ctx.csrfToken} />
            <button type="submit">{guide.publishedAt ? '撤下' : '发布'}</button>
          </form>
          {!guide.materials.length ? <Refusal errors={upload.errors} /> : null}
          {guide.materials.length ? (
            <form method="post" action={`/staff/powers/guides/${guide.publicCode}/forms`} encType="multipart/form-data" class="action-box" noValidate>
              <h2>上传空白表格、示例样表</h2>
              <ErrorSummary errors={upload.errors} />
              <CsrfField token={ctx.csrfToken} />
              <SelectField name="material" label="材料" value={upload.values.material} options={guide.materials.map((m, i) => ({ value: String(i), label: m.name }))} error={upload.errors.material} required />
              <RadioGroup
                name="kind"
                legend="类别"
                value={upload.values.kind ?? 'blank'}
                options={[
                  { value: 'blank', label: '空白表格' },
                  { value: 'sample', label: '示例样表' },
                ]}
                inline
              />
              <div class={upload.errors.file ? 'field field-error' : 'field'}>
                <label for="f-file">文件（PDF、DOCX、XLSX、OFD 或图片）</label>
                {upload.errors.file ? (
                  <p class="field-message" id="f-file-error">
                    <span class="visually-hidden">错误：</span>
                    {upload.errors.file}
                  </p>
                ) : null}
                <input id="f-file" name="file" type="file" aria-describedby={upload.errors.file ? 'f-file-error' : undefined} />
              </div>
              <button type="submit">上传</button>
            </form>
          ) : null}
        </>
      ) : null}
    </UnitFrame>
  );
}

export function ItemStaffPage({
  ctx,
  unit,
  item,
  linked,
  options,
  form,
}: {
  ctx: PageContext;
  unit: StaffUnit;
  item: ItemRow;
  linked: { id: number; label: string }[];
  options: { value: string; label: string }[];
  form: Form;
}) {
  return (
    <UnitFrame ctx={ctx} unit={unit} title={item.name}>
      <p>
        <a href={`/powers/items/${item.publicCode}`}>查看公开页面</a> · <a href={`/staff/powers/${unit.slug}/changes/new?item=${item.publicCode}`}>提出调整</a>
      </p>
      <h2>产生的公开事项（标准目录）</h2>
      {linked.length ? (
        <ul>
          {linked.map((l) => (
            <li key={l.id}>
              {l.label}
              {unit.canEdit ? (
                <form method="post" action={`/staff/powers/items/${item.publicCode}/links/${l.id}/remove`} class="inline">
                  <CsrfField token={ctx.csrfToken} />
                  <button type="submit">取消关联</button>
                </form>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p>尚未关联。</p>
      )}
      {unit.canEdit ? (
        <form method="post" action={`/staff/powers/items/${item.publicCode}/links`} class="filters" noValidate>
          {options.length ? null : <p class="hint">本单位目录中暂无可关联的公开事项（已关联的不再列出）。</p>}
          <CsrfField token={ctx.csrfToken} />
          <SelectField name="catalogItem" label="本单位目录中的公开事项" value={form.values.catalogItem} options={options} error={form.errors.catalogItem} placeholder="请选择" />
          <div class="field">
            <button type="submit">注明来源于本事项</button>
          </div>
        </form>
      ) : null}
      <h2>事项要素</h2>
      <RowElements row={rowOf(item)} />
    </UnitFrame>
  );
}

/** The 年度执法数据 of a year as staff see it: the computed figures, and the form for those entered by hand. */
export function StatisticsEntryPage({ ctx, unit, year, due, lines, form, updatedAt }: { ctx: PageContext; unit: StaffUnit; year: number; due: string; lines: StatisticsLine[]; form: Form; updatedAt: Date | null }) {
  const groups = [...new Set(ENTERED_FIGURES.map((f) => f.kind))];
  return (
    <UnitFrame ctx={ctx} unit={unit} title={`${year}年度执法数据`}>
      <p>
        应于 {due} 前公开（国办发〔2018〕118号）。<a href={`/enforcement/${unit.slug}/statistics/${year}`}>查看公开页面</a>
      </p>
      <h2>由执法决定登记自动统计</h2>
      <StatisticsTable caption={`${year}年度执法数据（自动统计）`} lines={lines.filter((l) => l.source === 'computed')} />
      <h2>由本单位填报</h2>
      <p class="hint">执法决定登记中没有的数据在此填报；不填的项目不公开。数字可用全角或半角，可带千位分隔符。</p>
      {updatedAt ? <p class="hint">最近保存：{updatedAt.toISOString().slice(0, 10)}</p> : null}
      {unit.canEdit ? (
        <form method="post" action={`/staff/powers/${unit.slug}/statistics/${year}`} noValidate>
          <ErrorSummary errors={form.errors} />
          <CsrfField token={ctx.csrfToken} />
          {groups.map((kind) => (
            <fieldset key={kind || 'all'}>
              <legend>{kind || '执法监督（复议、诉讼）'}</legend>
              {ENTERED_FIGURES.filter((f) => f.kind === kind).map((f) => (
                <TextField key={f.key} name={f.key} label={`${f.label}（${f.unit}）`} value={form.values[f.key]} error={form.errors[f.key]} inputMode={f.money ? 'decimal' : 'numeric'} maxLength={30} />
              ))}
            </fieldset>
          ))}
          <TextArea name="explanation" label="行政执法情况说明" hint={`本年度执法工作的总体情况、数据变化的原因等，最多${EXPLANATION_MAX}字。`} value={form.values.explanation} error={form.errors.explanation} rows={8} />
          <button type="submit">保存</button>
        </form>
      ) : (
        <StatisticsTable caption={`${year}年度执法数据（填报）`} lines={lines.filter((l) => l.source === 'entered')} />
      )}
    </UnitFrame>
  );
}
