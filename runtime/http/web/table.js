// A result as a table: click a heading to sort (again to reverse), pages of
// page_size rows.

function compare(a, b) {
  if (a === b) return 0;
  if (a === null || a === undefined) return 1; // missing values last
  if (b === null || b === undefined) return -1;
  const x = Number(a), y = Number(b);
  if (a !== '' && b !== '' && !Number.isNaN(x) && !Number.isNaN(y)) return x - y;
  return String(a).localeCompare(String(b));
}

export function cell_text(v) {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

export function render_table(parent, columns, rows, page_size = 10) {
  const box = document.createElement('div');
  box.className = 'results';
  parent.appendChild(box);
  let order = rows.map((_, i) => i);
  let sort_column = -1, descending = false, page = 0;
  const pages = () => Math.max(1, Math.ceil(rows.length / page_size));

  function draw() {
    box.textContent = '';
    const table = document.createElement('table');
    const head = table.createTHead().insertRow();
    columns.forEach((c, i) => {
      const th = document.createElement('th');
      th.textContent = c.name + (i === sort_column ? (descending ? ' ▼' : ' ▲') : '');
      th.title = `${c.type || ''} — click to sort`;
      th.setAttribute('aria-sort', i === sort_column ? (descending ? 'descending' : 'ascending') : 'none');
      th.addEventListener('click', () => {
        descending = i === sort_column ? !descending : false;
        sort_column = i;
        order = rows.map((_, k) => k).sort((a, b) => compare(rows[a][i], rows[b][i]) * (descending ? -1 : 1));
        page = 0;
        draw();
      });
      head.appendChild(th);
    });
    const body = table.createTBody();
    for (const r of order.slice(page * page_size, (page + 1) * page_size)) {
      const tr = body.insertRow();
      rows[r].forEach((v) => { tr.insertCell().textContent = cell_text(v); });
    }
    box.appendChild(table);
    if (rows.length > page_size) {
      const nav = document.createElement('div');
      nav.className = 'pager';
      const prev = document.createElement('button');
      prev.textContent = '‹ Previous';
      prev.disabled = page === 0;
      prev.addEventListener('click', () => { page -= 1; draw(); });
      const next = document.createElement('button');
      next.textContent = 'Next ›';
      next.disabled = page + 1 >= pages();
      next.addEventListener('click', () => { page += 1; draw(); });
      const where = document.createElement('span');
      where.textContent = `rows ${page * page_size + 1}–${Math.min(rows.length, (page + 1) * page_size)} of ${rows.length}`;
      nav.append(prev, where, next);
      box.appendChild(nav);
    }
  }
  draw();
}
