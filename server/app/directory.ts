import type { Area } from '../../common/model.js';
import type { Office } from './office.js';

/** What the start page lists: the office's name and its areas (one waiting-room screen each). */
export interface OfficeDirectory {
  name: string;
  areas: Area[];
}

export function officeDirectory(office: Office): Promise<OfficeDirectory> {
  return office.store.read(office.siteId, async (r) => ({ name: (await r.catalog.settings()).name, areas: await r.catalog.areas() }));
}
