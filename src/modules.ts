// The one list of modules, in mount order (no folder globbing).
import type { ModuleManifest } from './core/services.ts';
import { portalModule } from './modules/portal/index.ts';
import { unitsModule } from './modules/units/index.ts';
import { staffModule } from './modules/staff/index.ts';
import { calendarModule } from './modules/calendar/index.ts';
import { auditLogModule } from './modules/audit-log/index.ts';
import { catalogModule } from './modules/catalog/index.ts';
import { publishingModule } from './modules/publishing/index.ts';
import { requestsModule } from './modules/requests/index.ts';
import { annualReportModule } from './modules/annual-report/index.ts';
import { messagesModule } from './modules/messages/index.ts';
import { powersModule } from './modules/powers/index.ts';
import { decisionsModule } from './modules/decisions/index.ts';
import { gazetteModule } from './modules/gazette/index.ts';
import { assessmentModule } from './modules/assessment/index.ts';
import { opinionModule } from './modules/opinion/index.ts';
import { newmediaModule } from './modules/newmedia/index.ts';
import { kioskModule } from './modules/kiosk/index.ts';

export const modules: ModuleManifest[] = [portalModule, unitsModule, staffModule, calendarModule, auditLogModule, catalogModule, publishingModule, requestsModule, annualReportModule, messagesModule, powersModule, decisionsModule, gazetteModule, opinionModule, newmediaModule, assessmentModule, kioskModule];
