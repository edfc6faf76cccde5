// The HTTP API as the page uses it: JSON calls with the bearer token, and a
// turn's server-sent events read from a POST (EventSource cannot POST).

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

// What a person can do about each error, before the server's own message.
const advice = {
  unauthorized: 'Your token was not accepted: sign in again.',
  forbidden: 'You have no access to that data source.',
  not_found: 'Not found.',
  rate_limited: 'Too many questions at once: wait a moment and ask again.',
  busy: 'This conversation is still busy with earlier questions.',
  unavailable: 'No worker answered: is medhad running?',
  datasource_unavailable: 'The database is not reachable right now.',
  query_timeout: 'The query took too long and was stopped.',
  not_supported: 'Not supported by the workers yet.',
  payload_too_large: 'That is too long.',
};

export function explain(err) {
  if (!(err instanceof ApiError)) return `Something went wrong: ${err.message || err}`;
  const lead = advice[err.code];
  return lead ? `${lead} (${err.message})` : `${err.message} (${err.code})`;
}

async function error_of(res) {
  try {
    const body = await res.json();
    if (body && body.error) return new ApiError(res.status, body.error.code, body.error.message);
  } catch (_) { /* not JSON: fall through */ }
  return new ApiError(res.status, 'internal', `HTTP ${res.status}`);
}

export function make_api(token) {
  const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };

  async function call(method, path, body) {
    let res;
    try {
      res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    } catch (e) {
      throw new ApiError(0, 'unavailable', `the gateway is not reachable (${e.message})`);
    }
    if (!res.ok) throw await error_of(res);
    return res.status === 204 ? {} : res.json();
  }

  // Posts and calls on_event(event) for every `data:` line; returns the final event.
  async function stream(path, body, on_event) {
    let res;
    try {
      res = await fetch(path, { method: 'POST', headers, body: JSON.stringify(body) });
    } catch (e) {
      throw new ApiError(0, 'unavailable', `the gateway is not reachable (${e.message})`);
    }
    if (!res.ok) throw await error_of(res);
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    let buffered = '';
    let last = null;
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffered += decoder.decode(value, { stream: true });
      let cut;
      while ((cut = buffered.indexOf('\n\n')) >= 0) {
        const block = buffered.slice(0, cut);
        buffered = buffered.slice(cut + 2);
        for (const line of block.split('\n')) {
          if (!line.startsWith('data: ')) continue;
          last = JSON.parse(line.slice(6));
          on_event(last);
        }
      }
    }
    if (!last) throw new ApiError(502, 'internal', 'the stream ended without an event');
    return last;
  }

  return {
    get: (path) => call('GET', path),
    post: (path, body) => call('POST', path, body || {}),
    patch: (path, body) => call('PATCH', path, body),
    del: (path) => call('DELETE', path),
    stream,
  };
}
