// The services' public APIs, called with the signed-in user's token as any outside client would: intake here, team,
// feedback and notification at the addresses the page names (they answer this origin).
import { CONFIG, session, t, words } from './session.js';

const API = { intake: '', team: CONFIG.team, feedback: CONFIG.feedback, notification: CONFIG.notification };

/**
 * A call to a service: { ok, status, body }; { offline: true } when there is no connection; { refused: true } when the
 * token was refused (the session is renewed, or the login page comes next).
 */
export async function call(service, path, { method = 'GET', body, headers = {} } = {}) {
  let response;
  try {
    response = await session.call(API[service] + path, { method,
      headers: body === undefined ? headers : { 'Content-Type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    return { offline: true };
  }
  if (!response) return { refused: true };
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  return { ok: response.ok, status: response.status, body: json };
}

/** What went wrong, in the user's words: a problem+json answer (by its type, and each field's reason), or no connection. */
export function problem(result) {
  if (result.offline) return t('noConnection');
  const body = result.body || {};
  const slug = String(body.type || '').split('/').pop();
  if (slug === 'invalid-request' && Array.isArray(body.errors)) return body.errors.map(fieldWords).join('；');
  const known = words().problems[slug];
  // some problems name what they are about, such as the team that took an order first
  return (typeof known === 'function' ? known(body) : known) || body.detail || body.title || String(result.status);
}

function fieldWords({ field, reason }) {
  const label = words().fields[field] || (typeof words()[field] === 'string' ? words()[field] : field);
  for (const [pattern, text] of words().reasons) {
    const match = String(reason).match(pattern);
    if (match) return `${label}：${text.replace(/\$(\d)/g, (_, i) => match[i])}`;
  }
  return `${label}: ${reason}`;
}
