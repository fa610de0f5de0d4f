import type { Core, ModuleManifest } from '../../core/services.ts';
import { hasRole } from '../../core/auth/roles.ts';
import { missingYearWarnings } from './domain/reminders.ts';
import { registerCalendarRoutes } from './http/routes.tsx';

/** Warnings for the back-office home about missing calendar years. */
export async function calendarWarnings(core: Core, today: string): Promise<string[]> {
  const years = (await core.calendar.years()).map((y) => y.year);
  return missingYearWarnings(today, years);
}

/** The working-day calendar: public calculator and API, and the admin page that adds or corrects a year. */
export const calendarModule: ModuleManifest = {
  name: 'calendar',
  publicNav: [],
  staffNav: [{ href: '/staff/calendar', label: '工作日历', visible: (u) => hasRole(u, 'system_admin', 'openness_office') }],
  sitemap: [{ title: '办事服务', links: [{ href: '/calendar', label: '工作日计算' }] }],
  register(app, core) {
    registerCalendarRoutes(app, core);
  },
};
