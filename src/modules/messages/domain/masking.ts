// Personal data in public pages: names, phone numbers, ID numbers, e-mail addresses are never shown
// (ARCHITECTURE.md §3; regulation-wave2.md §4.4 举报人保密, §11). Pure code.

/** 张三丰 → 张**; empty → 匿名. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (!chars.length) return '匿名';
  return chars[0] + '*'.repeat(Math.min(Math.max(chars.length - 1, 1), 3));
}

/** 13912345678 → 139****5678. */
export function maskPhone(phone: string): string {
  const d = phone.replace(/\D/g, '');
  if (d.length < 7) return '*'.repeat(d.length);
  return d.slice(0, 3) + '****' + d.slice(-4);
}

const ID_NO = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g;
const MOBILE = /(?<!\d)1[3-9]\d{9}(?!\d)/g;
const LANDLINE = /(?<!\d)0\d{2,3}-?\d{7,8}(?!\d)/g;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
const PLATE = /[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-Z][A-Z0-9]{5,6}/g;

/**
 * Text for publication (公开选登): ID numbers, phone numbers, e-mail addresses and plates masked, and
 * every name given in `names` (the caller's) replaced.
 */
export function maskForPublication(text: string, names: readonly string[] = []): string {
  let out = text.replace(ID_NO, (m) => m.slice(0, 4) + '*'.repeat(m.length - 4)).replace(MOBILE, (m) => maskPhone(m)).replace(LANDLINE, '****').replace(EMAIL, '***@***').replace(PLATE, (m) => m.slice(0, 2) + '*'.repeat(m.length - 2));
  for (const n of names) {
    const name = n.trim();
    if ([...name].length >= 2) out = out.split(name).join(maskName(name));
  }
  return out;
}
