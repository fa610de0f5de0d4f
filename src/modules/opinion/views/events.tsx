// 新闻发布会 and 在线访谈: the public list and event page (with the question form of an 在线访谈 while
// it takes questions), and the staff list, event form and question moderation.
import type { PageContext } from '../../../core/ui/context.ts';
import { PublicLayout, StaffLayout } from '../../../core/ui/layout.tsx';
import { CsrfField, ErrorSummary, Paragraphs, RadioGroup, SelectField, TextArea, TextField, RefusalBox } from '../../../core/ui/components.tsx';
import { formatInstant } from '../../../core/clock.ts';
import { EVENT_KIND_LABELS, EVENT_KINDS, eventPhase, PHASE_LABELS, questionsOpen } from '../domain/events.ts';
import type { EventRow, QuestionRow } from '../service-events.ts';
import { BASE, emptyForm, type Form } from './staff.tsx';

export const PUBLIC_EVENTS = '/opinion/events';
export const STAFF_EVENTS = `${BASE}/events`;

function EventFacts({ e, now }: { e: EventRow; now: Date }) {
  return (
    <dl class="facts">
      <dt>类型</dt>
      <dd>{EVENT_KIND_LABELS[e.kind]}</dd>
      <dt>时间</dt>
      <dd>
        {formatInstant(e.startsAt)}（约{e.durationMinutes}分钟）
      </dd>
      {e.place ? (
        <>
          <dt>地点</dt>
          <dd>{e.place}</dd>
        </>
      ) : null}
      <dt>发布人</dt>
      <dd>{e.speakers.split("\n").filter(Boolean).join("、")}</dd>
      <dt>主办单位</dt>
      <dd>{e.unitName}</dd>
      <dt>状态</dt>
      <dd>{PHASE_LABELS[eventPhase(e, now)]}</dd>
    </dl>
  );
}

function EventList({ rows, now, hrefOf }: { rows: EventRow[]; now: Date; hrefOf: (e: EventRow) => string }) {
  return (
    <ul>
      {rows.map((e) => (
        <li key={e.code}>
          <a href={hrefOf(e)}>{e.topic}</a>
          <p class="hint">
            {EVENT_KIND_LABELS[e.kind]} · {formatInstant(e.startsAt)} · {e.unitName} · {PHASE_LABELS[eventPhase(e, now)]}
          </p>
        </li>
      ))}
    </ul>
  );
}

export function PublicEventsPage({ ctx, rows, now }: { ctx: PageContext; rows: EventRow[]; now: Date }) {
  const coming = rows.filter((e) => e.state === 'announced').reverse();
  const done = rows.filter((e) => e.state === 'published');
  return (
    <PublicLayout ctx={ctx} title="新闻发布会和在线访谈" breadcrumbs={[{ href: '/opinion', label: '解读回应' }, { label: '新闻发布会和在线访谈' }]}>
      <h1>新闻发布会和在线访谈</h1>
      <p>提前公布活动时间、主题和发布人，活动后发布文字实录、图片视频和答问。在线访谈开始前和进行中均可向嘉宾提问。</p>
      <h2>活动预告</h2>
      {coming.length ? <EventList rows={coming} now={now} hrefOf={(e) => `${PUBLIC_EVENTS}/${e.code}`} /> : <p>暂无预告。</p>}
      <h2>往期回顾</h2>
      {done.length ? <EventList rows={done} now={now} hrefOf={(e) => `${PUBLIC_EVENTS}/${e.code}`} /> : <p>暂无。</p>}
    </PublicLayout>
  );
}

