// The content check (错敏词) shown to reviewers of a post. The rules live in the assessment module,
// which depends on this one (its website monitor reads silentAccounts), so it sets the check here at
// start-up, as it does for publishing.
import type { DbOrTx } from '../../core/db/index.ts';
import { textForCheck, type ContentCheck, type ContentFinding } from '../publishing/index.ts';

let current: ContentCheck | null = null;

/** Sets (or with null removes) the check run on posts under review. */
export function setPostContentCheck(check: ContentCheck | null): void {
  current = check;
}

export async function checkPost(db: DbOrTx, rootUnitId: number, today: string, post: { title: string; bodyHtml: string }): Promise<ContentFinding[] | null> {
  if (!current) return null;
  return current(db, { rootUnitId, today, texts: [{ where: '标题', text: post.title }, { where: '正文', text: textForCheck(post.bodyHtml) }] });
}
