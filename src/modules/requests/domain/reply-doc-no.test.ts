import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { docNoPatternError, formatDocNo, normaliseDocNoPattern } from './reply-doc-no.ts';

describe('答复告知书文号 pattern', () => {
  it('fills the year and the number, unpadded', () => {
    assert.equal(formatDocNo('楚市财依申复〔{年}〕{号}号', 2026, 1), '楚市财依申复〔2026〕1号');
    assert.equal(formatDocNo('东瓜镇依申〔{年}〕第{号}号', 2027, 12), '东瓜镇依申〔2027〕第12号');
  });
  it('normalises what people type', () => {
    assert.equal(normaliseDocNoPattern(' 楚市财依申复［{年}］｛号｝号 '), '楚市财依申复〔{年}〕{号}号');
    assert.equal(normaliseDocNoPattern('楚市财依申复({年}){号}号'), '楚市财依申复〔{年}〕{号}号');
  });
  it('accepts a good pattern and an empty one (no 文号)', () => {
    assert.equal(docNoPatternError('楚市财依申复〔{年}〕{号}号'), '');
    assert.equal(docNoPatternError(''), '');
  });
  it('refuses a bad pattern in Chinese', () => {
    assert.match(docNoPatternError('楚市财依申复〔2026〕{号}号'), /须各含一个 \{年\} 和 \{号\}/);
    assert.match(docNoPatternError('楚市财依申复〔{年}〕{号}{号}号'), /须各含一个/);
    assert.match(docNoPatternError('楚市财依申复〔{年}〕{序号}号'), /不认识：\{序号\}/);
    assert.match(docNoPatternError('楚市财依申复{年}{号}号'), /六角括号/);
    assert.match(docNoPatternError('〔{年}〕{号}号'), /机关代字/);
    assert.match(docNoPatternError('楚市财依申复〔{年}〕{号}号}'), /大括号不成对/);
    assert.match(docNoPatternError(`${'楚'.repeat(40)}〔{年}〕{号}号`), /40个字/);
  });
});
