// 社情民意调查 of a decision's 决策后评估 (《重大行政决策程序暂行条例》, chapter 决策执行和调整: the
// evaluation hears the public): the questions staff write, the answers given, and the published aggregate.
import { isValidIsoDate } from '../../../core/calendar/working-days.ts';

export type QuestionKind = 'single' | 'multiple' | 'text';

export interface SurveyQuestion {
  kind: QuestionKind;
  text: string;
  /** Choices (none for a text question). */
  options: string[];
}

export const QUESTION_KIND_LABELS: Record<QuestionKind, string> = { single: '单选', multiple: '多选', text: '填空' };

const KIND_OF_LABEL: Record<string, QuestionKind> = { 单选: 'single', 多选: 'multiple', 填空: 'text' };

export const SURVEY_LIMITS = { questions: 20, options: 10, questionChars: 200, optionChars: 60, answerChars: 500 };

/**
 * Reads the questions staff write one a line, without JavaScript:
 *   单选：您对调整后的公交服务是否满意？
 *   - 满意
 *   - 不满意
 *   填空：您还有什么建议？
 * A choice question needs 2–10 choices; a text question none.
 */
export function parseQuestions(source: string): { questions: SurveyQuestion[]; error?: undefined } | { error: string; questions?: undefined } {
  const questions: SurveyQuestion[] = [];
  const lines = source.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!line) continue;
    const at = `第${i + 1}行`;
    const option = /^[-－•·]\s*(.*)$/.exec(line);
    if (option) {
      const q = questions[questions.length - 1];
      if (!q) return { error: `${at}：选项前应先写题目（以“单选：”“多选：”或“填空：”开头）` };
      if (q.kind === 'text') return { error: `${at}：填空题没有选项` };
      const text = option[1]!.trim();
      if (!text) return { error: `${at}：选项不能为空` };
      if ([...text].length > SURVEY_LIMITS.optionChars) return { error: `${at}：选项不能超过${SURVEY_LIMITS.optionChars}个字` };
      if (q.options.includes(text)) return { error: `${at}：选项“${text}”重复` };
      q.options.push(text);
      continue;
    }
    const head = /^(单选|多选|填空)\s*[:：]\s*(.*)$/.exec(line);
    if (!head) return { error: `${at}：题目应以“单选：”“多选：”或“填空：”开头，选项以“- ”开头` };
    const text = head[2]!.trim();
    if (!text) return { error: `${at}：题目不能为空` };
    if ([...text].length > SURVEY_LIMITS.questionChars) return { error: `${at}：题目不能超过${SURVEY_LIMITS.questionChars}个字` };
    questions.push({ kind: KIND_OF_LABEL[head[1]!]!, text, options: [] });
  }
  if (!questions.length) return { error: '请至少填写一道题目' };
  if (questions.length > SURVEY_LIMITS.questions) return { error: `题目不能超过${SURVEY_LIMITS.questions}道` };
  for (const [n, q] of questions.entries()) {
    if (q.kind !== 'text' && q.options.length < 2) return { error: `第${n + 1}题（${q.text}）至少需要两个选项` };
    if (q.options.length > SURVEY_LIMITS.options) return { error: `第${n + 1}题的选项不能超过${SURVEY_LIMITS.options}个` };
  }
  return { questions };
}

/** The questions written back in the form staff type them (to show the form again). */
export function formatQuestions(questions: SurveyQuestion[]): string {
  return questions.map((q) => [`${QUESTION_KIND_LABELS[q.kind]}：${q.text}`, ...q.options.map((o) => `- ${o}`)].join('\n')).join('\n');
}

export interface SurveyPeriodInput {
  title: string;
  opensOn: string;
  closesOn: string;
}

