// Shared display helpers of the dashboard pages.

const SEVERITIES = ['INFO', 'WARNING', 'CRITICAL'];

export function severityRank(severity) {
  return SEVERITIES.indexOf(severity);
}

/** An instant as the ward reads it: UTC date and minute. */
export function formatTime(iso) {
  return iso ? iso.replace('T', ' ').replace(/:\d\d(\.\d+)?Z$/, ' UTC') : '';
}

export function showMessage(text) {
  const message = document.getElementById('message');
  message.textContent = text;
  message.hidden = !text;
}
