import { STEP_INFO, type StepView } from '../domain/steps.ts';
import { TASK_FLAG_LABELS, type TaskFlag } from '../domain/progress.ts';
import type { MeetingRow, StepRow } from '../data/repository.ts';
import { Paragraphs } from '../../../core/ui/components.tsx';

export const STEP_STATE_LABELS: Record<StepView['state'], string> = { done: '已完成', skipped: '未履行（已说明理由）', owed: '待办理', waiting: '尚未开始' };

export function FlagText({ flag }: { flag: TaskFlag }) {
  const cls = flag === 'done' ? 'status-ok' : flag === 'on_track' ? undefined : flag === 'overdue' ? 'status-bad' : 'status-warn';
  return <span class={cls}>{TASK_FLAG_LABELS[flag]}</span>;
}

export function Percent({ value }: { value: number }) {
  return (
    <span class="nowrap">
      <span class="progress-bar" aria-hidden="true">
        <span style={`width:${value}%`} />
      </span>
      {value}%
    </span>
  );
}

/** One step of the timeline: what was done, when, by whom, with which documents; or why it was not. */
export function StepBody({ view, row, meeting }: { view: StepView; row?: StepRow; meeting?: MeetingRow | null }) {
  if (!row) return <p class="hint">{view.state === 'owed' ? '前置程序已完成，正在办理。' : '前置程序完成后办理。'}</p>;
  if (row.state === 'skipped') return <p>未履行，理由：{row.skipReason}</p>;
  const h = row.details.hearing;
  const m = row.details.meeting;
  return (
    <>
      <dl class="facts">
        <dt>办理日期</dt>
        <dd>{row.doneOn}</dd>
        <dt>办理单位</dt>
        <dd>{row.actor}</dd>
        {meeting && view.step === 'collective' ? (
          <>
            <dt>会议</dt>
            <dd>
              <a href={`/decisions/meetings/items/${meeting.publicCode}`}>{meeting.name}</a>（{meeting.heldOn}）
            </dd>
            <dt>议题</dt>
            <dd>
              <ul class="plain">
                {meeting.topics.split('\n').filter(Boolean).map((x, i) => (
                  <li key={i}>{x}</li>
                ))}
              </ul>
            </dd>
            {meeting.attendees ? (
              <>
                <dt>列席人员</dt>
                <dd>{meeting.attendees}</dd>
              </>
            ) : null}
          </>
        ) : m ? (
          <>
            <dt>会议</dt>
            <dd>{m.name}</dd>
            {m.topic ? (
              <>
                <dt>议题</dt>
                <dd>{m.topic}</dd>
              </>
            ) : null}
            {m.attendees ? (
              <>
                <dt>列席人员</dt>
                <dd>{m.attendees}</dd>
              </>
            ) : null}
          </>
        ) : null}
        {h ? (
          <>
            <dt>听证公告</dt>
            <dd>{h.noticeOn}</dd>
            <dt>参加人名单公布</dt>
            <dd>{h.participantsPublishedOn}</dd>
            <dt>材料送达参加人</dt>
            <dd>{h.materialsSentOn}</dd>
            <dt>听证会</dt>
            <dd>{h.heldOn}</dd>
            <dt>听证参加人</dt>
            <dd>{h.participants}</dd>
          </>
        ) : null}
      </dl>
      <Paragraphs text={row.summary} />
      {row.documents ? (
        <>
          <p>相关材料：</p>
          <ul>
            {row.documents
              .split('\n')
              .map((d) => d.trim())
              .filter(Boolean)
              .map((d, i) => (
                <li key={i}>{d}</li>
              ))}
          </ul>
        </>
      ) : null}
    </>
  );
}

export const stepLabel = (s: string) => STEP_INFO[s as keyof typeof STEP_INFO]?.label ?? s;
