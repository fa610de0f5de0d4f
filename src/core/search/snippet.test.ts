import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { markAll, needlesOf, segmentsToHtml, snippet } from './snippet.ts';
import { htmlToText, truncate } from './text.ts';

const html = (text: string, terms: string[], n?: number) => segmentsToHtml(snippet(text, terms, n));

describe('needlesOf', () => {
  const cases: [string[], string[]][] = [
    [['财政预算'], ['财政预算']],
    [['财政', '预算'], ['财政', '预算']],
    [['税'], ['税']],
    [['楚市政通〔2017〕47号'], ['楚市政通〔2017〕47号', '楚市政通', '2017', '47']],
    [['ＰＤＦ'], ['pdf']],
    [['，'], []],
  ];
  for (const [terms, want] of cases) it(JSON.stringify(terms), () => assert.deepEqual(needlesOf(terms), want));
});

describe('markAll', () => {
  const cases: [string, string[], string][] = [
    ['2025年部门预算公开', ['预算'], '2025年部门<mark>预算</mark>公开'],
    ['财政预算与财政决算', ['财政'], '<mark>财政</mark>预算与<mark>财政</mark>决算'],
    ['关于财政预算的通知', ['财政预算', '财政'], '关于<mark>财政预算</mark>的通知'],
    ['楚市政通〔2017〕47号', ['楚市政通[2017]47号'], '<mark>楚市政通〔2017〕47号</mark>'],
    ['ＰＤＦ版本', ['pdf'], '<mark>ＰＤＦ</mark>版本'],
    ['<b>预算</b> & "引号"', ['预算'], '&lt;b&gt;<mark>预算</mark>&lt;/b&gt; &amp; &quot;引号&quot;'],
    ['<script>alert(1)</script>', ['script'], '&lt;<mark>script</mark>&gt;alert(1)&lt;/<mark>script</mark>&gt;'],
    ['没有命中', ['预算'], '没有命中'],
  ];
  for (const [text, terms, want] of cases) it(text, () => assert.equal(segmentsToHtml(markAll(text, terms)), want));
});

describe('snippet', () => {
  const long = '一'.repeat(200) + '楚雄市财政局公开2025年部门预算' + '二'.repeat(200) + '部门决算' + '三'.repeat(50);

  it('centres on the match with … on both sides', () => {
    const out = html(long, ['部门预算'], 40);
    // A fifth of the window before the match: 8 characters, then the match, then the rest.
    assert.equal(out, '…局公开2025年<mark>部门预算</mark>' + '二'.repeat(28) + '…');
  });

  it('prefers the window with more different terms', () => {
    const text = '预算' + '空'.repeat(100) + '预算和决算' + '空'.repeat(100);
    const out = html(text, ['预算', '决算'], 20);
    assert.match(out, /<mark>预算<\/mark>和<mark>决算<\/mark>/);
  });

  it('gives the beginning of the text when nothing matches', () => {
    assert.equal(html('甲'.repeat(50), ['预算'], 10), '甲'.repeat(10) + '…');
  });

  it('keeps a short text whole and collapses white space', () => {
    assert.equal(html('  预算\n\n 公开 ', ['公开']), '预算 <mark>公开</mark>');
  });

  it('never cuts a character outside the BMP in two', () => {
    const text = '𠀀'.repeat(30) + '预算';
    const out = snippet(text, ['预算'], 11).map((s) => s.text).join('');
    assert.ok(!/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(out), out);
  });
});

describe('htmlToText', () => {
  const cases: [string, string][] = [
    ['<p>第一段</p><p>第二段</p>', '第一段\n第二段'],
    ['<h2>一、总则</h2><ul><li>甲</li><li>乙</li></ul>', '一、总则\n甲\n乙'],
    ['<table><tr><th>项目</th><td>金额</td></tr></table>', '项目 金额'],
    ['A&amp;B &lt;i&gt; &#x4e2d;&#25991; &nbsp;x', 'A&B <i> 中文 x'],
    ['<script>bad()</script>正文', '正文'],
    ['&#0; &#xD800; &bogus;', '&#0; &#xD800; &bogus;'],
    ['　　段首缩进', '段首缩进'],
  ];
  for (const [input, want] of cases) it(input, () => assert.equal(htmlToText(input), want));
});

describe('truncate', () => {
  it('counts characters, not UTF-16 units', () => {
    assert.equal(truncate('𠀀𠀀𠀀', 2), '𠀀𠀀…');
    assert.equal(truncate('预算', 2), '预算');
  });
});
