// Public pages of 建议提案办理 and 督查审计整改, and the findings block of a key task's page.
import type { PageContext } from '../../../core/ui/context.ts';
import { PublicLayout } from '../../../core/ui/layout.tsx';
import { Paragraphs } from '../../../core/ui/components.tsx';
import { PROPOSAL_KINDS, PUBLICITY_LABELS, RESULT_LABELS, SATISFACTION_LABELS, type ProposalKind, type ProposalResult, type Satisfaction } from '../domain/proposals.ts';
import { FINDING_KINDS, RECTIFICATION_LABELS, rectificationState } from '../domain/findings.ts';
import type { FindingRow, MeetingRow, ProposalRow } from '../data/repository.ts';
import { MEETING_KINDS } from '../domain/meetings.ts';

const HOME = { href: '/decisions', label: '决策公开' };

function YearNav({ years, year, base }: { years: number[]; year: number; base: string }) {
  if (years.length < 2) return null;
  return (
    <nav aria-label="年度">
      <p>
        年度：
        {years.map((y, i) => (
          <>
            {i ? '、' : ''}
            {y === year ? <strong aria-current="page">{y}年</strong> : <a href={`${base}/${y}`}>{y}年</a>}
          </>
        ))}
      </p>
    </nav>
  );
}

export interface ProposalCounts {
  kind: ProposalKind;
  total: number;
  replied: number;
  published: number;
}

