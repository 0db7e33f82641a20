// The JSON API of docs/api.md: every call of the UI goes through here. The session cookie is sent
// by the browser; writes carry the session's CSRF token; every call asks for the UI's language.

import { lang } from './i18n.js';

let csrfToken = null;

export function setCsrf(token) { csrfToken = token; }

// An error answered by the server, or a network failure (status 0, code 'network').
export class ApiError extends Error {
  constructor(status, code, message, field) {
    super(message);
    this.status = status;
    this.code = code;
    this.field = field;
  }
}

export function withLang(path) {
  return path + (path.includes('?') ? '&' : '?') + 'lang=' + encodeURIComponent(lang());
}

export async function request(method, path, body, contentType) {
  const headers = { Accept: 'application/json' };
  const init = { method, headers, credentials: 'same-origin' };
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  if (body !== undefined) {
    if (contentType === 'text/csv') {
      headers['Content-Type'] = 'text/csv';
      init.body = body;
    } else {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
  }
  let response;
  try {
    response = await fetch(withLang(path), init);
  } catch (e) {
    throw new ApiError(0, 'network', String(e && e.message || e));
  }
  if (response.status === 204) return null;
  const text = await response.text();
  let data = null;
  if (text) {
    try { data = JSON.parse(text); } catch (_) { data = null; }
  }
  if (!response.ok) {
    const err = data && data.error ? data.error : {};
    throw new ApiError(response.status, err.code || 'http_' + response.status,
      err.message || text || response.statusText, err.field);
  }
  return data;
}

const seg = encodeURIComponent;

export const api = {
  session: () => request('GET', '/api/session'),
  login: (login, password) => request('POST', '/api/login', { login, password }),
  logout: () => request('POST', '/api/logout'),
  productions: () => request('GET', '/api/productions'),
  production: (pid) => request('GET', `/api/productions/${seg(pid)}`),
  people: (pid) => request('GET', `/api/productions/${seg(pid)}/people`),
  weeks: (pid) => request('GET', `/api/productions/${seg(pid)}/weeks`),
  week: (pid, start) => request('GET', `/api/productions/${seg(pid)}/weeks/${seg(start)}`),
  putDay: (pid, person, date, day) =>
    request('PUT', `/api/productions/${seg(pid)}/timecards/${seg(person)}/${seg(date)}`, day),
  deleteDay: (pid, person, date) =>
    request('DELETE', `/api/productions/${seg(pid)}/timecards/${seg(person)}/${seg(date)}`),
  pay: (pid, person) => request('GET', `/api/productions/${seg(pid)}/people/${seg(person)}/pay`),
  remittances: (pid) => request('GET', `/api/productions/${seg(pid)}/remittances`),
  audit: (pid, before) =>
    request('GET', `/api/productions/${seg(pid)}/audit?limit=50` + (before ? `&before=${seg(before)}` : '')),
  importCsv: (pid, text) => request('POST', `/api/productions/${seg(pid)}/timecards.csv`, text, 'text/csv'),
  csvUrl: (pid, week) =>
    withLang(`/api/productions/${seg(pid)}/timecards.csv` + (week ? `?week=${seg(week)}` : '')),
};
