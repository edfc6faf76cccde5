// One turn on the page: the question, its steps as they stream (with elapsed
// times), then the answer (sentence, SQL, chart, table, follow-ups, feedback,
// export), a clarify (choices as buttons) or an error.

import { render_table } from './table.js';
import { to_csv, download } from './export.js';
import { explain, ApiError } from './api.js';

const step_labels = {
  discovery: 'Finding the data source', context: 'Reading the data model', sql: 'Writing SQL',
  validate: 'Checking the SQL', execute: 'Running the query', visualize: 'Choosing a chart',
  answer: 'Answer', clarify: 'A question back', error: 'Error',
};

function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

function button(text, cls, on_click) {
  const b = el('button', cls, text);
  b.type = 'button';
  b.addEventListener('click', on_click);
  return b;
}

// A stored message's payload carries no step: its fields tell.
export function kind_of(data) {
  if (data && data.code && data.message !== undefined) return 'error';
  if (data && Array.isArray(data.choices)) return 'clarify';
  return 'answer';
}

function show_answer(box, data, turn_id, actions) {
  box.appendChild(el('p', 'answer-text', data.text || ''));
  if (data.truncated) box.appendChild(el('p', 'note', `Showing the first ${data.rows.length} rows; there are more.`));
  if (data.sql) {
    const details = el('details', 'sql');
    details.appendChild(el('summary', '', 'SQL and how it was read'));
    const pre = el('pre');
    pre.appendChild(el('code', '', data.sql));
    details.appendChild(pre);
    if (data.explanation) details.appendChild(el('p', 'explanation', data.explanation));
    box.appendChild(details);
  }
  const chart = data.chart;
  if (chart && chart.spec && chart.kind !== 'table') {
    const holder = el('div', `chart chart-${chart.kind}`);
    box.appendChild(holder);
    if (typeof window.vegaEmbed !== 'function') {
      holder.appendChild(el('p', 'error', 'Charts are unavailable: the chart library did not load.'));
    } else {
      window.vegaEmbed(holder, chart.spec, { actions: false, renderer: 'svg' })
        .catch((e) => holder.appendChild(el('p', 'error', `The chart could not be drawn: ${e.message}`)));
    }
  }
  const columns = data.columns || [], rows = data.rows || [];
  if (columns.length) render_table(box, columns, rows);

  const tools = el('div', 'tools');
  const name = `medha-${actions.conversation_id() || 'result'}-${turn_id || 'turn'}`;
  tools.append(
    button('✓ Helpful', 'thumb up', () => rate('positive')),
    button('✗ Not helpful', 'thumb down', () => rate('negative')),
    button('Export CSV', 'export-csv', () => download(`${name}.csv`, 'text/csv', to_csv(columns, rows))),
    button('Export JSON', 'export-json', () => download(`${name}.json`, 'application/json',
      JSON.stringify({ sql: data.sql, columns, rows }, null, 2))),
  );
  const said = el('span', 'feedback-note');
  tools.appendChild(said);
  box.appendChild(tools);
  function rate(rating) {
    actions.feedback(turn_id, rating)
      .then(() => { said.textContent = 'Thanks for the feedback.'; })
      .catch((e) => { said.textContent = e instanceof ApiError && e.code === 'not_supported'
        ? 'Feedback is not recorded yet: the workers do not support it.' : explain(e); });
  }

  const suggestions = data.suggestions || [];
  if (suggestions.length) {
    const row = el('div', 'suggestions');
    row.appendChild(el('span', 'label', 'Follow up:'));
    for (const s of suggestions) {
      const text = typeof s === 'string' ? s : (s.text || s.label || '');
      row.appendChild(button(text, 'suggestion', () => actions.ask(text)));
    }
    box.appendChild(row);
  }
}

function show_clarify(box, data, actions) {
  box.appendChild(el('p', 'clarify-text', data.text || 'Which did you mean?'));
  if (data.understood) box.appendChild(el('p', 'note', `Understood so far: ${typeof data.understood === 'string' ? data.understood : JSON.stringify(data.understood)}`));
  const row = el('div', 'choices');
  for (const c of data.choices || [])
    row.appendChild(button(c.label, 'choice', () => actions.ask(c.reply || c.label)));
  box.appendChild(row);
}

export function show_error(box, message) {
  box.appendChild(el('p', 'error', message));
}

// Adds a turn to the thread; returns handlers for its events.
export function start_turn(thread, question, actions) {
  const article = el('article', 'turn');
  article.appendChild(el('p', 'question', question));
  const steps = el('ol', 'steps');
  article.appendChild(steps);
  const result = el('div', 'result');
  article.appendChild(result);
  thread.appendChild(article);
  article.scrollIntoView({ block: 'end' });
  const items = new Map();

  return {
    on_event(ev) {
      let li = items.get(ev.step);
      if (!li) {
        li = el('li', 'step');
        items.set(ev.step, li);
        steps.appendChild(li);
      }
      li.dataset.step = ev.step;
      li.dataset.status = ev.status;
      li.textContent = `${step_labels[ev.step] || ev.step} — ${ev.status} · ${Number(ev.elapsed_ms || 0).toFixed(1)} ms`;
    },
    finish(data, turn_id, kind = kind_of(data)) {
      article.dataset.outcome = kind;
      if (kind === 'answer') show_answer(result, data, turn_id, actions);
      else if (kind === 'clarify') show_clarify(result, data, actions);
      else show_error(result, explain(new ApiError(0, data.code || 'internal', data.message || 'the turn failed')));
      article.scrollIntoView({ block: 'end' });
    },
    fail(message) {
      article.dataset.outcome = 'error';
      show_error(result, message);
    },
  };
}