export function ProposalsPage({ ctx, year, years, counts, rows, unitName }: { ctx: PageContext; year: number; years: number[]; counts: ProposalCounts[]; rows: ProposalRow[]; unitName: (id: number) => string }) {
  return (
    <PublicLayout ctx={ctx} title={`${year}年建议提案办理结果`} breadcrumbs={[HOME, { label: `${year}年建议提案办理` }]}>
      <h1>{year}年建议提案办理结果</h1>
      <YearNav years={years} year={year} base="/decisions/proposals" />
      <p>市人民政府各部门承办的人大代表建议和政协提案，答复后公开办理复文、办理结果和代表（委员）的满意度。涉及国家秘密、商业秘密、个人隐私的复文公开摘要或说明不公开的理由。</p>
      <div class="table-wrap" role="region" tabIndex={0} aria-label="办理情况统计">
        <table>
          <caption>{year}年办理情况（件）</caption>
          <thead>
            <tr>
              <th scope="col">类别</th>
              <th scope="col">交办</th>
              <th scope="col">已答复</th>
              <th scope="col">已公开办理结果</th>
            </tr>
          </thead>
          <tbody>
            {counts.map((c) => (
              <tr key={c.kind}>
                <td>{PROPOSAL_KINDS[c.kind].label}</td>
                <td>{c.total}</td>
                <td>{c.replied}</td>
                <td>{c.published}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {(['npc', 'cppcc'] as const).map((kind) => {
        const list = rows.filter((r) => r.kind === kind);
        return (
          <section key={kind} aria-labelledby={`k-${kind}`}>
            <h2 id={`k-${kind}`}>{PROPOSAL_KINDS[kind].label}</h2>
            {list.length ? (
              <ul>
                {list.map((p) => (
                  <li key={p.publicCode}>
                    第{p.number}号 <a href={`/decisions/proposals/items/${p.publicCode}`}>{p.title}</a>（{unitName(p.leadUnitId)}，{p.repliedOn}答复，{RESULT_LABELS[p.result as ProposalResult].slice(0, 2)}，{p.satisfaction ? SATISFACTION_LABELS[p.satisfaction as Satisfaction] : '代表未反馈意见'}）
                  </li>
                ))}
              </ul>
            ) : (
              <p>本年度尚未公开{PROPOSAL_KINDS[kind].label}的办理结果。</p>
            )}
          </section>
        );
      })}
    </PublicLayout>
  );
}

export function ProposalPage({ ctx, p, leadUnit }: { ctx: PageContext; p: ProposalRow; leadUnit: string }) {
  const kind = PROPOSAL_KINDS[p.kind];
  return (
    <PublicLayout ctx={ctx} title={p.title} breadcrumbs={[HOME, { href: `/decisions/proposals/${p.year}`, label: `${p.year}年建议提案办理` }, { label: `第${p.number}号` }]}>
      <h1>{p.title}</h1>
      <dl class="facts">
        <dt>类别和编号</dt>
        <dd>
          {kind.label}第{p.number}号
        </dd>
        <dt>提出人</dt>
        <dd>{p.proposer}</dd>
        <dt>主办单位</dt>
        <dd>{leadUnit}</dd>
        {p.supportingUnits ? (
          <>
            <dt>协办单位</dt>
            <dd>{p.supportingUnits}</dd>
          </>
        ) : null}
        <dt>交办日期</dt>
        <dd>{p.assignedOn}</dd>
        <dt>答复日期</dt>
        <dd>
          {p.repliedOn}
          {p.repliedOn && p.repliedOn > p.dueOn ? <span class="status-warn">（超过答复期限{p.dueOn}）</span> : null}
        </dd>
        <dt>办理结果</dt>
        <dd>{RESULT_LABELS[p.result as ProposalResult]}</dd>
        <dt>{kind.proposer}满意度</dt>
        <dd>{p.satisfaction ? SATISFACTION_LABELS[p.satisfaction as Satisfaction] : '未反馈'}</dd>
        <dt>公开方式</dt>
        <dd>
          {PUBLICITY_LABELS[p.publicity as keyof typeof PUBLICITY_LABELS]}（{p.publishedOn}公开）
        </dd>
      </dl>
      <h2>办理复文</h2>
      {p.publicity === 'full' ? <Paragraphs text={p.replyText ?? ''} /> : p.publicity === 'summary' ? <Paragraphs text={p.publicSummary ?? ''} /> : <p>复文不予公开，理由：{p.withheldReason}</p>}
    </PublicLayout>
  );
}

/** The findings table of the supervision page and of a key task's page. */
export function FindingsTable({ rows, unitName, today, caption, taskTitle }: { rows: FindingRow[]; unitName: (id: number) => string; today: string; caption: string; taskTitle?: (id: number | null) => { code: string; title: string } | undefined }) {
  return (
    <div class="table-wrap" role="region" tabIndex={0} aria-label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">类别</th>
            <th scope="col">来源和单位</th>
            <th scope="col">发现的问题</th>
            <th scope="col">整改时限</th>
            <th scope="col">整改情况</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((f) => {
            const s = rectificationState(f, today);
            const task = taskTitle?.(f.taskId);
            return (
              <tr key={f.publicCode}>
                <td>{FINDING_KINDS[f.kind]}</td>
                <td>
                  {f.source}（{f.foundOn}）<br />
                  {unitName(f.unitId)}
                  {task ? (
                    <>
                      <br />
                      相关工作：<a href={`/decisions/work/tasks/${task.code}`}>{task.title}</a>
                    </>
                  ) : null}
                </td>
                <td>
                  {f.finding}
                  {f.measures ? <p class="hint">整改要求：{f.measures}</p> : null}
                </td>
                <td class="nowrap">{f.rectifyBy}</td>
                <td>
                  <span class={s === 'overdue' || s === 'rectified_late' ? 'status-bad' : s === 'rectified' ? 'status-ok' : undefined}>{RECTIFICATION_LABELS[s]}</span>
                  {f.rectifiedOn ? (
                    <p>
                      {f.rectifiedOn}：{f.result}
                    </p>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export function SupervisionPage({ ctx, year, years, rows, unitName, taskTitle, today }: { ctx: PageContext; year: number; years: number[]; rows: FindingRow[]; unitName: (id: number) => string; taskTitle: (id: number | null) => { code: string; title: string } | undefined; today: string }) {
  const open = rows.filter((f) => !f.rectifiedOn).length;
  return (
    <PublicLayout ctx={ctx} title={`${year}年督查审计整改`} breadcrumbs={[HOME, { label: `${year}年督查审计整改` }]}>
      <h1>{year}年督查审计发现问题及整改情况</h1>
      <YearNav years={years} year={year} base="/decisions/supervision" />
      <p>
        对重点工作和政府部门开展督查、审计发现的问题，逐项公开整改要求、时限和整改结果。本年度共{rows.length}项，已整改{rows.length - open}项，尚在整改{open}项。
      </p>
      {rows.length ? <FindingsTable rows={rows} unitName={unitName} today={today} caption={`${year}年督查审计发现的问题（共${rows.length}项）`} taskTitle={taskTitle} /> : <p>本年度尚未公开督查或审计发现的问题。</p>}
    </PublicLayout>
  );
}

export function MeetingsPage({ ctx, year, years, rows }: { ctx: PageContext; year: number; years: number[]; rows: MeetingRow[] }) {
  return (
    <PublicLayout ctx={ctx} title={`${year}年政府常务会议和专题会议`} breadcrumbs={[HOME, { label: `${year}年会议` }]}>
      <h1>{year}年政府常务会议和专题会议</h1>
      <YearNav years={years} year={year} base="/decisions/meetings" />
      <p>市人民政府常务会议和专题会议的议题、列席人员、会议纪要（新闻稿）和解读，以及会议研究的重大行政决策事项。</p>
      {rows.length ? (
        <ul>
          {rows.map((m) => (
            <li key={m.publicCode}>
              <a href={`/decisions/meetings/items/${m.publicCode}`}>{m.name}</a>（{m.heldOn}，{MEETING_KINDS[m.kind]}）：{m.topics.split('\n').join('；')}
            </li>
          ))}
        </ul>
      ) : (
        <p>本年度尚未公开会议信息。</p>
      )}
    </PublicLayout>
  );
}

export function MeetingPage({ ctx, m, decisions }: { ctx: PageContext; m: MeetingRow; decisions: { code: string; title: string }[] }) {
  const year = m.heldOn.slice(0, 4);
  return (
    <PublicLayout ctx={ctx} title={m.name} breadcrumbs={[HOME, { href: `/decisions/meetings/${year}`, label: `${year}年会议` }, { label: m.name }]}>
      <h1>{m.name}</h1>
      <dl class="facts">
        <dt>会议类型</dt>
        <dd>{MEETING_KINDS[m.kind]}</dd>
        <dt>会议日期</dt>
        <dd>{m.heldOn}</dd>
        <dt>列席人员</dt>
        <dd>{m.attendees || '—'}</dd>
        <dt>公开日期</dt>
        <dd>{m.publishedOn}</dd>
      </dl>
      <h2>会议议题</h2>
      <ol>
        {m.topics.split('\n').map((t, i) => (
          <li key={i}>{t}</li>
        ))}
      </ol>
      {decisions.length ? (
        <>
          <h2>研究的重大行政决策事项</h2>
          <ul>
            {decisions.map((d) => (
              <li key={d.code}>
                <a href={`/decisions/items/${d.code}`}>{d.title}</a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h2>会议纪要</h2>
      <Paragraphs text={m.summary} />
      {m.interpretation ? (
        <>
          <h2>解读</h2>
          <Paragraphs text={m.interpretation} />
        </>
      ) : null}
    </PublicLayout>
  );
}
