import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { htmlToPlainText, plainTextToHtml, safeHref, sanitizeRichText } from './sanitize.ts';

describe('sanitizeRichText keeps the allowed structure', () => {
  const cases: Array<[string, string, string]> = [
    ['headings and paragraphs', '<h2>一、总体要求</h2><p>全面推进政务公开。</p>', '<h2>一、总体要求</h2><p>全面推进政务公开。</p>'],
    ['h3 and h4', '<h3>A</h3><h4>B</h4>', '<h3>A</h3><h4>B</h4>'],
    ['upper-case tags', '<P>段落</P><BR>', '<p>段落</p><br>'],
    ['lists', '<ul><li>一</li><li>二</li></ul><ol><li>三</li></ol>', '<ul><li>一</li><li>二</li></ul><ol><li>三</li></ol>'],
    ['emphasis', '<p><strong>a</strong><em>b</em><b>c</b><i>d</i><u>e</u></p>', '<p><strong>a</strong><em>b</em><b>c</b><i>d</i><u>e</u></p>'],
    ['blockquote', '<blockquote><p>引文</p></blockquote>', '<blockquote><p>引文</p></blockquote>'],
    [
      'table with caption, scope and spans',
      '<table><caption>经费</caption><thead><tr><th scope="col">项目</th><th scope="col">金额</th></tr></thead><tbody><tr><td colspan="2" rowspan="1">合计</td></tr></tbody></table>',
      '<table><caption>经费</caption><thead><tr><th scope="col">项目</th><th scope="col">金额</th></tr></thead><tbody><tr><td colspan="2" rowspan="1">合计</td></tr></tbody></table>',
    ],
    ['bad scope and spans dropped', '<table><tr><th scope="evil" colspan="0">x</th><td rowspan="9999" class="c">y</td></tr></table>', '<table><tr><th>x</th><td>y</td></tr></table>'],
    ['http link gets rel', '<a href="https://www.cxs.gov.cn/a?b=1&amp;c=2">链接</a>', '<a href="https://www.cxs.gov.cn/a?b=1&amp;c=2" rel="noopener noreferrer">链接</a>'],
    ['mailto link', '<a href="mailto:gkb@cxs.gov.cn">来信</a>', '<a href="mailto:gkb@cxs.gov.cn" rel="noopener noreferrer">来信</a>'],
    ['relative link', '<a href="/records/123">见</a>', '<a href="/records/123" rel="noopener noreferrer">见</a>'],
    ['target and rel from input replaced', '<a href="http://x.cn" target="_blank" rel="opener">x</a>', '<a href="http://x.cn" rel="noopener noreferrer">x</a>'],
    ['other attributes dropped', '<p class="x" style="color:red" id="y">t</p>', '<p>t</p>'],
    ['unclosed tags are closed', '<p><strong>粗体', '<p><strong>粗体</strong></p>'],
    ['misnested inline closed in order', '<p><strong>a</p>b</strong>', '<p><strong>a</strong></p>b'],
    ['implied </p>', '<p>一<p>二', '<p>一</p><p>二</p>'],
    ['implied </li>', '<ul><li>一<li>二</ul>', '<ul><li>一</li><li>二</li></ul>'],
    ['implied </td> and </tr>', '<table><tr><td>1<td>2<tr><td>3</table>', '<table><tr><td>1</td><td>2</td></tr><tr><td>3</td></tr></table>'],
    ['stray end tags dropped', '</p>文字</li>', '文字'],
    ['</br> is a line break', 'a</br>b', 'a<br>b'],
    ['text special characters escaped', '5 < 6 & 7 > 3 "引号"', '5 &lt; 6 &amp; 7 &gt; 3 &quot;引号&quot;'],
    ['entities decoded then re-escaped', '&lt;b&gt; &amp; &nbsp;&#x4E2D;&#25991; &hellip;', '&lt;b&gt; &amp; \u00a0中文 …'],
    // Unknown references stay as typed; legacy ones without ";" are read as a browser reads them (HTML5).
    ['unknown entity kept as typed', 'AT&T &foo; &copy2024', 'AT&amp;T &amp;foo; ©2024'],
  ];
  for (const [label, input, expected] of cases) {
    it(label, () => assert.equal(sanitizeRichText(input), expected));
  }
});

