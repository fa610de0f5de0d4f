import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildTsvectors, normalise, parseQuery, tokenize } from './bigram.ts';
import { normaliseDocNumber } from './doc-number.ts';

describe('normalise', () => {
  const cases: [string, string][] = [
    ['ＡＢＣ１２３', 'abc123'],
    ['（２０２５）', '(2025)'],
    ['楚雄市　财政局', '楚雄市 财政局'],
    ['GB/T 9704', 'gb/t 9704'],
    ['﹝2017﹞', '〔2017〕'],
  ];
  for (const [input, want] of cases) it(`${input} → ${want}`, () => assert.equal(normalise(input), want));
});

describe('tokenize', () => {
  const cases: [string, string[]][] = [
    ['楚雄市', ['楚雄', '雄市', '市']],
    ['税', ['税']],
    ['财政预算', ['财政', '政预', '预算', '算']],
    ['财政，预算', ['财政', '政', '预算', '算']],
    ['2025年部门预算', ['2025', '年部', '部门', '门预', '预算', '算']],
    ['楚市政通〔2017〕47号', ['楚市', '市政', '政通', '通', '2017', '47', '号']],
    ['ＰＤＦ文件v2.1', ['pdf', '文件', '件', 'v2', '1']],
    ['GB/T 9704-2012', ['gb', 't', '9704', '2012']],
    ['', []],
    ['，。！？ ——', []],
    ['<script>alert(1)</script>', ['script', 'alert', '1', 'script']],
    ['〇一二', ['〇一', '一二', '二']],
  ];
  for (const [input, want] of cases) it(JSON.stringify(input), () => assert.deepEqual(tokenize(input), want));

  it('cuts very long words to 60 characters', () => {
    assert.deepEqual(tokenize('a'.repeat(100)), ['a'.repeat(60)]);
  });
});

describe('parseQuery', () => {
  const cases: [string, string | null, string[]][] = [
    ['财政预算', "('财政' <-> '政预' <-> '预算')", ['财政预算']],
    ['税', "'税':*", ['税']],
    ['预算', "'预算'", ['预算']],
    ['  财政  预算 ', "'财政' & '预算'", ['财政', '预算']],
    ['2025年', "('2025' <-> '年':*)", ['2025年']],
    ['2025年部门预算', "('2025' <-> '年部' <-> '部门' <-> '门预' <-> '预算')", ['2025年部门预算']],
    ['楚市政通〔2017〕47号', "('楚市' <-> '市政' <-> '政通' <-> '通' <-> '2017' <-> '47' <-> '号':*)", ['楚市政通〔2017〕47号']],
    ['ＰＤＦ', "'pdf'", ['pdf']],
    ["it's", "('it' <-> 's')", ["it's"]],
    ['，。', null, []],
    ['', null, []],
    ['预算 预算', "'预算'", ['预算']],
    ['a b c d e f g h i j', "'a' & 'b' & 'c' & 'd' & 'e' & 'f' & 'g' & 'h'", ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']],
  ];
  for (const [input, tsquery, terms] of cases) {
    it(JSON.stringify(input), () => {
      const q = parseQuery(input);
      assert.equal(q.tsquery, tsquery);
      assert.deepEqual(q.terms, terms);
    });
  }

  const unordered: [string, string | null][] = [
    ['财政预算', "'财政' & '政预' & '预算'"],
    ['税', "'税':*"],
    ['2025年 预算', "'2025' & '预算'"],
    ['楚市政通〔2017〕47号', "'楚市' & '市政' & '政通' & '通' & '2017' & '47'"],
    ['税 费', "'税':* & '费':*"],
    ['预算 部门预算', "'预算' & '部门' & '门预'"],
    ['，', null],
  ];
  for (const [input, want] of unordered) it(`unordered ${input}`, () => assert.equal(parseQuery(input).allLexemes, want));

  it('reads at most 100 characters', () => {
    const q = parseQuery('财'.repeat(150));
    assert.equal(q.terms[0]!.length, 100);
  });
});

describe('buildTsvectors', () => {
  it('gives each field its weight and leaves an empty position between fields', () => {
    assert.deepEqual(
      buildTsvectors([
        { text: '预算公开', weight: 'A' },
        { text: '', weight: 'B' },
        { text: '预算 2025', weight: 'C' },
        { text: '附件', weight: 'D' },
      ]),
      ["'预算':1A,6C '算公':2A '公开':3A '开':4A '算':7C '2025':8C '附件':10 '件':11"],
    );
  });

  it('quotes lexemes with an apostrophe or backslash', () => {
    assert.deepEqual(buildTsvectors([{ text: "l'été", weight: 'A' }]), ["'l':1A 'été':2A"]);
  });

  it('returns no chunk for a text without tokens', () => {
    assert.deepEqual(buildTsvectors([{ text: '……', weight: 'A' }]), []);
  });

  it('cuts long text into overlapping chunks', () => {
    const text = Array.from({ length: 25 }, (_, i) => `w${i}`).join(' ');
    const chunks = buildTsvectors([{ text, weight: 'C' }], { positions: 10, overlap: 2 });
    // 25 tokens, steps of 8: 0–9, 8–17, 16–24.
    assert.equal(chunks.length, 3);
    assert.ok(chunks[0]!.startsWith("'w0':1C"));
    assert.ok(chunks[0]!.endsWith("'w9':10C"));
    assert.ok(chunks[1]!.startsWith("'w8':1C 'w9':2C"));
    assert.ok(chunks[2]!.startsWith("'w16':1C"));
    assert.ok(chunks[2]!.endsWith("'w24':9C"));
  });

  it('refuses chunk sizes PostgreSQL would clamp', () => {
    assert.throws(() => buildTsvectors([{ text: 'a', weight: 'A' }], { positions: 20000, overlap: 0 }));
  });
});

describe('normaliseDocNumber', () => {
  const cases: [string, string | null][] = [
    ['楚市政通〔2017〕47号', '楚市政通〔2017〕47号'],
    ['楚市政通[2017]47号', '楚市政通〔2017〕47号'],
    ['楚市政通（2017）47号', '楚市政通〔2017〕47号'],
    ['楚市政通(2017)047号', '楚市政通〔2017〕47号'],
    ['楚市政通【２０１７】４７号', '楚市政通〔2017〕47号'],
    [' 楚市政通 〔2017〕 47 号 ', '楚市政通〔2017〕47号'],
    ['楚市政通2017年47号', null],
    ['楚市政通〔2017〕第47号', '楚市政通〔2017〕47号'],
    ['楚财预〔2025〕3号', '楚财预〔2025〕3号'],
    ['国办发〔2017〕47号', '国办发〔2017〕47号'],
    ['〔2017〕47号', null],
    ['ABC〔2017〕47号', null],
    ['楚市政通〔17〕47号', null],
    ['楚市政通〔2017〕', null],
    ['财政预算', null],
    ['47号', null],
    ['楚雄州人民政府令第3号', '楚雄州人民政府令第3号'],
    ['楚雄州人民政府令第03号', '楚雄州人民政府令第3号'],
    ['楚市政通〔2017〕0号', '楚市政通〔2017〕0号'],
  ];
  for (const [input, want] of cases) it(`${input} → ${want}`, () => assert.equal(normaliseDocNumber(input), want));
});
