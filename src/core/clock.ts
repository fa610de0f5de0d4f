/** The injected clock: domain code never reads the time itself. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export function fixedClock(iso: string): Clock & { set(iso: string): void; advance(ms: number): void } {
  let t = new Date(iso).getTime();
  return {
    now: () => new Date(t),
    set: (s: string) => {
      t = new Date(s).getTime();
    },
    advance: (ms: number) => {
      t += ms;
    },
  };
}

const shanghaiDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
const shanghaiDateTime = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

/** The legal date (YYYY-MM-DD) of an instant in the platform's zone, Asia/Shanghai. */
export function shanghaiToday(instant: Date): string {
  return shanghaiDate.format(instant);
}

/** YYYY-MM-DD HH:MM in Asia/Shanghai, the display format for instants. */
export function formatInstant(instant: Date): string {
  const parts = Object.fromEntries(shanghaiDateTime.formatToParts(instant).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour === '24' ? '00' : parts.hour}:${parts.minute}`;
}

/** The instant in words, Beijing time: 2026年12月1日 09:00（北京时间）. For dates people act on (定时发布). */
export function formatInstantWords(instant: Date): string {
  const parts = Object.fromEntries(shanghaiDateTime.formatToParts(instant).map((p) => [p.type, p.value]));
  return `${Number(parts.year)}年${Number(parts.month)}月${Number(parts.day)}日 ${parts.hour === '24' ? '00' : parts.hour}:${parts.minute}（北京时间）`;
}
