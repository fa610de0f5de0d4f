import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { sanitizeRichText } from './sanitize.ts';
import { cleanWordHtml, isWordHtml } from './word-paste.ts';

const fixture = readFileSync(new URL('./fixtures/word-paste.html', import.meta.url), 'utf8');

describe('HTML pasted from Word / WPS', () => {
  it('keeps headings, lists and tables; drops styles, fonts, classes, Office tags', () => {
    const out = sanitizeRichText(fixture);
    assert.equal(
      out.replace(/\s+</g, '<').replace(/>\s+/g, '>'),
      '<h2>楚雄市财政局关于2026年部门预算公开的说明</h2>' +
        '<p>根据《中华人民共和国预算法》，现将有关情况说明如下。</p>' +
        '<h2>一、主要职责</h2>' +
        '<ol><li>贯彻执行财税法律法规</li><li>编制年度预算草案</li></ol>' +
        '<p>其他事项：</p>' +
        '<ul><li>“三公”经费管理</li></ul>' +
        '<h2>二、预算收支</h2>' +
        '<table><tr><td><p><b>项目</b></p></td><td><p><b>金额（万元）</b></p></td></tr>' +
        '<tr><td colspan="1"><p>一般公共预算</p></td><td><p>1,234.56</p></td></tr></table>' +
        '<p>（联系电话：0878-3123456）</p>',
    );
    for (const bad of ['style=', 'class=', 'font', 'mso', 'o:p', 'lang=', 'width=', 'Times New Roman', '仿宋', '<span', '<div']) {
      assert.ok(!out.includes(bad), `no ${bad}`);
    }
  });

  it('is idempotent on the cleaned text', () => {
    const once = sanitizeRichText(fixture);
    assert.equal(sanitizeRichText(once), once);
  });

  it('leaves HTML that is not from Office alone', () => {
    const html = '<p>段落</p><ul><li>一</li></ul>';
    assert.equal(isWordHtml(html), false);
    assert.equal(cleanWordHtml(html), html);
  });

  it('a list typed with 一、 （二） numbers is ordered; a bullet list is not', () => {
    const item = (marker: string, text: string) => `<p class=MsoListParagraph style='mso-list:l0 level1 lfo1'><![if !supportLists]><span>${marker}&nbsp;</span><![endif]>${text}</p>`;
    assert.equal(sanitizeRichText(item('一、', '甲') + item('二、', '乙')), '<ol><li>甲</li><li>乙</li></ol>');
    assert.equal(sanitizeRichText(item('§', '甲')), '<ul><li>甲</li></ul>');
  });
});
