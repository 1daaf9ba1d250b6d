// The clinician API as the dashboard calls it: a bearer token kept for this browser tab only, authorised fetch, and the
// alert stream read with fetch (EventSource cannot send an Authorization header), resumed with Last-Event-ID.

const TOKEN_KEY = 'graftwatch.token';
const tokenListeners = [];
let tokenWaiters = [];

export function token() {
  return sessionStorage.getItem(TOKEN_KEY) || '';
}

export function setToken(value) {
  const trimmed = (value || '').trim();
  if (trimmed) {
    sessionStorage.setItem(TOKEN_KEY, trimmed);
  } else {
    sessionStorage.removeItem(TOKEN_KEY);
  }
  tokenListeners.forEach((listener) => listener(trimmed));
  const waiting = tokenWaiters;
  tokenWaiters = [];
  waiting.forEach((resolve) => resolve(trimmed));
}

export function onTokenChange(listener) {
  tokenListeners.push(listener);
}

/** Resolves at the next change of token. */
function nextToken() {
  return new Promise((resolve) => tokenWaiters.push(resolve));
}

/** The token's subject, for display only (the server verifies the token; the page never trusts it). */
export function tokenSubject() {
  const parts = token().split('.');
  if (parts.length !== 3) {
    return '';
  }
  try {
    const claims = JSON.parse(atob(parts[1].replace(/-/g, '+').replace(/_/g, '/')));
    return claims.upn || claims.preferred_username || claims.sub || '';
  } catch (e) {
    return '';
  }
}

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

function headers(extra) {
  const all = Object.assign({ Accept: 'application/json' }, extra || {});
  if (token()) {
    all.Authorization = 'Bearer ' + token();
  }
  return all;
}

/** The OperationOutcome's diagnostics, or the status line. */
async function problem(response) {
  try {
    const outcome = await response.json();
    if (outcome && outcome.issue && outcome.issue.length) {
      return outcome.issue.map((i) => i.diagnostics).join('; ');
    }
  } catch (e) {
    // not JSON: fall through
  }
  if (response.status === 401) {
    return 'sign in with a clinician token';
  }
  if (response.status === 403) {
    return 'this token may not see that';
  }
  return response.status + ' ' + response.statusText;
}

export async function getJson(path) {
  const response = await fetch(path, { headers: headers() });
  if (!response.ok) {
    throw new ApiError(response.status, await problem(response));
  }
  return response.json();
}

export async function postJson(path, body) {
  const response = await fetch(path, {
    method: 'POST',
    headers: headers({ 'Content-Type': 'application/json' }),
    body: JSON.stringify(body || {}),
  });
  if (!response.ok) {
    throw new ApiError(response.status, await problem(response));
  }
  return response.json();
}

/**
 * Splits a text/event-stream into events: lines "id:", "event:", "data:" (several data lines joined by a newline),
 * comments ":" ignored, an empty line ends an event. Returns the unparsed rest.
 */
export function parseEvents(buffer, dispatch) {
  const lines = buffer.split(/\r\n|\r|\n/);
  const rest = lines.pop();
  let event = { id: null, name: 'message', data: [] };
  let consumed = 0;
  lines.forEach((line, index) => {
    if (line === '') {
      if (event.data.length) {
        dispatch({ id: event.id, name: event.name, data: event.data.join('\n') });
      }
      event = { id: null, name: 'message', data: [] };
      consumed = index + 1;
      return;
    }
    if (line.startsWith(':')) {
      return;
    }
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) {
      value = value.slice(1);
    }
    if (field === 'id') {
      event.id = value;
    } else if (field === 'event') {
      event.name = value;
    } else if (field === 'data') {
      event.data.push(value);
    }
  });
  // an event not yet ended by its empty line is read again with the next chunk
  return lines.slice(consumed).concat([rest]).join('\n');
}

/**
 * Follows an SSE endpoint for as long as the page lives: reconnects after a drop with the id of the last event it
 * received as Last-Event-ID, so the server replays what was missed, once. A new token reconnects at once.
 *
 * @param onOpen  called each time the stream is connected (before its first event)
 * @param onEvent called with {id, name, data} for each event
 * @param onState called with 'connecting' | 'live' | 'reconnecting' | 'unauthorised'
 */
export function follow(path, { onOpen, onEvent, onState }) {
  let lastEventId = null;
  let controller = null;
  let retryMs = 1000;

  onTokenChange(() => controller && controller.abort());

  async function connectOnce() {
    controller = new AbortController();
    const extra = { Accept: 'text/event-stream' };
    if (lastEventId !== null) {
      extra['Last-Event-ID'] = lastEventId;
    }
    const response = await fetch(path, { headers: headers(extra), signal: controller.signal, cache: 'no-store' });
    if (response.status === 401 || response.status === 403) {
      onState('unauthorised');
      return false;
    }
    if (!response.ok || !response.body) {
      throw new ApiError(response.status, 'stream answered ' + response.status);
    }
    retryMs = 1000;
    onState('live');
    await onOpen();
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) {
        return true;
      }
      buffer = parseEvents(buffer + value, (event) => {
        if (event.id !== null) {
          lastEventId = event.id;
        }
        onEvent(event);
      });
    }
  }

  (async function run() {
    onState('connecting');
    for (;;) {
      let authorised = true;
      try {
        authorised = await connectOnce();
      } catch (e) {
        // dropped, refused or aborted for a new token: try again
      }
      if (!authorised) {
        await nextToken();
      } else {
        onState('reconnecting');
        await new Promise((resolve) => setTimeout(resolve, retryMs));
        retryMs = Math.min(retryMs * 2, 15000);
      }
    }
  })();
}
