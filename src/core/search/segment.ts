// The words of a natural search query ("楚雄市2026年预算公开" → 楚雄市 · 2026年 · 预算 · 公开), cut with
// jieba (@node-rs/jieba, its bundled dictionary; no download at run time). The index stays the
// dictionary-free bigram index (bigram.ts): each word becomes a bigram phrase there, so a word the
// dictionary does not know is still found as typed. Only queries are segmented, never documents.
import { createRequire } from 'node:module';
import { MAX_QUERY_CHARS, normalise, parseQuery, runsOf, type ParsedQuery } from './bigram.ts';

type Cutter = { cut(text: string, hmm?: boolean): string[]; cutForSearch(text: string, hmm?: boolean): string[] };

let jieba: Cutter | undefined;

/** The segmenter, loaded on first use (about 0.5 s and 40 MB for the dictionary). */
function segmenter(): Cutter {
  if (!jieba) {
    const require = createRequire(import.meta.url);
    const { Jieba } = require('@node-rs/jieba') as { Jieba: { withDict(dict: Uint8Array): Cutter } };
    const { dict } = require('@node-rs/jieba/dict') as { dict: Uint8Array };
    jieba = Jieba.withDict(dict);
  }
  return jieba;
}

/** Loads the dictionary now (at start-up), so the first search does not wait for it. */
export function warmSegmenter(): void {
  segmenter().cut('预热');
}

/** Function words that say nothing about what is sought; dropped when other words remain. */
const STOP_WORDS = new Set(['的', '了', '和', '与', '及', '或', '在', '是', '对', '之', '等', '并', '关于', '有关', '以及', '我', '我们', '怎么', '如何', '什么', '哪里', '吗', '呢']);
/** Units written after a number: kept with it (2026年, 3号, 500万元), as titles write them. */
const NUMBER_UNITS = /^[年月日号期届次元万亿个项条批季度]+$/u;
const CJK_CHAR = /^\p{Script=Han}$/u;
/** Words longer than this are not split further into dictionary sub-words. */
const MAX_SPLIT = 12;

const searchable = (w: string) => runsOf(normalise(w)).length > 0;

/**
 * A long word split into shorter dictionary words that cover it exactly (财政预算 → 财政 · 预算,
 * 城乡居民 → 城乡 · 居民), so a text that has both words apart is found too; the word itself when no
 * such split exists (楚雄市 stays whole: 市 alone is no word).
 */
function splitCompound(word: string, cut: Cutter): string[] {
  const chars = [...word];
  if (chars.length < 4 || chars.length > MAX_SPLIT) return [word];
  const subs = new Set(cut.cutForSearch(word, false).filter((s) => s !== word && [...s].length >= 2 && word.includes(s)));
  if (!subs.size) return [word];
  // Fewest pieces covering the word from start to end (a small dynamic programme over positions).
  const best: (string[] | null)[] = Array.from({ length: chars.length + 1 }, () => null);
  best[0] = [];
  for (let i = 0; i < chars.length; i++) {
    const prev = best[i];
    if (!prev) continue;
    for (let j = i + 2; j <= chars.length; j++) {
      const piece = chars.slice(i, j).join('');
      if (!subs.has(piece)) continue;
      const next = [...prev, piece];
      if (!best[j] || best[j]!.length > next.length) best[j] = next;
    }
  }
  return best[chars.length] ?? [word];
}

/** The words of one stretch of text without spaces or punctuation. */
function wordsOfPiece(piece: string, cut: Cutter): string[] {
  const tokens = cut.cut(piece, true).filter(searchable);
  // A number keeps the unit after it; a lone character joins a neighbour (it is too common alone).
  const merged: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const prev = merged[merged.length - 1];
    if (prev !== undefined && /\d$/.test(prev) && NUMBER_UNITS.test(t)) merged[merged.length - 1] = prev + t;
    else merged.push(t);
  }
  const out: string[] = [];
  for (let i = 0; i < merged.length; i++) {
    const t = merged[i]!;
    if (STOP_WORDS.has(t) && merged.length > 1) continue;
    if (CJK_CHAR.test(t) && merged.length > 1) {
      const next = merged[i + 1];
      if (next !== undefined && !STOP_WORDS.has(next)) {
        merged[i + 1] = t + next;
        continue;
      }
      if (out.length) {
        out[out.length - 1] += t;
        continue;
      }
    }
    out.push(t);
  }
  return out.flatMap((w) => splitCompound(w, cut));
}

/**
 * The words a query asks for, in order, without repeats: each space-separated term is cut into
 * words; punctuation separates; function words are dropped unless nothing else is left.
 */
export function queryWords(input: string, cut: Cutter = segmenter()): string[] {
  const out: string[] = [];
  for (const term of normalise(input).split(/\s+/)) {
    for (const piece of term.split(/[^\p{L}\p{N}\p{M}]+/u)) {
      if (!piece) continue;
      for (const w of wordsOfPiece(piece, cut)) if (!out.includes(w)) out.push(w);
    }
  }
  return out;
}

export interface NaturalQuery extends ParsedQuery {
  /** The words, each a bigram phrase that must occur (also the terms highlighted). */
  words: string[];
  /** The query as typed (each space-separated term one phrase), when that is not the words' query: ranked first. */
  phrase: string | null;
}

/** A query as words that must all occur, plus the phrase typed for ranking. */
export function parseNaturalQuery(input: string, cut?: Cutter): NaturalQuery {
  const words = queryWords(input.slice(0, MAX_QUERY_CHARS * 2), cut);
  const all = parseQuery(words.join(' '));
  const typed = parseQuery(input);
  return { ...all, words: all.terms, phrase: typed.tsquery && typed.tsquery !== all.tsquery ? typed.tsquery : null };
}
