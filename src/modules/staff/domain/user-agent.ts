// A session's browser and system in words for the account page, from its User-Agent header. Pure.
// Order matters: Chinese browsers and Edge also say "Chrome", and Chrome also says "Safari".

const BROWSERS: [RegExp, string][] = [
  [/MicroMessenger/i, '微信内置浏览器'],
  [/DingTalk/i, '钉钉内置浏览器'],
  [/QIHU|360SE|360EE/i, '360浏览器'],
  [/QQBrowser/i, 'QQ浏览器'],
  [/UCBrowser/i, 'UC浏览器'],
  [/Edg(e|A|iOS)?\//, 'Edge'],
  [/Firefox\//, 'Firefox'],
  [/Chrom(e|ium)\//, 'Chrome'],
  [/Safari\//, 'Safari'],
  [/curl\//i, '命令行工具 curl'],
];

const SYSTEMS: [RegExp, string][] = [
  [/UOS/i, '统信UOS'],
  [/Kylin/i, '麒麟操作系统'],
  [/HarmonyOS|OpenHarmony/i, '鸿蒙'],
  [/Android/i, 'Android'],
  [/iPhone|iPad|iPod/, 'iOS'],
  [/Windows/, 'Windows'],
  [/Mac OS X|Macintosh/, 'macOS'],
  [/Linux/, 'Linux'],
];

export function describeUserAgent(ua: string): string {
  if (!ua.trim()) return '未知';
  const browser = BROWSERS.find(([re]) => re.test(ua))?.[1];
  const system = SYSTEMS.find(([re]) => re.test(ua))?.[1];
  if (!browser && !system) return '其他浏览器';
  return [browser ?? '其他浏览器', system].filter(Boolean).join('，');
}
