// The chat page: sign-in with a token, the conversation list, the data-source
// picker, and turns streamed from the HTTP API.

import { make_api, explain, ApiError } from './api.js';
import { start_turn } from './turn_view.js';

const $ = (id) => document.getElementById(id);
const token_key = 'medha-token';
let api = null;
let current = null; // the open conversation: {id, title, data_source}

function show_error(message) { $('app-error').textContent = message || ''; }

async function sign_in(token) {
  const candidate = make_api(token);
  try {
    await candidate.get('/api/v1/conversations');
  } catch (e) {
    $('signin-error').textContent = e instanceof ApiError && e.code === 'unauthorized'
      ? 'That token is not valid.' : explain(e);
    show_signin();
    return;
  }
  api = candidate;
  sessionStorage.setItem(token_key, token);
  $('signin').hidden = true;
  $('app').hidden = false;
  await Promise.all([load_data_sources(), load_conversations()]);
  new_conversation();
  $('question').focus();
  document.body.dataset.ready = 'yes'; // signed in, lists loaded (tests wait for it)
}

function show_signin() {
  delete document.body.dataset.ready;
  $('app').hidden = true;
  $('signin').hidden = false;
  $('token').focus();
}

async function load_data_sources() {
  const select = $('data-source');
  try {
    const { data_sources } = await api.get('/api/v1/data-sources');
    for (const s of data_sources) {
      const o = document.createElement('option');
      o.value = s.name;
      o.textContent = s.name;
      o.title = s.description || '';
      select.appendChild(o);
    }
  } catch (e) { show_error(explain(e)); }
}

async function load_conversations() {
  const list = $('conversations');
  try {
    const { conversations } = await api.get('/api/v1/conversations');
    list.textContent = '';
    for (const c of conversations) { // most recent first, as the workers list them
      const li = document.createElement('li');
      const b = document.createElement('button');
      b.className = 'conversation' + (current && current.id === c.id ? ' current' : '');
      b.dataset.id = c.id;
      b.textContent = c.title || 'Untitled';
      b.title = `${c.turns} turns · ${new Date(c.updated_ms).toLocaleString()}`;
      b.addEventListener('click', () => open_conversation(c.id));
      li.appendChild(b);
      list.appendChild(li);
    }
  } catch (e) { show_error(explain(e)); }
}

function set_current(conv) {
  current = conv;
  $('conversation-title').textContent = conv ? conv.title || 'Untitled' : 'New conversation';
  $('rename').disabled = $('delete').disabled = !conv;
  if (conv && conv.data_source) $('data-source').value = conv.data_source;
  for (const b of document.querySelectorAll('#conversations .conversation'))
    b.classList.toggle('current', !!conv && b.dataset.id === conv.id);
}

function new_conversation() {
  set_current(null);
  $('thread').textContent = '';
  show_error('');
}

const actions = {
  ask: (text) => ask(text),
  conversation_id: () => current && current.id,
  feedback: (turn_id, rating) =>
    api.post(`/api/v1/conversations/${current.id}/feedback`, { turn_id, rating }),
};

async function open_conversation(id) {
  show_error('');
  try {
    const { conversation, messages } = await api.get(`/api/v1/conversations/${id}`);
    set_current(conversation);
    const thread = $('thread');
    thread.textContent = '';
    const turns = new Map();
    for (const m of messages) {
      if (m.role === 'user') turns.set(m.turn_id, start_turn(thread, m.text, actions));
      else if (turns.has(m.turn_id) && m.payload) turns.get(m.turn_id).finish(m.payload, m.turn_id);
    }
  } catch (e) { show_error(explain(e)); }
}

async function ask(text) {
  show_error('');
  const source = $('data-source').value;
  try {
    if (!current) {
      const { conversation } = await api.post('/api/v1/conversations', source ? { data_source: source } : {});
      set_current(conversation);
    }
  } catch (e) { return show_error(explain(e)); }
  const view = start_turn($('thread'), text, actions);
  const body = source ? { text, data_source: source } : { text };
  try {
    const last = await api.stream(`/api/v1/conversations/${current.id}/messages`, body, (ev) => view.on_event(ev));
    view.finish(last.data || {}, last.turn_id, last.step === 'error' ? 'error' : last.step);
  } catch (e) {
    view.fail(explain(e));
  }
  await load_conversations();
  if (current && !current.title) set_current({ ...current, title: text.slice(0, 80) });
}

$('signin-form').addEventListener('submit', (e) => {
  e.preventDefault();
  $('signin-error').textContent = '';
  sign_in($('token').value.trim());
});
$('signout').addEventListener('click', () => {
  sessionStorage.removeItem(token_key);
  api = null;
  location.reload();
});
$('new-conversation').addEventListener('click', new_conversation);
$('ask-form').addEventListener('submit', (e) => {
  e.preventDefault();
  const q = $('question').value.trim();
  if (!q) return;
  $('question').value = '';
  ask(q);
});
$('rename').addEventListener('click', async () => {
  const title = prompt('New title', current.title || '');
  if (!title) return;
  try {
    await api.patch(`/api/v1/conversations/${current.id}`, { title });
    set_current({ ...current, title });
    await load_conversations();
  } catch (e) { show_error(explain(e)); }
});
$('delete').addEventListener('click', async () => {
  if (!confirm(`Delete “${current.title || 'Untitled'}”?`)) return;
  try {
    await api.del(`/api/v1/conversations/${current.id}`);
    new_conversation();
    await load_conversations();
  } catch (e) { show_error(explain(e)); }
});

const saved = sessionStorage.getItem(token_key);
if (saved) sign_in(saved); else show_signin();
