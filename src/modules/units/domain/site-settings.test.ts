import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { validateSiteSettings, type SiteSettingsInput } from './site-settings.ts';

const VALID: SiteSettingsInput = {
  siteName: '楚雄市人民政府门户网站',
  siteCode: '5323010001',
  icpNo: '滇ICP备00000000号-1',
  psbNo: '滇公网安备 53230102000000号',
  conacUrl: 'https://bszs.conac.cn/sitename?method=show&id=0A1B2C3D',
  hostName: 'WWW.CXS.GOV.CN',
  hostUnitName: '楚雄市人民政府办公室',
  demoNotice: '',
  superiorGovernment: '',
  basicCourt: '',
  intermediateCourt: '',
};

describe('validateSiteSettings', () => {
  it('accepts the seeded values and lower-cases the host name', () => {
    assert.deepEqual(validateSiteSettings(VALID), { ok: true, value: { ...VALID, hostName: 'www.cxs.gov.cn' } });
  });
  it('accepts a code of letters and digits and empty optional fields', () => {
    assert.equal(validateSiteSettings({ ...VALID, siteCode: 'AB12cd3456', icpNo: '', psbNo: '', hostName: '' }).ok, true);
  });
  it('refuses a 网站标识码 that is not 10 digits or letters, and malformed numbers and host names', () => {
    assert.deepEqual(validateSiteSettings({ ...VALID, siteCode: '532301000', icpNo: 'ICP 123', psbNo: '滇公网安备 123号', hostName: 'https://cxs.gov.cn/' }), {
      ok: false,
      errors: {
        siteCode: '网站标识码应为10位数字或字母，当前为9个字符',
        icpNo: 'ICP备案号格式不正确，应类似“滇ICP备12345678号-1”',
        psbNo: '公安备案号格式不正确，应类似“滇公网安备 53230102000000号”（14位数字）',
        hostName: '域名格式不正确，应类似 www.cxs.gov.cn（不含 http:// 、端口和路径）',
      },
    });
    assert.deepEqual(validateSiteSettings({ ...VALID, siteCode: '53230-0001' }), { ok: false, errors: { siteCode: '网站标识码应为10位数字或字母，当前为10个字符' } });
  });
  it('takes the 党政机关网站标识 link only as an https address on conac.cn', () => {
    assert.equal(validateSiteSettings({ ...VALID, conacUrl: '' }).ok, true);
    const message = '党政机关网站标识链接应为 conac.cn 上的 https 地址，如“https://bszs.conac.cn/sitename?method=show&id=…”';
    for (const bad of ['http://bszs.conac.cn/sitename?id=1', 'https://conac.cn.example.com/x', 'bszs.conac.cn/sitename', 'javascript:alert(1)']) {
      assert.deepEqual(validateSiteSettings({ ...VALID, conacUrl: bad }), { ok: false, errors: { conacUrl: message } }, bad);
    }
  });
  it('requires the site name, code and 主办单位', () => {
    assert.deepEqual(validateSiteSettings({ ...VALID, siteName: '', siteCode: '', hostUnitName: '' }), {
      ok: false,
      errors: { siteName: '请填写网站名称', siteCode: '请填写网站标识码', hostUnitName: '请填写主办单位' },
    });
  });
  it('takes a 演示数据提示 of up to 200 characters', () => {
    assert.equal(validateSiteSettings({ ...VALID, demoNotice: '演'.repeat(200) }).ok, true);
    assert.deepEqual(validateSiteSettings({ ...VALID, demoNotice: '演'.repeat(201) }), { ok: false, errors: { demoNotice: '提示文字不能超过200个字，当前为201个字' } });
  });
});
