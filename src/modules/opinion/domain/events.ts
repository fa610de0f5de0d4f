// 新闻发布会 and 在线访谈 (国办发〔2016〕61号: 重大政务舆情24小时内举行新闻发布会; 在线访谈 as a way of
// 解读回应; regulation-wave2.md §5): announced in advance, then published with the record. The public
// asks questions to an 在线访谈 from its announcement until it ends; a 发布会's questions are entered by
// staff. Pure code.

export const EVENT_KINDS = ['press', 'interview'] as const;
export type EventKindName = (typeof EVENT_KINDS)[number];
export const EVENT_KIND_LABELS: Record<EventKindName, string> = { press: '新闻发布会', interview: '在线访谈' };

export interface EventFacts {
  kind: EventKindName;
  state: 'announced' | 'published';
  startsAt: Date;
  durationMinutes: number;
}

export type EventPhase = 'upcoming' | 'live' | 'ended' | 'published';

export function eventPhase(e: EventFacts, now: Date): EventPhase {
  if (e.state === 'published') return 'published';
  const t = now.getTime();
  if (t < e.startsAt.getTime()) return 'upcoming';
  return t < e.startsAt.getTime() + e.durationMinutes * 60_000 ? 'live' : 'ended';
}

export const PHASE_LABELS: Record<EventPhase, string> = { upcoming: '预告', live: '正在进行', ended: '已结束，实录整理中', published: '已发布实录' };

/** Whether the public may ask now: 在线访谈 only, before and during the event. */
export function questionsOpen(e: EventFacts, now: Date): boolean {
  const p = eventPhase(e, now);
  return e.kind === 'interview' && (p === 'upcoming' || p === 'live');
}

/** What blocks publishing the record: a transcript, and the event must have taken place. */
export function checkPublish(e: EventFacts, transcript: string, now: Date): string[] {
  const reasons: string[] = [];
  if (now.getTime() < e.startsAt.getTime()) reasons.push('活动尚未开始，不能发布实录。');
  if (!transcript.trim()) reasons.push('发布实录须填写文字实录。');
  return reasons;
}
