// 互动交流 alerts: many similar messages on one subject within 24 hours point to a 舆情 in the making
// (国办发〔2016〕61号: 及时发现舆情苗头). Messages are grouped by their 主题分类 (unclassified ones together),
// then clustered by the similarity of title and content; a cluster at or above the site's threshold
// becomes one candidate. Pure code: the similarity measure is passed in.

export const ALERT_WINDOW_HOURS = 24;
/** Two messages are "similar" at this similarity of their text or more (Dice coefficient of bigrams). */
export const ALERT_MIN_SIMILARITY = 0.3;
export const DEFAULT_ALERT_THRESHOLD = 5;

export interface AlertMessage {
  itemNo: string;
  title: string;
  content: string;
  subjectId: number | null;
  subjectLabel: string;
  receivedAt: Date;
}

export interface Alert {
  subjectId: number | null;
  subjectLabel: string;
  /** Item numbers of the cluster, earliest first. */
  itemNos: string[];
  title: string;
  firstAt: Date;
  lastAt: Date;
}

/** Clusters of similar messages received in the 24 h before `now`, each at least `threshold` strong. */
export function findAlerts(messages: readonly AlertMessage[], now: Date, threshold: number, similarity: (a: string, b: string) => number): Alert[] {
  const from = now.getTime() - ALERT_WINDOW_HOURS * 3_600_000;
  const recent = messages.filter((m) => m.receivedAt.getTime() > from && m.receivedAt.getTime() <= now.getTime()).sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime() || a.itemNo.localeCompare(b.itemNo));
  const bySubject = new Map<number | null, AlertMessage[]>();
  for (const m of recent) bySubject.set(m.subjectId, [...(bySubject.get(m.subjectId) ?? []), m]);
  const alerts: Alert[] = [];
  for (const [subjectId, list] of bySubject) {
    if (list.length < threshold) continue;
    const text = (m: AlertMessage) => `${m.title} ${m.content.slice(0, 300)}`;
    const clusters: AlertMessage[][] = [];
    // Each message joins the first cluster whose first message it resembles, else starts one.
    for (const m of list) {
      const c = clusters.find((c) => similarity(text(c[0]!), text(m)) >= ALERT_MIN_SIMILARITY);
      if (c) c.push(m);
      else clusters.push([m]);
    }
    for (const c of clusters) {
      if (c.length < threshold) continue;
      alerts.push({ subjectId, subjectLabel: c[0]!.subjectLabel, itemNos: c.map((m) => m.itemNo), title: c[0]!.title, firstAt: c[0]!.receivedAt, lastAt: c[c.length - 1]!.receivedAt });
    }
  }
  return alerts.sort((a, b) => a.firstAt.getTime() - b.firstAt.getTime());
}
