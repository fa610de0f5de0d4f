// 社情民意调查: the public answer form, the published results (SVG bars with the numbers in a table),
// and the staff page that creates a survey and chooses which written answers are published.
import type { PageContext } from '../../../core/ui/context.ts';
import type { FieldErrors } from '../../../core/http/form.ts';
import { PublicLayout, StaffLayout } from '../../../core/ui/layout.tsx';
import { CheckboxGroup, CsrfField, ErrorSummary, Paragraphs, RadioGroup, RefusalBox, TextArea, TextField, fieldId } from '../../../core/ui/components.tsx';
import { ChartWithTable } from '../../../core/ui/charts.tsx';
import { QUESTION_KIND_LABELS, SURVEY_LIMITS, SURVEY_STATE_LABELS, type SurveyState } from '../domain/survey.ts';
import type { SurveyResponseRow, SurveyRow } from '../data/repository.ts';
import type { SurveyResults, SurveySummary } from '../service-survey.ts';

const percentText = (p: number) => `${p.toFixed(1)}%`;

/** Each question's counts: a bar chart of the shares and a table with the counts, or how many wrote an answer. */
export function SurveyResultsBlock({ survey, results }: { survey: SurveyRow; results: SurveyResults }) {
  return (
    <div class="survey-results">
      <p>
        调查时间：{survey.opensOn} 至 {survey.closesOn}；共收到有效答卷 <strong>{results.respondents}</strong> 份。百分比为该题作答人数中的占比，多选题各项之和可超过100%。
      </p>
      {results.questions.map((q, i) =>
        q.question.kind === 'text' ? (
          <section key={i} aria-labelledby={`sv-${survey.publicCode}-q${i}-title`}>
            <h2 id={`sv-${survey.publicCode}-q${i}-title`}>
              第{i + 1}题（{QUESTION_KIND_LABELS.text}）：{q.question.text}
            </h2>
            <p>
              {q.answered}人填写了本题。
              {q.featured.length ? '以下是经审核选登的回答（原文）：' : '填写内容经整理后用于评估报告，原文不公开。'}
            </p>
            {q.featured.length ? (
              <ul>
                {q.featured.map((t, n) => (
                  <li key={n}>
                    <blockquote>{t}</blockquote>
                  </li>
                ))}
              </ul>
            ) : null}
          </section>
        ) : (
          <ChartWithTable
            key={i}
            id={`sv-${survey.publicCode}-q${i}`}
            title={`第${i + 1}题（${QUESTION_KIND_LABELS[q.question.kind]}）：${q.question.text}`}
            spec={{ type: 'bar', horizontal: true, percent: true, labels: q.options.map((o) => o.option), values: q.options.map((o) => o.percent), height: 48 + 36 * q.options.length }}
          >
            <table>
              <caption>
                作答{q.answered}人
              </caption>
              <thead>
                <tr>
                  <th scope="col">选项</th>
                  <th scope="col">人数</th>
                  <th scope="col">占比</th>
                </tr>
              </thead>
              <tbody>
                {q.options.map((o) => (
                  <tr key={o.option}>
                    <td>{o.option}</td>
                    <td>{o.count}</td>
                    <td>{percentText(o.percent)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ChartWithTable>
        ),
      )}
    </div>
  );
}

/** The surveys of a decision on its dossier page: the open ones link to the form, the closed ones show results. */
export function DecisionSurveys({ surveys }: { surveys: SurveySummary[] }) {
  if (!surveys.length) return null;
  return (
    <section aria-labelledby="surveys-title">
      <h2 id="surveys-title">社情民意调查（决策后评估）</h2>
      {surveys.map((s) => (
        <article key={s.survey.publicCode} aria-labelledby={`survey-${s.survey.publicCode}`}>
          <h3 id={`survey-${s.survey.publicCode}`}>
            <a href={`/decisions/surveys/${s.survey.publicCode}`}>{s.survey.title}</a>（{SURVEY_STATE_LABELS[s.state]}）
          </h3>
          {s.state === 'open' ? (
            <p>
              调查时间 {s.survey.opensOn} 至 {s.survey.closesOn}。<a href={`/decisions/surveys/${s.survey.publicCode}`}>参加调查</a>
            </p>
          ) : s.state === 'scheduled' ? (
            <p>将于 {s.survey.opensOn} 开始，{s.survey.closesOn} 结束。</p>
          ) : s.results ? (
            <SurveyResultsBlock survey={s.survey} results={s.results} />
          ) : null}
        </article>
      ))}
    </section>
  );
}

export interface SurveyForm {
  values: Record<string, string[]>;
  errors: FieldErrors;
  submissionKey: string;
}

function QuestionField({ survey, index, form }: { survey: SurveyRow; index: number; form: SurveyForm }) {
  const q = survey.questions[index]!;
  const name = `q${index}`;
  const error = form.errors[name];
  const chosen = form.values[name] ?? [];
  const legend = `${index + 1}. ${q.text}（${QUESTION_KIND_LABELS[q.kind]}${q.kind === 'multiple' ? '，可选多项' : ''}）`;
  if (q.kind === 'text') {
    return <TextArea name={name} label={`${index + 1}. ${q.text}（选填）`} hint={`不超过${SURVEY_LIMITS.answerChars}字。请勿填写姓名、电话等个人信息。`} value={chosen.join('\n')} error={error} rows={4} />;
  }
  const options = q.options.map((o, n) => ({ value: String(n), label: o }));
  return q.kind === 'single' ? (
    <RadioGroup name={name} legend={legend} value={chosen[0] ?? ''} options={options} error={error} required />
  ) : (
    <CheckboxGroup name={name} legend={legend} hint="必答，至少选择一项" values={chosen} options={options} error={error} />
  );
}

export function SurveyPage({
  ctx,
  decision,
  survey,
  state,
  form,
  results,
  refusal,
}: {
  ctx: PageContext;
  decision: { code: string; title: string };
  survey: SurveyRow;
  state: SurveyState;
  form: SurveyForm;
  results: SurveyResults | null;
  refusal?: string;
}) {
  return (
    <PublicLayout ctx={ctx} title={survey.title} breadcrumbs={[{ href: '/decisions', label: '决策公开' }, { href: `/decisions/items/${decision.code}`, label: decision.title }, { label: survey.title }]}>
      <h1>{survey.title}</h1>
      <RefusalBox reasons={refusal ? [refusal] : undefined} />
      <dl class="facts">
        <dt>所属决策</dt>
        <dd>
          <a href={`/decisions/items/${decision.code}`}>{decision.title}</a>
        </dd>
        <dt>调查时间</dt>
        <dd>
          {survey.opensOn} 至 {survey.closesOn}（{SURVEY_STATE_LABELS[state]}）
        </dd>
      </dl>
      {survey.intro ? <Paragraphs text={survey.intro} /> : null}
      {state === 'open' ? (
        <section aria-labelledby="survey-form-title">
          <h2 id="survey-form-title">填写问卷</h2>
          <ErrorSummary errors={form.errors} />
          <p>匿名填写，不收集姓名和联系方式。调查结束后公布统计结果。</p>
          <form method="post" action={`/decisions/surveys/${survey.publicCode}`} class="narrow">
            <CsrfField token={ctx.csrfToken} />
            <input type="hidden" name="submissionKey" value={form.submissionKey} />
            {survey.questions.map((_, i) => (
              <QuestionField key={i} survey={survey} index={i} form={form} />
            ))}
            <button type="submit" class="button">
              提交问卷
            </button>
          </form>
        </section>
      ) : state === 'scheduled' ? (
        <p>本调查尚未开始，将于 {survey.opensOn} 开始接受填写。</p>
      ) : results ? (
        <section aria-labelledby="survey-results-title">
          <h2 id="survey-results-title">调查结果</h2>
          <SurveyResultsBlock survey={survey} results={results} />
        </section>
      ) : null}
    </PublicLayout>
  );
}

/** The create form on the staff dossier page (decisions already published). */
export function NewSurveySection({ ctx, action, values, errors, today }: { ctx: PageContext; action: string; values: Record<string, string>; errors: FieldErrors; today: string }) {
  return (
    <section aria-labelledby="new-survey-title">
      <h2 id="new-survey-title">发起社情民意调查（决策后评估）</h2>
      <ErrorSummary errors={errors} />
      <form method="post" action={action} class="narrow">
        <CsrfField token={ctx.csrfToken} />
        <TextField name="title" label="调查名称" value={values.title} error={errors.title} maxLength={200} required />
        <TextArea name="intro" label="调查说明（选填）" value={values.intro} error={errors.intro} rows={3} />
        <TextArea
          name="questions"
          label="题目"
          hint="每题一行，以“单选：”“多选：”或“填空：”开头；选项写在题目下面，每行一个，以“- ”开头。填空题的回答只有经选登才公开原文。"
          value={values.questions ?? '单选：您对该决策的执行效果是否满意？\n- 满意\n- 基本满意\n- 不满意\n填空：您对该决策的执行还有什么意见建议？'}
          error={errors.questions}
          rows={10}
          required
        />
        <TextField name="opensOn" label="开始日期" value={values.opensOn ?? today} error={errors.opensOn} required />
        <TextField name="closesOn" label="截止日期" hint="截止后自动在决策页面公布统计结果" value={values.closesOn} error={errors.closesOn} required />
        <button type="submit" class="button">
          发布调查
        </button>
      </form>
    </section>
  );
}

/** Staff view of one survey: results so far, and every written answer with a box to publish it verbatim. */
export function StaffSurveyPage({
  ctx,
  decision,
  survey,
  state,
  results,
  errors,
}: {
  ctx: PageContext;
  decision: { code: string; title: string };
  survey: SurveyRow;
  state: SurveyState;
  results: SurveyResults & { responses: SurveyResponseRow[] };
  errors: FieldErrors;
}) {
  const chosen = new Set(survey.featured.map((f) => `${f.responseId}:${f.question}`));
  const texts = survey.questions.flatMap((q, i) => (q.kind === 'text' ? results.responses.filter((r) => typeof r.answers[i] === 'string' && r.answers[i]).map((r) => ({ key: `${r.id}:${i}`, question: i, text: r.answers[i] as string })) : []));
  return (
    <StaffLayout ctx={ctx} title={survey.title} breadcrumbs={[{ href: '/staff/decisions', label: '决策和执行公开' }, { href: `/staff/decisions/items/${decision.code}`, label: decision.title }, { label: survey.title }]}>
      <h1>{survey.title}</h1>
      <p>
        {SURVEY_STATE_LABELS[state]}。公开页面：<a href={`/decisions/surveys/${survey.publicCode}`}>/decisions/surveys/{survey.publicCode}</a>（统计结果在调查结束后公开）。
      </p>
      <SurveyResultsBlock survey={survey} results={{ respondents: results.respondents, questions: results.questions.map((q) => ({ ...q, featured: [] })) }} />
      <section aria-labelledby="texts-title">
        <h2 id="texts-title">填空题回答（选择公开的原文）</h2>
        <ErrorSummary errors={errors} />
        {texts.length ? (
          <form method="post" action={`/staff/decisions/surveys/${survey.publicCode}/featured`}>
            <CsrfField token={ctx.csrfToken} />
            <fieldset class={errors.featured ? 'field field-error' : 'field'} id={fieldId('featured')}>
              <legend>勾选的回答将在调查结束后原文公开；请勿选择含个人信息的回答。</legend>
              {errors.featured ? <p class="field-message">{errors.featured}</p> : null}
              <div class="checkboxes">
                {texts.map((t) => (
                  <label key={t.key} class="checkbox">
                    <input type="checkbox" name="featured" value={t.key} checked={chosen.has(t.key)} /> 第{t.question + 1}题：{t.text}
                  </label>
                ))}
              </div>
            </fieldset>
            <button type="submit" class="button">
              保存选登
            </button>
          </form>
        ) : (
          <p>尚无填空题回答。</p>
        )}
      </section>
    </StaffLayout>
  );
}
