// Numbers typed into forms. A Chinese input method in full-width mode types ０–９ (and －, ．); people
// do not see the difference, so every number field reads them as the ASCII digits.

/** Full-width digits, minus sign, full stop and comma as their ASCII forms; spaces (also 　) trimmed. */
export function asciiDigits(s: string): string {
  return s
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[－—]/g, '-')
    .replace(/．/g, '.')
    .replace(/，/g, ',')
    .replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');
}

/** A whole number of at most `maxDigits` digits (no sign), full-width digits accepted; null if not one. */
export function parseWholeNumber(s: string, maxDigits = 15): number | null {
  const t = asciiDigits(s);
  return new RegExp(`^\\d{1,${maxDigits}}$`).test(t) ? Number(t) : null;
}
