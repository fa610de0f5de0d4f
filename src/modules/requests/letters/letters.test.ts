import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { composeLetter, type LetterFacts } from './compose.ts';
import { DEFAULT_TEMPLATES, REPLY_OUTCOMES, defaultTemplate } from './defaults.ts';
import { BLANK, fillTemplate, placeholdersIn, PLACEHOLDERS, validateTemplate } from './template-text.ts';
import { letterParagraphs, renderLetterDocx } from './render-docx.ts';
import { docxParagraphs, zipEntry } from '../../../core/testing/office.ts';

const facts: LetterFacts = {
  unitName: '楚雄市财政局',
  unitPhone: '0878-3121141',
  reviewBody: '楚雄市人民政府',
  requestNo: 'YSQ-2026-000042',
  applicantName: '张三',
  receivedOn: '2026-11-02',
  issuedOn: '2026-11-26',
  description: '2025年楚雄市财政局部门决算说明',
  formWanted: '电子数据',
  delivery: '电子邮件',
  legalBasis: '《中华人民共和国政府信息公开条例》第三十六条第（二）项',
  attachments: ['2025年部门决算.pdf'],
};

describe('letter templates', () => {
  it('has one default per annual-report outcome and one per notice, all using known placeholders only', () => {
    assert.equal(REPLY_OUTCOMES.length, 21, '2 + 8 + 3 + 5 + 3 outcome rows of table 三');
    assert.equal(DEFAULT_TEMPLATES.length, 25);
    for (const t of DEFAULT_TEMPLATES) {
      assert.deepEqual(validateTemplate(t.title, t.body, t.required), {}, t.kind);
      for (const p of placeholdersIn(t.body)) assert.ok(p in PLACEHOLDERS, `${t.kind}: {${p}}`);
    }
  });

  it('fills placeholders, marks a missing one with a blank and reports it, and drops a line of an empty optional one', () => {
    const r = fillTemplate('{申请人}：\n{答复说明}\n请于{补正期限}前补正。', { 申请人: '李四' });
    assert.equal(r.text, `李四：\n请于${BLANK}前补正。`);
    assert.deepEqual(r.missing, ['补正期限']);
  });

  it('does not re-expand placeholders that appear inside a value', () => {
    const r = fillTemplate('申请内容：{申请内容}', { 申请内容: '关于{单位名称}的文件' });
    assert.equal(r.text, '申请内容：关于{单位名称}的文件');
  });

  it('refuses an edited template with an unknown placeholder or without a required one', () => {
    const reply = defaultTemplate('disclose')!;
    assert.match(validateTemplate(reply.title, reply.body.replace('{救济途径}', ''), reply.required).body!, /必须包含以下占位符：\{救济途径\}/);
    assert.match(validateTemplate(reply.title, reply.body + '{申请人电话}', reply.required).body!, /无法识别的占位符：\{申请人电话\}/);
    assert.equal(validateTemplate('', reply.body, reply.required).title, '请填写文书标题');
  });

  it('states the remedies with their statutory periods (行政复议 60 日, 行政诉讼 6 个月) unless the reply recorded its own', () => {
    const standard = composeLetter(defaultTemplate('disclose')!, facts);
    assert.match(
      standard.text,
      /如对本答复不服，可以自收到本告知书之日起60日内向楚雄市人民政府申请行政复议，或者自收到本告知书之日起6个月内向有管辖权的人民法院提起行政诉讼。/,
    );
    const recorded = composeLetter(defaultTemplate('disclose')!, { ...facts, remedy: '如对本答复不服，可以自收到本告知书之日起60日内向楚雄市人民政府申请行政复议，或者自收到本告知书之日起6个月内向楚雄市人民法院提起行政诉讼。' });
    assert.match(recorded.text, /向楚雄市人民法院提起行政诉讼/);
  });
});

