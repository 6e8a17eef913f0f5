// Volunteer hours: the team's this month, by volunteer, and the signed-in volunteer's own with their stars.
import { html } from '/feiyan/ui.js';
import { call, problem } from '../api.js';
import { state, t } from '../session.js';
import { $, show } from '../view.js';

export default async function hoursScreen() {
  show(html`<h2>${t('hoursTitle')}</h2><p id="team-hours"></p><ul id="by-volunteer" class="cards"></ul><p id="my-hours"></p>`);
  const team = await call('team', `/api/teams/${encodeURIComponent(state.claims.team)}/hours`);
  const mine = state.claims.volunteer ? await call('team', `/api/volunteers/${state.claims.volunteer}/hours`) : null;
  if (!$('team-hours')) return;
  if (team.ok) {
    $('team-hours').textContent = t('teamMonth', team.body.total);
    $('by-volunteer').innerHTML = html`${team.body.byVolunteer.map(v => html`<li><div class="card">${v.name || v.volunteerId}
      · ${v.hours} ${t('hours')}</div></li>`)}${Number(team.body.unattributed) ? html`<li><div class="card">
      ${t('unattributed')} · ${team.body.unattributed} ${t('hours')}</div></li>` : ''}`;
  } else {
    $('team-hours').textContent = problem(team);
  }
  if (mine && mine.ok) $('my-hours').textContent = t('mine', mine.body.total, mine.body.stars);
}
