// A datetime-local field ('YYYY-MM-DDTHH:MM', also with a space) read as Beijing time, with the
// message at the field when it is missing or not a real moment.
import type { FormReader } from './form.ts';

export function readLocalTime(form: FormReader, field: string, label: string): Date | undefined {
  const raw = form.raw(field).trim().replace(' ', 'T');
  form.values[field] = raw;
  if (!raw) {
    form.fail(field, `请填写${label}`);
    return undefined;
  }
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2})?$/.exec(raw);
  const d = m ? new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:00+08:00`) : null;
  if (!m || !d || Number.isNaN(d.getTime()) || d.getUTCFullYear() < 2000 || Number(m[2]) > 12 || Number(m[3]) > 31 || Number(m[4]) > 23 || Number(m[5]) > 59 || new Date(d.getTime() + 8 * 3_600_000).getUTCDate() !== Number(m[3])) {
    form.fail(field, `${label}应为有效的日期和时间，格式如 2026-09-30 23:30`);
    return undefined;
  }
  return d;
}