describe('composing and rendering a letter', () => {
  it('composes the reply letter of 予以公开 with the unit, number, dates, basis and remedy', () => {
    const letter = composeLetter(defaultTemplate('disclose')!, facts);
    assert.deepEqual(letter.missing, []);
    assert.equal(letter.title, '政府信息公开申请答复告知书');
    const lines = letter.text.split('\n');
    assert.equal(lines[0], '张三：');
    assert.equal(
      lines[1],
      '本机关于2026年11月2日收到您提出的政府信息公开申请（受理编号：YSQ-2026-000042），申请获取“2025年楚雄市财政局部门决算说明”。经审查，现答复如下：',
    );
    assert.match(lines[2]!, /根据《中华人民共和国政府信息公开条例》第三十六条第（二）项的规定，本机关决定予以公开，现按照您要求的电子数据形式，通过电子邮件方式向您提供（见附件：2025年部门决算.pdf）。/);
    assert.deepEqual(lines.slice(-2), ['> 楚雄市财政局', '> 2026年11月26日']);
  });

  it('reports what a partial disclosure still needs', () => {
    const letter = composeLetter(defaultTemplate('partial')!, { ...facts, attachments: [] });
    assert.deepEqual(letter.missing.sort(), ['不予公开部分及理由', '附件清单'].sort());
  });

  it('composes the 补正通知书, the 延期答复告知书, the 征求意见函 and the 收费通知书', () => {
    const c = composeLetter(defaultTemplate('clarification')!, { ...facts, correction: { items: '请写明所需决算的年度和文号', deadline: '2026-12-10' } });
    assert.deepEqual(c.missing, []);
    assert.match(c.text, /请您于2026年12月10日前对以下事项作出补正：\n请写明所需决算的年度和文号\n/);
    const e = composeLetter(defaultTemplate('extension')!, {
      ...facts,
      extension: { reason: '需要调取多个年度的档案', days: 15, previousDue: '2026-11-30', newDue: '2026-12-21' },
    });
    assert.match(e.text, /本机关不能在2026年11月30日前作出答复。.*答复期限延长15个工作日，本机关将于2026年12月21日前作出答复。/);
    const k = composeLetter(defaultTemplate('consultation')!, {
      ...facts,
      consultation: { party: '楚雄某某建材有限公司', partyKind: 'third_party', matter: '贵公司的中标报价明细', deadline: '2026-12-17' },
    });
    assert.ok(k.text.startsWith('楚雄某某建材有限公司：\n'));
    assert.match(k.text, /逾期未提出意见的，由本机关依照条例的规定决定是否公开/);
    const agency = composeLetter(defaultTemplate('consultation')!, {
      ...facts,
      consultation: { party: '楚雄市自然资源局', partyKind: 'agency', matter: '联合发文的附件', deadline: '2026-12-17' },
    });
    assert.match(agency.text, /逾期未提出意见的，视为同意公开/);
    const f = composeLetter(defaultTemplate('fee')!, {
      ...facts,
      fee: { method: '按量计收', rate: '31—100页部分每页10元', amountYuan: '200', deadline: '2026-12-24', howToPay: '到楚雄市财政局非税收入窗口缴纳' },
    });
    assert.match(f.text, /应缴金额：人民币200元。/);
    assert.match(f.text, /20个工作日内（2026年12月24日前）/);
  });

  it('lays out paragraphs: addressee flush, body indented, signature right', () => {
    assert.deepEqual(letterParagraphs('张三：\n正文。\n\n> 楚雄市财政局\n> 2026年11月26日'), [
      { text: '张三：', align: 'left' },
      { text: '正文。', align: 'indent' },
      { text: '楚雄市财政局', align: 'right' },
      { text: '2026年11月26日', align: 'right' },
    ]);
  });

  it('writes a .docx whose word/document.xml holds the letter, paragraph by paragraph', async () => {
    const letter = composeLetter(defaultTemplate('withhold_1')!, { ...facts, legalBasis: '《中华人民共和国政府信息公开条例》第十四条' });
    const docx = await renderLetterDocx(letter);
    assert.equal(docx.subarray(0, 2).toString('latin1'), 'PK', 'a zip file');
    assert.ok(zipEntry(docx, '[Content_Types].xml'), 'an OOXML package');
    const paras = docxParagraphs(docx).filter(Boolean);
    assert.equal(paras[0], '政府信息公开申请答复告知书');
    assert.equal(paras[1], '受理编号：YSQ-2026-000042');
    assert.equal(paras[2], '张三：');
    assert.equal(paras[4], '您申请获取的政府信息属于国家秘密。根据《中华人民共和国政府信息公开条例》第十四条的规定，本机关决定不予公开。');
    assert.ok(paras.includes('联系电话：0878-3121141'));
    assert.deepEqual(paras.slice(-2), ['楚雄市财政局', '2026年11月26日']);
    const xml = zipEntry(docx, 'word/document.xml')!.toString('utf8');
    assert.match(xml, /w:eastAsia="仿宋_GB2312"/);
    assert.match(xml, /<w:jc w:val="right"\/>/);
  });

  it('escapes text that looks like markup', async () => {
    const docx = await renderLetterDocx({ title: '测试', text: '申请获取“<a&b>”的文件' });
    assert.deepEqual(docxParagraphs(docx).filter(Boolean), ['测试', '申请获取“<a&b>”的文件']);
  });
});
