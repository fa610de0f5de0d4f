import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { channelsForReading, parseChannels, splitBasis, standardChannelOf, writtenBasis, writtenChannelNames, writtenChannels } from './written.ts';

describe('公开依据 as written', () => {
  // Each text is kept as written; the sources are parsed beside it.
  const cases: [string, string[]][] = [
    ['《中华人民共和国预算法》《中华人民共和国政府信息公开条例》', ['《中华人民共和国预算法》', '《中华人民共和国政府信息公开条例》']],
    ['《中华人民共和国预算法》；《地方预决算公开操作规程》', ['《中华人民共和国预算法》', '《地方预决算公开操作规程》']],
    ['《中华人民共和国预算法》第十四条; 财预〔2016〕143号', ['《中华人民共和国预算法》第十四条', '财预〔2016〕143号']],
    ['1.《中华人民共和国预算法》\n2.《条例》第二十条', ['1.《中华人民共和国预算法》', '2.《条例》第二十条']],
    ['《关于做好预算、决算公开的通知》', ['《关于做好预算、决算公开的通知》']],
  ];
  for (const [text, sources] of cases) {
    it(`parses ${JSON.stringify(text)}`, () => {
      assert.deepEqual(splitBasis(text), sources);
      assert.equal(writtenBasis({ basis: sources, basisText: text }), text);
    });
  }
  it('falls back to the sources joined by 、 for items saved before the text was kept', () => {
    assert.equal(writtenBasis({ basis: ['《预算法》', '《条例》'] }), '《预算法》、《条例》');
    assert.equal(writtenBasis({ basis: ['《预算法》'], basisText: '' }), '《预算法》');
  });
});

describe('公开渠道和载体 in a unit’s own words', () => {
  const standard: [string, string | undefined][] = [
    ['公示栏', '社区/企事业单位/村公示栏（电子屏）'],
    ['村务公开栏', '社区/企事业单位/村公示栏（电子屏）'],
    ['村（居）务公开栏', '社区/企事业单位/村公示栏（电子屏）'],
    ['政务服务大厅电子屏', '政务服务中心'],
    ['便民服务中心', '便民服务站'],
    ['楚雄市财政局微信公众号', '两微一端'],
    ['楚雄市人民政府网站', '政府网站'],
    ['政府网站', '政府网站'],
    ['部门网站', undefined],
    ['中国政府采购网云南分网', undefined],
    ['信用中国网站', undefined],
  ];
  for (const [name, std] of standard) {
    it(`recognises ${name} as ${std ?? 'no standard channel'}`, () => assert.equal(standardChannelOf(name), std));
  }

  it('keeps the names as written and in the order written; the standard channels in checklist order', () => {
    const text = '村务公开栏；政府网站，部门网站、公示栏';
    assert.deepEqual(
      writtenChannelNames(text).map((c) => c.name),
      ['村务公开栏', '政府网站', '部门网站', '公示栏'],
    );
    assert.deepEqual(parseChannels(text), { channels: ['政府网站', '社区/企事业单位/村公示栏（电子屏）'], customChannels: ['部门网站'] });
    assert.equal(writtenChannels({ ...parseChannels(text), channelsText: text }), text);
  });

  it('reads a printed checklist: ticked names only, exported as printed', () => {
    const text = '■政府网站 □政府公报 ■公示栏 □其他';
    assert.deepEqual(parseChannels(text), { channels: ['政府网站', '社区/企事业单位/村公示栏（电子屏）'], customChannels: [] });
    const d = { ...parseChannels(text), channelsText: text };
    assert.equal(writtenChannels(d), text);
    assert.equal(channelsForReading(d), '政府网站、公示栏');
  });
});