export function PublicEventPage({ ctx, e, questions, now, form, submissionKey, asked }: { ctx: PageContext; e: EventRow; questions: QuestionRow[]; now: Date; form: Form; submissionKey: string; asked: boolean }) {
  const open = questionsOpen(e, now);
  return (
    <PublicLayout ctx={ctx} title={e.topic} breadcrumbs={[{ href: '/opinion', label: '解读回应' }, { href: PUBLIC_EVENTS, label: '新闻发布会和在线访谈' }, { label: EVENT_KIND_LABELS[e.kind] }]}>
      <h1>{e.topic}</h1>
      <EventFacts e={e} now={now} />
      {e.intro ? (
        <>
          <h2>活动简介</h2>
          <Paragraphs text={e.intro} />
        </>
      ) : null}
      {e.state === 'published' ? (
        <>
          <h2>文字实录</h2>
          <Paragraphs text={e.transcript} />
          {e.media.length ? (
            <>
              <h2>图片和视频</h2>
              <ul>
                {e.media.map((m) => (
                  <li key={m.href}>
                    <a href={m.href}>{m.label}</a>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      ) : null}
      <h2>{e.kind === 'interview' ? '网友提问和答复' : '现场答问'}</h2>
      {questions.length ? (
        <ol class="timeline">
          {questions.map((q) => (
            <li key={q.id}>
              <h3>
                {q.asker}：{q.question}
              </h3>
              {q.answer ? (
                <p>
                  <strong>答：</strong>
                  {q.answer}
                </p>
              ) : (
                <p class="hint">待答复</p>
              )}
            </li>
          ))}
        </ol>
      ) : (
        <p>暂无公开的问答。</p>
      )}
      {open ? (
        <section aria-labelledby="ask-title">
          <h2 id="ask-title">我要提问</h2>
          {asked ? (
            <p class="flash" role="status">
              您的问题已提交，经审核后在本页公开，嘉宾将择要答复。
            </p>
          ) : null}
          <p class="hint">问题经工作人员审核后公开，请勿填写个人身份证号、电话等信息。</p>
          <RefusalBox reasons={form.reasons} />
          <ErrorSummary errors={form.errors} />
          <form method="post" action={`${PUBLIC_EVENTS}/${e.code}/questions`} class="narrow">
            <CsrfField token={ctx.csrfToken} />
            <input type="hidden" name="submissionKey" value={form.values.submissionKey || submissionKey} />
            <TextField name="asker" label="称呼" hint="可填写网名，不填则显示为“网友”" value={form.values.asker} error={form.errors.asker} maxLength={20} autocomplete="nickname" />
            <TextArea name="question" label="问题" value={form.values.question} error={form.errors.question} rows={4} required />
            <button type="submit" class="button">
              提交问题
            </button>
          </form>
        </section>
      ) : null}
    </PublicLayout>
  );
}

export function StaffEventsPage({ ctx, rows, now }: { ctx: PageContext; rows: EventRow[]; now: Date }) {
  return (
    <StaffLayout ctx={ctx} title="新闻发布会和在线访谈" breadcrumbs={[{ href: BASE, label: '政务舆情' }, { label: '新闻发布会和在线访谈' }]}>
      <h1>新闻发布会和在线访谈</h1>
      <p>
        <a class="button" href={`${STAFF_EVENTS}/new`}>
          发布活动预告
        </a>{' '}
        <a class="button secondary" href={PUBLIC_EVENTS}>
          查看公开页面
        </a>
      </p>
      {rows.length ? <EventList rows={rows} now={now} hrefOf={(e) => `${STAFF_EVENTS}/${e.code}`} /> : <p>还没有活动。</p>}
    </StaffLayout>
  );
}

export type QuestionFailure = { id: number | 'new' } & Form;

function Moderation({ ctx, e, questions, failed }: { ctx: PageContext; e: EventRow; questions: QuestionRow[]; failed?: QuestionFailure }) {
  const f = (id: number | 'new'): Form => (failed?.id === id ? failed : emptyForm);
  const STATE = { pending: '待审核', approved: '已公开', rejected: '不予采用' } as const;
  return (
    <section aria-labelledby="questions-title">
      <h2 id="questions-title">提问和答复</h2>
      {questions.length ? (
        <ul class="candidates">
          {questions.map((q) => {
            const p = `q${q.id}-`;
            const form = f(q.id);
            return (
              <li key={q.id}>
                <h3>
                  {q.asker}：{q.question}
                </h3>
                <p class="hint">
                  {formatInstant(q.askedAt)} · {STATE[q.state]}
                  {q.state === 'rejected' ? `（${q.reason}）` : ''}
                </p>
                <form method="post" action={`${STAFF_EVENTS}/${e.code}/questions/${q.id}`} aria-label={`审核：${q.question.slice(0, 30)}`}>
                  <CsrfField token={ctx.csrfToken} />
                  <RefusalBox reasons={form.reasons} />
                  <ErrorSummary errors={form.errors} />
                  <RadioGroup name={`${p}decision`} legend="审核结果" inline value={form.values[`${p}decision`] ?? (q.state === 'pending' ? '' : q.state)} error={form.errors[`${p}decision`]} options={[{ value: 'approved', label: '公开' }, { value: 'rejected', label: '不予采用' }]} required />
                  <TextArea name={`${p}answer`} label="答复" hint="公开时可一并填写答复" value={form.values[`${p}answer`] ?? q.answer} error={form.errors[`${p}answer`]} rows={3} />
                  <TextField name={`${p}reason`} label="不予采用的理由" value={form.values[`${p}reason`] ?? q.reason} error={form.errors[`${p}reason`]} maxLength={200} />
                  <button type="submit" class="button">
                    保存审核
                  </button>
                </form>
              </li>
            );
          })}
        </ul>
      ) : (
        <p>还没有提问。</p>
      )}
      <h3>录入现场问答</h3>
      <RefusalBox reasons={f('new').reasons} />
      <ErrorSummary errors={f('new').errors} />
      <form method="post" action={`${STAFF_EVENTS}/${e.code}/questions`} class="narrow">
        <CsrfField token={ctx.csrfToken} />
        <TextField name="asker" label="提问人" hint="如：楚雄日报记者" value={f('new').values.asker} error={f('new').errors.asker} maxLength={40} required />
        <TextArea name="question" label="问题" value={f('new').values.question} error={f('new').errors.question} rows={3} required />
        <TextArea name="answer" label="答复" value={f('new').values.answer} error={f('new').errors.answer} rows={4} required />
        <button type="submit" class="button">
          保存问答
        </button>
      </form>
    </section>
  );
}

export function EventFormPage(props: { ctx: PageContext; e: EventRow | null; units: { id: number; name: string }[]; form: Form; questions: QuestionRow[]; failed?: QuestionFailure }) {
  const { ctx, e, form } = props;
  const v = form.values;
  const title = e ? e.topic : '发布活动预告';
  return (
    <StaffLayout ctx={ctx} title={title} breadcrumbs={[{ href: BASE, label: '政务舆情' }, { href: STAFF_EVENTS, label: '新闻发布会和在线访谈' }, { label: e ? '活动' : '发布预告' }]}>
      <h1>{title}</h1>
      {e ? (
        <p>
          <a href={`${PUBLIC_EVENTS}/${e.code}`}>查看公开页面</a>
        </p>
      ) : null}
      <RefusalBox reasons={form.reasons} />
      <ErrorSummary errors={form.errors} />
      <form method="post" action={e ? `${STAFF_EVENTS}/${e.code}` : STAFF_EVENTS} class="narrow">
        <CsrfField token={ctx.csrfToken} />
        <RadioGroup name="kind" legend="类型" inline value={v.kind ?? ''} error={form.errors.kind} options={EVENT_KINDS.map((k) => ({ value: k, label: EVENT_KIND_LABELS[k] }))} required />
        <TextField name="topic" label="主题" value={v.topic} error={form.errors.topic} maxLength={200} required />
        <TextField name="startsAt" type="datetime-local" label="开始时间" hint="北京时间，如 2026-12-10 15:00" value={v.startsAt} error={form.errors.startsAt} required />
        <TextField name="durationMinutes" inputMode="numeric" label="时长（分钟）" hint="10至480" value={v.durationMinutes ?? '60'} error={form.errors.durationMinutes} maxLength={3} required />
        <TextField name="place" label="地点" hint="在线访谈可填写访谈平台" value={v.place} error={form.errors.place} maxLength={100} />
        <TextArea name="speakers" label="发布人（嘉宾）" hint="姓名和职务，每行一位" value={v.speakers} error={form.errors.speakers} rows={3} required />
        <TextArea name="intro" label="活动简介" value={v.intro} error={form.errors.intro} rows={3} />
        <SelectField name="unitId" label="主办单位" value={v.unitId} error={form.errors.unitId} options={props.units.map((u) => ({ value: String(u.id), label: u.name }))} placeholder="请选择" required />
        <TextArea name="transcript" label="文字实录" hint="活动结束后填写，发布实录时必填" value={v.transcript} error={form.errors.transcript} rows={8} />
        <TextArea name="media" label="图片和视频链接" hint="每行一条，写成“标题 | 地址”，地址以 / 或 https:// 开头" value={v.media} error={form.errors.media} rows={3} />
        <RadioGroup name="publish" legend="状态" inline value={v.publish ?? 'no'} error={form.errors.publish} options={[{ value: 'no', label: '预告' }, { value: 'yes', label: '发布实录' }]} required />
        <button type="submit" class="button">
          保存
        </button>
      </form>
      {e ? <Moderation ctx={ctx} e={e} questions={props.questions} failed={props.failed} /> : null}
    </StaffLayout>
  );
}
