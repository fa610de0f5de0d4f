// The links a 回应关切 answer cites (records, interpretations): one per line, "标题 | 地址". Only
// same-site paths and http(s) addresses, so a link can never run script.
import type { ConcernLinkInput } from './types.ts';
export type { ConcernLinkInput };

export function parseLinks(text: string): { links: ConcernLinkInput[]; error?: string } {
  const links: ConcernLinkInput[] = [];
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  if (lines.length > 20) return { links, error: '引用的链接不能超过20条' };
  for (const [i, line] of lines.entries()) {
    const bar = line.lastIndexOf('|');
    const label = (bar >= 0 ? line.slice(0, bar) : '').trim();
    const href = (bar >= 0 ? line.slice(bar + 1) : line).trim();
    if (!label || [...label].length > 200) return { links, error: `第${i + 1}行应写成“标题 | 地址”，标题不超过200字` };
    if (!(/^\/(?!\/)[^\s<>"]*$/.test(href) || /^https?:\/\/[^\s<>"]+$/.test(href)) || href.length > 500) return { links, error: `第${i + 1}行的地址应以 / 或 http:// 、https:// 开头` };
    links.push({ label, href });
  }
  return { links };
}

export function linksText(links: ConcernLinkInput[]): string {
  return links.map((l) => `${l.label} | ${l.href}`).join('\n');
}
