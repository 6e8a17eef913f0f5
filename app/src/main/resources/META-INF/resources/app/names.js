// The names the app has learnt of projects and residents, for screens that name them by code or id.
import { call } from './api.js';
import { is, state } from './session.js';

const projects = new Map();
const residents = new Map();

export const project = code => projects.get(code) || code || '';
export const nameProject = (code, name) => projects.set(code, name);
export const residentName = id => residents.get(id) || '';
export const knowsResident = id => residents.has(id);
export const nameResident = (id, name) => residents.set(id, name);

/** The catalogue's projects, from team, once. */
export async function loadProjects() {
  if (projects.size) return;
  const result = await call('team', '/api/projects');
  if (result.ok) result.body.forEach(p => projects.set(p.code, p.name));
}

/**
 * The names of these residents, for lists that name them by id: those not known yet, from the village's residents
 * page by page (a search shows numbers masked and reads no one's full record, which would be audited).
 */
export async function knowResidents(ids) {
  const unknown = new Set(ids.filter(id => !residents.has(id)));
  for (let page = 0; unknown.size && is('volunteer'); page++) {
    const result = await call('intake', `/api/residents?size=100&page=${page}&village=${encodeURIComponent(state.claims.region)}`);
    if (!result.ok) return;
    result.body.items.forEach(r => { residents.set(r.residentId, r.name); unknown.delete(r.residentId); });
    if ((page + 1) * result.body.size >= result.body.total) return;
  }
}