/** A survey's title and period: dates in order, at least one day, opening no earlier than today. */
export function surveyPeriodErrors(input: SurveyPeriodInput, today: string): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!input.title.trim()) errors.title = '请填写调查名称';
  else if ([...input.title].length > 200) errors.title = '调查名称不能超过200个字';
  if (!isValidIsoDate(input.opensOn)) errors.opensOn = '开始日期应为有效日期，格式如 2026-12-01';
  else if (input.opensOn < today) errors.opensOn = `开始日期不能早于今天（${today}）`;
  if (!isValidIsoDate(input.closesOn)) errors.closesOn = '截止日期应为有效日期，格式如 2026-12-31';
  else if (isValidIsoDate(input.opensOn) && input.closesOn < input.opensOn) errors.closesOn = '截止日期不能早于开始日期';
  return errors;
}

export type SurveyState = 'scheduled' | 'open' | 'closed';

export const SURVEY_STATE_LABELS: Record<SurveyState, string> = { scheduled: '尚未开始', open: '正在调查', closed: '已结束' };

/** Open from opensOn through closesOn, both days included. */
export function surveyState(s: { opensOn: string; closesOn: string }, today: string): SurveyState {
  if (today < s.opensOn) return 'scheduled';
  return today > s.closesOn ? 'closed' : 'open';
}

/** One answer per question: a choice index, several, or text ('' or [] when left blank). */
export type SurveyAnswer = number | number[] | string | null;

/**
 * Checks a submitted form (`q0`, `q1`, … as the form names them; a multiple choice repeats its name).
 * Every choice question must be answered; text questions are optional.
 */
export function readAnswers(questions: SurveyQuestion[], form: Record<string, string | string[] | undefined>): { answers: SurveyAnswer[]; errors?: undefined } | { errors: Record<string, string>; answers?: undefined } {
  const errors: Record<string, string> = {};
  const answers: SurveyAnswer[] = [];
  for (const [i, q] of questions.entries()) {
    const raw = form[`q${i}`];
    const values = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).map((v) => String(v).trim());
    if (q.kind === 'text') {
      const text = values.join('\n').trim();
      if ([...text].length > SURVEY_LIMITS.answerChars) errors[`q${i}`] = `回答不能超过${SURVEY_LIMITS.answerChars}个字`;
      answers.push(text || null);
      continue;
    }
    const picked = values.filter((v) => v !== '');
    const valid = picked.every((v) => /^\d{1,2}$/.test(v) && Number(v) < q.options.length);
    if (!picked.length) errors[`q${i}`] = q.kind === 'single' ? '请选择一项' : '请至少选择一项';
    else if (!valid) errors[`q${i}`] = '请从列出的选项中选择';
    else if (q.kind === 'single' && picked.length > 1) errors[`q${i}`] = '本题只能选择一项';
    if (errors[`q${i}`]) {
      answers.push(null);
      continue;
    }
    answers.push(q.kind === 'single' ? Number(picked[0]) : [...new Set(picked.map(Number))].sort((a, b) => a - b));
  }
  return Object.keys(errors).length ? { errors } : { answers };
}

export interface OptionResult {
  option: string;
  count: number;
  /** Share of the people who answered the question, in percent with one decimal (multiple choice may add up to more than 100). */
  percent: number;
}

export interface QuestionResult {
  question: SurveyQuestion;
  /** How many people answered this question. */
  answered: number;
  options: OptionResult[];
}

/** Percent with one decimal, rounded half up: 1 of 3 → 33.3, 2 of 3 → 66.7. */
export function percentOf(count: number, total: number): number {
  return total ? Math.round((count * 1000) / total) / 10 : 0;
}

/** Counts each choice among the responses; a text question counts how many wrote something. */
export function aggregate(questions: SurveyQuestion[], responses: SurveyAnswer[][]): { respondents: number; questions: QuestionResult[] } {
  return {
    respondents: responses.length,
    questions: questions.map((q, i) => {
      const given = responses.map((r) => r[i]).filter((a) => a !== null && a !== undefined && a !== '' && !(Array.isArray(a) && !a.length));
      const counts = q.options.map(() => 0);
      for (const a of given) for (const n of Array.isArray(a) ? a : typeof a === 'number' ? [a] : []) if (n >= 0 && n < counts.length) counts[n]!++;
      return { question: q, answered: given.length, options: q.options.map((option, n) => ({ option, count: counts[n]!, percent: percentOf(counts[n]!, given.length) })) };
    }),
  };
}
