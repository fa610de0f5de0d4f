import fs from 'node:fs';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

const CJK_FONT_DIRS = ['/usr/share/fonts/opentype/noto', '/usr/share/fonts/truetype/noto'];

/** The Debian packages browser tests need that are not installed. */
export function browserPrerequisites(): string[] {
  const missing: string[] = [];
  if (!fs.existsSync(CHROMIUM_PATH)) missing.push('chromium');
  const hasCjk = CJK_FONT_DIRS.some((d) => fs.existsSync(d) && fs.readdirSync(d).some((f) => /CJK/i.test(f)));
  if (!hasCjk) missing.push('fonts-noto-cjk');
  return missing;
}
