// The PDF of an issue: made from its contents; a released issue's PDF is made once and kept, so the
// electronic edition stays as released.
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../core/db/index.ts';
import { gazetteIssues } from '../data/schema.ts';
import { gazetteName, issueLabel } from '../domain/numbering.ts';
import { contentsOf, governmentName } from '../service.ts';
import { refsOf } from '../service-read.ts';
import type { PrintIssue } from './layout.ts';
import { printIssue } from './print.ts';

export async function printInputOf(db: DbOrTx, issue: { id: number; rootUnitId: number; year: number; number: number; overall: number; issuedOn: string | null }, today: string): Promise<PrintIssue> {
  const [gov, contents] = await Promise.all([governmentName(db, issue.rootUnitId), contentsOf(db, issue.id)]);
  const refs = await refsOf(db, contents.flatMap((c) => c.articles.map((a) => a.correctsArticleId).filter((x): x is number => !!x)));
  let seq = 0;
  return {
    gazetteName: gazetteName(gov),
    label: issueLabel(issue),
    editor: `${gov.replace(/人民政府$/, '')}人民政府办公室`,
    issuedOn: issue.issuedOn ?? today,
    sections: contents.map((c) => ({
      name: c.section.name,
      articles: c.articles.map((a) => {
        seq++;
        const r = a.correctsArticleId ? refs.get(a.correctsArticleId) : undefined;
        return { seq: a.seq ?? seq, title: a.title, docNo: a.docNo, issuer: a.issuer, writtenOn: a.writtenOn, bodyHtml: a.bodyHtml, corrects: r ? `${r.year}年第${r.number}期《${r.title}》` : undefined };
      }),
    })),
  };
}

const inFlight = new Map<number, Promise<Buffer>>();

/** The kept PDF of a released issue, made on first request (one print at a time per issue). */
export async function releasedIssuePdf(db: DbOrTx, issueId: number, today: string): Promise<Buffer> {
  const [row] = await db.select().from(gazetteIssues).where(eq(gazetteIssues.id, issueId));
  if (!row) throw new Error('no such issue');
  if (row.pdf) return row.pdf;
  let p = inFlight.get(issueId);
  if (!p) {
    p = (async () => {
      const printed = await printIssue(await printInputOf(db, row, today));
      if (row.state === 'released') await db.update(gazetteIssues).set({ pdf: printed.pdf, pdfPages: printed.pages }).where(eq(gazetteIssues.id, issueId));
      return printed.pdf;
    })().finally(() => inFlight.delete(issueId));
    inFlight.set(issueId, p);
  }
  return p;
}
