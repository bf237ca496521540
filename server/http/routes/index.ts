import type { Api, RouteDeps } from '../api.js';
import { registerSharedSchemas } from '../replies.js';
import { adminAreaRoutes } from './admin-areas.js';
import { adminAuditRoutes } from './admin-audit.js';
import { adminConfigRoutes } from './admin-config.js';
import { adminCounterRoutes } from './admin-counters.js';
import { adminDeviceRoutes } from './admin-devices.js';
import { adminLivePageRoutes } from './admin-live-page.js';
import { adminMetricsRoutes } from './admin-metrics.js';
import { adminUserRoutes } from './admin-users.js';
import { adminOfficeRoutes } from './admin-office.js';
import { adminServiceRoutes } from './admin-services.js';
import { alarmRoutes } from './alarms.js';
import { announcementRoutes } from './announcements.js';
import { appointmentRoutes } from './appointments.js';
import { authPasswordRoutes } from './auth-password.js';
import { authRoutes } from './auth.js';
import { counterRoutes } from './counters.js';
import { displayRoutes } from './displays.js';
import { kioskRoutes } from './kiosks.js';
import { landingRoutes } from './landing.js';
import { notesRoutes } from './notes.js';
import { printingRoutes } from './printing.js';
import { publicRoutes } from './public.js';
import { statsRoutes } from './stats.js';
import { ticketRoutes } from './tickets.js';
import { visitorRoutes } from './visitor.js';
import { privacyRoutes } from './privacy.js';

const ROUTES = [
  landingRoutes,
  publicRoutes,
  ticketRoutes,
  appointmentRoutes,
  authRoutes,
  counterRoutes,
  alarmRoutes,
  notesRoutes,
  visitorRoutes,
  kioskRoutes,
  announcementRoutes,
  printingRoutes,
  adminDeviceRoutes,
  adminMetricsRoutes,
  adminUserRoutes,
  authPasswordRoutes,
  adminOfficeRoutes,
  adminServiceRoutes,
  adminAreaRoutes,
  adminCounterRoutes,
  displayRoutes,
  adminConfigRoutes,
  statsRoutes,
  adminLivePageRoutes,
  privacyRoutes,
  adminAuditRoutes,
];

/** Every route of the API and the pages the server renders itself (not the static apps, not the docs). */
export function registerRoutes(app: Api, deps: RouteDeps): void {
  registerSharedSchemas(app);
  for (const routes of ROUTES) routes(app, deps);
}
