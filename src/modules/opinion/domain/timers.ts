// The response timers of a 政务舆情 item, as pure functions of its level history and its responses.
// 国办发〔2016〕80号 (实施细则): 特别重大、重大突发事件 → 最迟5小时内发布权威信息，24小时内举行新闻发布会.
// 国办发〔2016〕61号: 其他政务舆情应在48小时内予以回应.
// Clock hours, not working days: a holiday or a night does not stop them. They run from registration
// (the national texts do not fix the start; registration is the moment the platform knows of it).

export type TimerKind = 'authoritative' | 'press' | 'reply';

export interface TimerRule {
  kind: TimerKind;
  label: string;
  hours: number;
  basis: string;
  /** How long before the deadline a reminder goes out. */
  remindHoursBefore: number;
}

export const TIMER_RULES: Record<TimerKind, TimerRule> = {
  authoritative: { kind: 'authoritative', label: '发布权威信息', hours: 5, basis: '国办发〔2016〕80号：最迟5小时内发布权威信息', remindHoursBefore: 1 },
  press: { kind: 'press', label: '举行新闻发布会', hours: 24, basis: '国办发〔2016〕61号、80号：最迟24小时内举行新闻发布会', remindHoursBefore: 4 },
  reply: { kind: 'reply', label: '予以回应', hours: 48, basis: '国办发〔2016〕61号：其他政务舆情应在48小时内予以回应', remindHoursBefore: 8 },
};

/** 回应 forms (国办发〔2016〕61号 summaries; regulation-wave2.md §5). */
export const RESPONSE_FORMS = ['statement', 'press', 'interview', 'newmedia', 'website'] as const;
export type ResponseForm = (typeof RESPONSE_FORMS)[number];
export const RESPONSE_FORM_LABELS: Record<ResponseForm, string> = {
  statement: '发布权威信息/新闻稿',
  press: '新闻发布会/吹风会',
  interview: '接受媒体采访',
  newmedia: '政务新媒体发布',
  website: '网站回应',
};

/** Which responses meet which timer: any published response is a reply and puts out authoritative information, except an interview, which is the media's text; only a 发布会/吹风会 meets the 24-hour timer. */
export function meets(kind: TimerKind, form: ResponseForm): boolean {
  if (kind === 'press') return form === 'press';
  if (kind === 'authoritative') return form !== 'interview';
  return true;
}

/** One entry of an item's level history: registration first, then each change. */
export interface LevelEvent {
  at: Date;
  /** Whether the level is 重大 or 特别重大 (or another level a site marks as major). */
  major: boolean;
}

export interface ResponseEvent {
  at: Date;
  form: ResponseForm;
}

export type TimerStatus = 'running' | 'overdue' | 'met' | 'met_late';

export interface Timer {
  kind: TimerKind;
  startsAt: Date;
  dueAt: Date;
  metAt: Date | null;
  status: TimerStatus;
  /** Milliseconds until the deadline (negative when past); null once met. */
  msLeft: number | null;
}

const HOUR = 3_600_000;

/**
 * The timers of the item's current class at `now`. Timers start when the item entered its current
 * class: at registration, or when the level moved between major and other. Raising an item to
 * 重大 mid-way therefore starts the 5 h and 24 h timers at the raise; lowering it starts the 48 h
 * timer at the change. A change within the same class (一般 → 较大) restarts nothing. Only responses
 * from the start of a timer on meet it.
 */
export function timersAt(levels: LevelEvent[], responses: ResponseEvent[], now: Date): Timer[] {
  if (!levels.length) return [];
  let start = levels[0]!;
  for (const e of levels.slice(1)) if (e.major !== start.major) start = e;
  const kinds: TimerKind[] = start.major ? ['authoritative', 'press'] : ['reply'];
  const sorted = [...responses].sort((a, b) => a.at.getTime() - b.at.getTime());
  return kinds.map((kind) => {
    const startsAt = start.at;
    const dueAt = new Date(startsAt.getTime() + TIMER_RULES[kind].hours * HOUR);
    const met = sorted.find((r) => r.at.getTime() >= startsAt.getTime() && meets(kind, r.form));
    const metAt = met && met.at.getTime() <= now.getTime() ? met.at : null;
    const status: TimerStatus = metAt ? (metAt.getTime() <= dueAt.getTime() ? 'met' : 'met_late') : now.getTime() > dueAt.getTime() ? 'overdue' : 'running';
    return { kind, startsAt, dueAt, metAt, status, msLeft: metAt ? null : dueAt.getTime() - now.getTime() };
  });
}

/** The timer to show first: the open one due soonest, else the last met one. */
export function nextTimer(timers: Timer[]): Timer | undefined {
  const open = timers.filter((t) => t.metAt === null).sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
  return open[0] ?? timers[timers.length - 1];
}

/** "还剩3小时20分" / "已超时26小时5分": clock hours, as the rules count them. */
export function formatLeft(msLeft: number): string {
  const late = msLeft < 0;
  const total = Math.floor(Math.abs(msLeft) / 60_000);
  const hours = Math.floor(total / 60);
  const minutes = total % 60;
  const parts = [hours ? `${hours}小时` : '', minutes ? `${minutes}分` : ''].filter(Boolean).join('') || '0分';
  return late ? `已超时${parts}` : `还剩${parts}`;
}

/** The reminder a timer needs at `now`: 'soon' inside its reminder window, 'late' once past; nothing when met. */
export function reminderDue(timer: Timer, now: Date): 'soon' | 'late' | null {
  if (timer.metAt) return null;
  if (now.getTime() > timer.dueAt.getTime()) return 'late';
  if (timer.dueAt.getTime() - now.getTime() <= TIMER_RULES[timer.kind].remindHoursBefore * HOUR) return 'soon';
  return null;
}
