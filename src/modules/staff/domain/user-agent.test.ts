import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeUserAgent } from './user-agent.ts';

const cases: [string, string][] = [
  ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36', 'Chrome，Windows'],
  ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.0.0', 'Edge，Windows'],
  ['Mozilla/5.0 (Windows NT 6.1; WOW64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/86.0.4240.198 Safari/537.36 QIHU 360SE', '360浏览器，Windows'],
  ['Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.44', '微信内置浏览器，iOS'],
  ['Mozilla/5.0 (Macintosh; Intel Mac OS X 14_1) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Safari/605.1.15', 'Safari，macOS'],
  ['Mozilla/5.0 (X11; Linux x86_64; rv:120.0) Gecko/20100101 Firefox/120.0', 'Firefox，Linux'],
  ['Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/95.0 Safari/537.36 UOS', 'Chrome，统信UOS'],
  ['Mozilla/5.0 (Linux; Android 13; V2227A) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/110.0 Mobile Safari/537.36', 'Chrome，Android'],
  ['curl/8.4.0', '命令行工具 curl'],
  ['', '未知'],
  ['something odd', '其他浏览器'],
];

describe('describeUserAgent', () => {
  for (const [ua, expected] of cases) it(`${expected} ← ${ua.slice(0, 40) || '(empty)'}`, () => assert.equal(describeUserAgent(ua), expected));
});
