// 并单: repeated or identical 诉求 merged into one main item (潍坊12345办法 第十八条 重复诉求合并办理;
// regulation-wave2.md §4.3). The merged item keeps its caller and lookup code; the main item's reply,
// state and time limit stand for both. Pure code.
import type { MessageState } from './states.ts';

/** An item may be merged while nobody has answered it yet. */
export const MERGEABLE_STATES: readonly MessageState[] = ['received', 'dispatched', 'handling'];
/** A main item may take others while it is still being handled or answered. */
export const MAIN_STATES: readonly MessageState[] = ['received', 'dispatched', 'handling', 'return_requested', 'termination_requested', 'replied', 'visiting'];

/** Characters of a text without punctuation, full width folded, lower case. */
function letters(text: string): string[] {
  return [...text.normalize('NFKC').toLowerCase()].filter((c) => /[\p{L}\p{N}]/u.test(c));
}

/** Overlapping character pairs: the unit of similarity for Chinese text without a dictionary. */
export function bigrams(text: string): Set<string> {
  const c = letters(text);
  const out = new Set<string>();
  for (let i = 0; i + 1 < c.length; i++) out.add(c[i]! + c[i + 1]!);
  if (c.length === 1) out.add(c[0]!);
  return out;
}

/** Dice coefficient of the two texts' bigrams, 0 (nothing shared) to 1 (the same pairs). */
export function similarity(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  if (!x.size || !y.size) return 0;
  let shared = 0;
  for (const g of x) if (y.has(g)) shared++;
  return (2 * shared) / (x.size + y.size);
}

export interface DuplicateFacts {
  callerPhone: string;
  title: string;
  content: string;
}

/** Texts at least this similar are shown as probable repeats even from different callers. */
export const SIMILAR_TEXT = 0.6;
/** From the same caller, a looser match is enough. */
export const SIMILAR_SAME_CALLER = 0.2;

export interface DuplicateMatch {
  sameCaller: boolean;
  /** Similarity of title and content, rounded to two decimals. */
  score: number;
  duplicate: boolean;
}

/** Whether `b` looks like a repeat of `a`: the same caller with a related text, or a very similar text. */
export function compareItems(a: DuplicateFacts, b: DuplicateFacts): DuplicateMatch {
  const sameCaller = a.callerPhone !== '' && a.callerPhone === b.callerPhone;
  const score = Math.round(similarity(`${a.title} ${a.content}`, `${b.title} ${b.content}`) * 100) / 100;
  return { sameCaller, score, duplicate: score >= SIMILAR_TEXT || (sameCaller && score >= SIMILAR_SAME_CALLER) };
}

export interface MergeFacts {
  id: number;
  itemNo: string;
  rootUnitId: number;
  state: MessageState;
  mergedInto: number | null;
  repliedOn: string | null;
  /** How many items are merged into this one. */
  mergedCount: number;
}

/** Reasons the item cannot be merged into main (empty: it can). */
export function checkMerge(item: MergeFacts, main: MergeFacts | null): string[] {
  const reasons: string[] = [];
  if (!main) return ['没有找到作为主件的诉求，请核对编号'];
  if (main.id === item.id) return ['不能把诉求并入它自己'];
  if (main.rootUnitId !== item.rootUnitId) reasons.push('只能并入本平台受理的诉求');
  if (item.mergedInto !== null) reasons.push('该诉求已经并入其他诉求，请先撤销并单');
  if (item.mergedCount > 0) reasons.push('已有其他诉求并入本件，本件只能作为主件');
  if (!MERGEABLE_STATES.includes(item.state) || item.repliedOn) reasons.push('已答复、已办结或不予受理的诉求不能再并单');
  if (main.mergedInto !== null) reasons.push(`${main.itemNo} 本身已并入其他诉求，请并入其主件`);
  if (!MAIN_STATES.includes(main.state)) reasons.push(`${main.itemNo} 已办结、终止或不予受理，不能作为主件`);
  return reasons;
}

/** Reasons a merge cannot be undone: only before the main item is answered. */
export function checkUnmerge(item: MergeFacts, main: MergeFacts | null): string[] {
  if (item.mergedInto === null || !main) return ['该诉求没有并入其他诉求'];
  if (main.repliedOn || !MERGEABLE_STATES.includes(main.state)) return [`主件 ${main.itemNo} 已经答复，不能撤销并单`];
  return [];
}