describe('sanitizeRichText unwraps unknown tags: their text stays, the tag goes', () => {
  const cases: Array<[string, string, string]> = [
    ['div unwrapped', '<div>内容</div>', '内容'],
    ['span with a font unwrapped', '<p><span style="font-family:仿宋_GB2312" class="x">正文</span></p>', '<p>正文</p>'],
    ['img with onerror dropped', '<img src=x onerror=alert(1)>', ''],
    ['h1 becomes h2 (the page has its own h1)', '<h1>标题</h1>', '<h2>标题</h2>'],
    ['h5 and h6 become h4', '<h5>a</h5><h6>b</h6>', '<h4>a</h4><h4>b</h4>'],
    ['form and input dropped', '<form action="/x"><input name="a"></form>', ''],
  ];
  for (const [label, input, expected] of cases) {
    it(label, () => assert.equal(sanitizeRichText(input), expected));
  }
});

describe('sanitizeRichText removes script vectors', () => {
  const cases: Array<[string, string, string]> = [
    ['script with content', '<p>a</p><script>alert(1)</script><p>b</p>', '<p>a</p><p>b</p>'],
    ['script in upper case with attributes', '前<SCRIPT type="text/javascript">document.cookie</SCRIPT>后', '前后'],
    ['script whose content contains tags', '<script>var s="<p>x</p>";</script>ok', 'ok'],
    ['unterminated script drops the rest', 'a<script>alert(1)', 'a'],
    ['script end tag with space', '<script>x</script >y', 'y'],
    ['style', '<style>body{display:none}</style><p>t</p>', '<p>t</p>'],
    ['iframe', '<iframe src="javascript:alert(1)"></iframe>x', 'x'],
    ['object and embed', '<object data="x.swf"><embed src="x.swf"></object>y', 'y'],
    ['svg onload', '<svg onload=alert(1)><circle/></svg>z', 'z'],
    ['nested svg', '<svg><svg></svg><script>alert(1)</script></svg>z', 'z'],
    ['math', '<math><mi xlink:href="javascript:alert(1)">x</mi></math>', ''],
    ['template', '<template><script>alert(1)</script></template>', ''],
    ['noscript', '<noscript><p>不支持脚本</p></noscript>t', 't'],
    ['textarea', '<textarea><script>alert(1)</script></textarea>', ''],
    ['meta refresh and link', '<meta http-equiv="refresh" content="0;url=javascript:alert(1)"><link rel=stylesheet href=x>t', 't'],
    ['comment', '<p>a<!-- <script>alert(1)</script> -->b</p>', '<p>ab</p>'],
    ['conditional comment', '<!--[if IE]><script>alert(1)</script><![endif]-->x', 'x'],
    ['doctype and processing instruction', '<!DOCTYPE html><?xml version="1.0"?>x', 'x'],
    ['cdata', '<![CDATA[<script>alert(1)</script>]]>x', 'x'],
    ['event handler on allowed tag', '<p onclick="alert(1)" onmouseover=alert(2)>t</p>', '<p>t</p>'],
    ['javascript: link', '<a href="javascript:alert(1)">x</a>', 'x'],
    ['JavaScript: mixed case', '<a href="JaVaScRiPt:alert(1)">x</a>', 'x'],
    ['javascript with tab entity', '<a href="jav&#x09;ascript:alert(1)">x</a>', 'x'],
    ['javascript with newline', '<a href="java\nscript:alert(1)">x</a>', 'x'],
    ['javascript with leading space and entity', '<a href=" &#106;avascript:alert(1)">x</a>', 'x'],
    ['javascript with named colon', '<a href="javascript&colon;alert(1)">x</a>', 'x'],
    ['data: link', '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>', 'x'],
    ['vbscript link', '<a href="vbscript:msgbox(1)">x</a>', 'x'],
    ['link without href keeps text', '<a name="top">顶部</a>', '顶部'],
    ['unquoted attribute breaking out', '<a href=http://x.cn/"onmouseover="alert(1)">x</a>', '<a href="http://x.cn/&quot;onmouseover=&quot;alert(1)&quot;" rel="noopener noreferrer">x</a>'],
    ['split script tag', '<scr<script>ipt>alert(1)</script>', 'ipt&gt;alert(1)'],
    ['noscript breakout', '<noscript><p title="</noscript><img src=x onerror=alert(1)>">', ''],
    ['unterminated tag', '<p>a</p><img src=x onerror="alert(1)', '<p>a</p>'],
    ['tag with unterminated quote', '<a href="http://x.cn>y', ''],
    ['base tag', '<base href="http://evil.cn/">x', 'x'],
    ['quote in attribute of an unwrapped tag', '<div title="x" onclick=\'a()\'>', ''],
  ];
  for (const [label, input, expected] of cases) {
    it(label, () => {
      const out = sanitizeRichText(input);
      assert.equal(out, expected);
      // Every real tag left in the output is an allowed one with allowed attributes only.
      for (const tag of out.match(/<[^>]*>/g) ?? []) {
        assert.match(tag, /^<\/?(h[2-4]|p|br|ul|ol|li|table|thead|tbody|tr|th|td|caption|strong|em|b|i|u|a|blockquote)( (href|rel|scope|colspan|rowspan)="[^"<>]*")*>$/, tag);
        assert.doesNotMatch(tag, /href="\s*(javascript|data|vbscript):/i);
      }
    });
  }
});

describe('sanitizeRichText is idempotent', () => {
  const inputs = [
    '<p>a &amp; b</p><div onclick=x>t</div>',
    '<table><tr><td>1<td>2</table>',
    '<a href="https://a.cn/?x=1&y=2">l</a>',
    '5 < 6 && "q"',
    '&lt;script&gt;alert(1)&lt;/script&gt;',
    '<p>一<p>二<ul><li>三',
  ];
  for (const input of inputs) {
    it(JSON.stringify(input), () => {
      const once = sanitizeRichText(input);
      assert.equal(sanitizeRichText(once), once);
    });
  }
});

describe('safeHref', () => {
  const cases: Array<[string, string | null]> = [
    ['https://www.cxs.gov.cn/', 'https://www.cxs.gov.cn/'],
    ['HTTP://x.cn', 'HTTP://x.cn'],
    ['mailto:a@b.cn', 'mailto:a@b.cn'],
    ['/a/b', '/a/b'],
    ['#top', '#top'],
    ['?page=2', '?page=2'],
    ['files/a.pdf', 'files/a.pdf'],
    ['//cdn.example.cn/x', '//cdn.example.cn/x'],
    ['javascript:alert(1)', null],
    ['  javascript:alert(1)', null],
    ['java\u0000script:alert(1)', null],
    ['ftp://x.cn', null],
    ['tel:123', null],
    ['a:b/c', null],
    ['\\\\evil.cn', null],
    ['', null],
  ];
  for (const [input, expected] of cases) {
    it(JSON.stringify(input), () => assert.equal(safeHref(input), expected));
  }
});

describe('htmlToPlainText', () => {
  const cases: Array<[string, string, string]> = [
    ['paragraphs to lines', '<h2>标题</h2><p>第一段。</p><p>第二段。</p>', '标题\n第一段。\n第二段。'],
    ['script and style removed', '<p>a</p><script>alert(1)</script><style>p{}</style><p>b</p>', 'a\nb'],
    ['entities decoded', '<p>A &amp; B &lt;C&gt;&nbsp;&#20013;</p>', 'A & B <C> 中'],
    ['table cells separated', '<table><tr><th>项目</th><td>100</td></tr><tr><td>合计</td><td>200</td></tr></table>', '项目 100\n合计 200'],
    ['list items to lines', '<ul><li>一</li><li>二</li></ul>', '一\n二'],
    ['whitespace collapsed', '<p>  多个\n\n  空格  </p>', '多个 空格'],
    ['br to newline', '第一行<br>第二行', '第一行\n第二行'],
    ['escaped tags stay as text', '&lt;div&gt;x&lt;/div&gt;', '<div>x</div>'],
    ['comments removed', 'a<!-- hidden -->b', 'ab'],
    ['empty', '', ''],
  ];
  for (const [label, input, expected] of cases) {
    it(label, () => assert.equal(htmlToPlainText(input), expected));
  }
});

describe('plainTextToHtml', () => {
  it('turns blank-line-separated text into paragraphs and single newlines into <br>', () => {
    assert.equal(plainTextToHtml('第一段\n续行\r\n\r\n第二段\n'), '<p>第一段<br>续行</p>\n<p>第二段</p>');
  });
  it('leaves text with block markup unchanged', () => {
    assert.equal(plainTextToHtml('<p>已有段落</p>\n\n文字'), '<p>已有段落</p>\n\n文字');
  });
  it('still leaves inline markup to the sanitiser', () => {
    assert.equal(sanitizeRichText(plainTextToHtml('a <script>x</script>\n\nb')), '<p>a </p>\n<p>b</p>');
  });
});
