import {
  AdminOfficePatch,
  AdminOfficeSchema,
  HolidaysQuery,
  HolidaysReplySchema,
  IconsReplySchema,
  SERVICE_ICONS,
} from '../../../common/admin-schemas.js';
import { getAdminOffice, publicHolidays, updateAdminOffice } from '../../app/admin/office.js';
import type { Api, RouteDeps } from '../api.js';
import { requireStaff, staffUser } from '../auth.js';
import { replies } from '../replies.js';

/** #15: the office's own settings (name, time zone, holidays, queue rules, wait target), and what the office page offers. */
export function adminOfficeRoutes(app: Api, { office }: RouteDeps): void {
  app.get(
    '/api/admin/office',
    {
      schema: {
        tags: ['staff'],
        summary: "Admin, supervisor: the office's settings with their version",
        response: replies({ 200: AdminOfficeSchema }, 401, 403),
      },
      config: { access: 'admin.catalog.read' },
      preHandler: requireStaff,
    },
    async () => getAdminOffice(office),
  );

  app.patch(
    '/api/admin/office',
    {
      schema: {
        tags: ['staff'],
        summary: "Admin: change the office's settings (fields left out stay; a stale version is 409 STALE)",
        body: AdminOfficePatch,
        response: replies({ 200: AdminOfficeSchema }, 400, 401, 403, 409),
      },
      config: { access: 'admin.office.write' },
      preHandler: requireStaff,
    },
    async (request) => updateAdminOffice(office, request.body, staffUser(request)),
  );

  app.get(
    '/api/admin/holidays',
    {
      schema: {
        tags: ['staff'],
        summary: 'Admin, supervisor: the public holidays of a German state in a year (computed), for the office calendar',
        querystring: HolidaysQuery,
        response: replies({ 200: HolidaysReplySchema }, 400, 401, 403),
      },
      config: { access: 'admin.catalog.read' },
      preHandler: requireStaff,
    },
    (request) => Promise.resolve(publicHolidays(request.query.state, Number(request.query.year))),
  );

  app.get(
    '/api/admin/icons',
    {
      schema: {
        tags: ['staff'],
        summary: 'Admin, supervisor: the pictograms a service may show on the kiosk',
        response: replies({ 200: IconsReplySchema }, 401, 403),
      },
      config: { access: 'admin.catalog.read' },
      preHandler: requireStaff,
    },
    () => Promise.resolve({ icons: [...SERVICE_ICONS] }),
  );
}
