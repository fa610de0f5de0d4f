// The "下一步" box that leads a case page (a request, a record): the state, the one or two next
// actions for this person (their forms as children), or who must act next when it is not them; and
// the fold that holds every other action. The module decides the steps; this only lays them out.
import type { ComponentChildren } from 'preact';

export function NextStepsBox(p: {
  /** The state line(s): state, clock or schedule. */
  status: ComponentChildren;
  /** Who must act next when it is not this person (without the final 。). */
  waitingFor: string | null;
  /** This person has nothing to do now (adds 您目前无需操作). */
  idle: boolean;
  /** Extra notes between the waiting line and the forms (a letter still to send, a settled state). */
  notes?: ComponentChildren;
  /** The forms of the next actions. */
  children?: ComponentChildren;
}) {
  return (
    <section class="next-steps" id="next-steps" aria-labelledby="next-title">
      <h2 id="next-title">下一步</h2>
      {p.status}
      {p.waitingFor ? (
        <p class="waiting-for">
          <strong>{p.waitingFor}。</strong>
          {p.idle ? '您目前无需操作。' : ''}
        </p>
      ) : null}
      {p.notes}
      {p.children}
    </section>
  );
}

/** Every action that is not a next step, folded (open when one of its forms was just refused). */
export function MoreActions(p: { count: number; afterNextSteps: boolean; open: boolean; children: ComponentChildren }) {
  if (!p.count) return null;
  return (
    <details class="more-actions" open={p.open}>
      <summary>
        {p.afterNextSteps ? '其他操作' : '可以进行的操作'}（{p.count} 项）
      </summary>
      {p.children}
    </details>
  );
}
