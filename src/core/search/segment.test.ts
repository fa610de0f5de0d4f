import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseNaturalQuery, queryWords } from './segment.ts';

describe('query words (jieba)', () => {
  it('cuts natural queries into the words a record must contain', () => {
    const cases: [string, string[]][] = [
      // A number keeps its unit, as titles write it (楚雄市2026年市级预算公开).
      ['2026年预算', ['2026年', '预算']],
      ['2024年预算', ['2024年', '预算']],
      // A compound word splits into the dictionary words that cover it (财政预算 → 财政 · 预算); 楚雄市 stays whole.
      ['楚雄市财政预算公开', ['楚雄市', '财政', '预算', '公开']],
      ['低保标准', ['低保', '标准']],
      ['城乡居民医疗保险', ['城乡', '居民', '医疗', '保险']],
      // Function words go; full-width letters are read as half width; spaces separate as before.
      ['楚雄市财政局关于2026年部门预算的公开', ['楚雄市', '财政局', '2026年', '部门', '预算', '公开']],
      ['ＱＬＨ 验收', ['qlh', '验收']],
      // One character alone is still a query (a prefix in the index).
      ['税', ['税']],
      ['的', ['的']],
      // Repeats count once.
      ['预算 预算公开', ['预算', '公开']],
    ];
    for (const [q, words] of cases) assert.deepEqual(queryWords(q), words, q);
  });

  it('asks for every word as a bigram phrase and keeps the typed query for ranking', () => {
    const p = parseNaturalQuery('2026年预算');
    assert.deepEqual(p.words, ['2026年', '预算']);
    assert.equal(p.tsquery, "('2026' <-> '年':*) & '预算'");
    assert.equal(p.allLexemes, "'2026' & '预算'");
    assert.equal(p.phrase, "('2026' <-> '年预' <-> '预算')");
    // One word: the typed phrase is the query itself.
    assert.equal(parseNaturalQuery('预算').phrase, null);
    assert.equal(parseNaturalQuery('，。').tsquery, null);
  });
});
