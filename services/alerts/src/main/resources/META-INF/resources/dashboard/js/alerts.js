// The live list of unresolved alerts: loaded once, then kept current from the alert stream (each change carries the
// alert as it stands, with its revision; an older revision never overwrites a newer one).
import { follow, getJson, postJson, onTokenChange, token, tokenSubject } from './api.js';
import { mountSignIn } from './signin.js';
import { formatTime, severityRank, showMessage } from './format.js';

const UNRESOLVED = ['OPEN', 'ESCALATED', 'ACKNOWLEDGED'];
const alerts = new Map();
const body = document.querySelector('#alerts tbody');

function newer(alert) {
  const known = alerts.get(alert.alertId);
  return !known || alert.revision > known.revision;
}

function take(alert) {
  if (newer(alert)) {
    alerts.set(alert.alertId, alert);
  }
}

/** Newest critical first: severity, then onset, most recent first. */
function ordered() {
  return [...alerts.values()]
    .filter((a) => UNRESOLVED.includes(a.status))
    .sort((a, b) => severityRank(b.severity) - severityRank(a.severity) || Date.parse(b.onsetAt) - Date.parse(a.onsetAt));
}

function cell(row, text, className) {
  const td = row.insertCell();
  td.textContent = text == null ? '' : text;
  if (className) {
    td.className = className;
  }
  return td;
}

/** Rows by alert id, rebuilt only when the alert's revision changes: a button under the pointer is never replaced. */
const rows = new Map();

function rowOf(alert) {
  const known = rows.get(alert.alertId);
  if (known && known.revision === alert.revision) {
    return known.row;
  }
  const row = document.createElement('tr');
  row.dataset.alertId = alert.alertId;
  row.dataset.status = alert.status;
  row.dataset.severity = alert.severity;
  row.dataset.onset = alert.onsetAt;
  row.className = 'severity-' + alert.severity.toLowerCase();
  cell(row, alert.severity, 'severity');
  cell(row, alert.status, 'status');
  cell(row, alert.kind.replace(/_/g, ' ').toLowerCase(), 'kind');
  const patient = cell(row, '', 'patient');
  const link = document.createElement('a');
  link.href = 'patient.html?patientId=' + encodeURIComponent(alert.patientId);
  link.textContent = alert.patientId;
  patient.append(link);
  cell(row, formatTime(alert.onsetAt), 'onset');
  cell(row, alert.dayPostTransplant == null ? '' : 'd+' + alert.dayPostTransplant, 'day');
  cell(row, alert.summary, 'summary');
  const actions = cell(row, '', 'actions');
  if (alert.status === 'OPEN' || alert.status === 'ESCALATED') {
    const button = document.createElement('button');
    button.className = 'acknowledge';
    button.textContent = 'Acknowledge';
    button.addEventListener('click', () => acknowledge(alert, button));
    actions.append(button);
  }
  rows.set(alert.alertId, { revision: alert.revision, row });
  return row;
}

function render() {
  const shown = ordered();
  const wanted = shown.map(rowOf);
  const ids = new Set(shown.map((a) => a.alertId));
  [...rows.keys()].filter((id) => !ids.has(id)).forEach((id) => rows.delete(id));
  [...body.children].filter((row) => !wanted.includes(row)).forEach((row) => row.remove());
  // moving a row keeps its elements: only new or changed alerts get new rows
  wanted.forEach((row, index) => {
    if (body.children[index] !== row) {
      body.insertBefore(row, body.children[index] || null);
    }
  });
  document.getElementById('empty').hidden = shown.length > 0;
}

async function acknowledge(alert, button) {
  button.disabled = true;
  try {
    // TEMPORARY: actor (the token's subject) only for as long as the alerts API does not yet take the acting clinician
    // from the verified token; drop it then — the server must never trust a name the page sends.
    take(await postJson('/api/alerts/' + encodeURIComponent(alert.alertId) + '/acknowledge',
      { reason: 'acknowledged on the dashboard', actor: tokenSubject() || undefined }));
    showMessage('');
  } catch (e) {
    button.disabled = false;
    showMessage('Could not acknowledge: ' + e.message);
  }
  render();
}

async function loadUnresolved() {
  try {
    const pages = await Promise.all(UNRESOLVED.map((status) => getJson('/api/alerts?size=500&status=' + status)));
    pages.flat().forEach(take);
    showMessage('');
  } catch (e) {
    showMessage('Alerts could not be loaded: ' + e.message);
  }
  render();
}

function showState(state) {
  const badge = document.getElementById('stream-state');
  badge.dataset.state = state;
  badge.textContent = { connecting: 'connecting…', live: 'live', reconnecting: 'reconnecting…', unauthorised: 'signed out' }[state];
  if (state === 'unauthorised') {
    showMessage(token() ? 'This token may not read alerts: sign in with a clinician token.' : 'Sign in with a clinician token to see alerts.');
  }
}

document.getElementById('find-patient').addEventListener('submit', (event) => {
  event.preventDefault();
  const id = document.getElementById('patient-id').value.trim();
  if (id) {
    window.location.href = 'patient.html?patientId=' + encodeURIComponent(id);
  }
});

mountSignIn(document.getElementById('signin-root'));
onTokenChange(() => {
  alerts.clear();
  rows.clear();
  render();
});
// The stream is connected first, the list read after: a change made in between arrives on the stream, and
// revisions decide which of the two copies stands.
follow('/api/alerts/stream', {
  onOpen: loadUnresolved,
  onEvent: (event) => {
    if (event.name === 'alert') {
      take(JSON.parse(event.data));
      render();
    }
  },
  onState: showState,
});
