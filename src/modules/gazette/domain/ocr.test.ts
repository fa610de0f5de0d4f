// What OCR output means: Tesseract's TSV to page text, readability, character accuracy (worked by hand).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { characterAccuracy, readable, scanOutcome, textFromTsv } from './ocr.ts';
import { runOn } from '../scans.ts';

const HEAD = 'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext';
const row = (par: number, line: number, conf: number, text: string) => `5\t1\t1\t${par}\t${line}\t1\t0\t0\t10\t10\t${conf}\t${text}`;

describe('OCR output', () => {
  it('joins Chinese words without spaces, other words with one, lines and paragraphs apart, and averages the confidence', () => {
    const tsv = [HEAD, '1\t1\t0\t0\t0\t0\t0\t0\t100\t100\t-1\t', row(1, 1, 90, '楚雄市'), row(1, 1, 80, '人民政府'), row(1, 2, 70, 'GB/T'), row(1, 2, 60, '9704'), row(2, 1, 100, '通知'), row(2, 1, -1, '')].join('\n');
    assert.deepEqual(textFromTsv(tsv), { text: '楚雄市人民政府\nGB/T 9704\n\n通知', confidence: 80, characters: 16 });
    assert.deepEqual(textFromTsv(HEAD), { text: '', confidence: null, characters: 0 });
  });

  const cases: [string, { characters: number; confidence: number | null }, boolean][] = [
    ['a full page read with confidence', { characters: 400, confidence: 88 }, true],
    ['20 characters at 50: just readable', { characters: 20, confidence: 50 }, true],
    ['19 characters: a smudge, not a page of text', { characters: 19, confidence: 95 }, false],
    ['many characters at low confidence: guesses', { characters: 300, confidence: 49.9 }, false],
    ['nothing recognised', { characters: 0, confidence: null }, false],
  ];
  for (const [label, p, expected] of cases) it(label, () => assert.equal(readable(p), expected));

  it('marks a scan unreadable when any page is, or when it has no page', () => {
    assert.equal(scanOutcome([{ readable: true }, { readable: true }]), 'done');
    assert.equal(scanOutcome([{ readable: true }, { readable: false }]), 'unreadable');
    assert.equal(scanOutcome([]), 'unreadable');
  });

  it('counts the expected characters found in order, ignoring spaces and punctuation', () => {
    assert.equal(characterAccuracy('楚雄市人民政府', '楚雄市人民政府'), 1);
    assert.equal(characterAccuracy('楚雄市人民政府', '攻雄市人民政 府。'), 6 / 7);
    assert.equal(characterAccuracy('通知，如下。', '通知 如下'), 1);
    assert.equal(characterAccuracy('', 'x'), 1);
  });

  it('takes out the layout line breaks inside Chinese text only', () => {
    assert.equal(runOn('农村最低生活保障实施办\n法》印发给你们'), '农村最低生活保障实施办法》印发给你们');
    assert.equal(runOn('GB/T\n9704'), 'GB/T\n9704');
  });
});
