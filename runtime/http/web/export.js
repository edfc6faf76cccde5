// A result saved as a file: CSV (RFC 4180 quoting) or JSON.

import { cell_text } from './table.js';

function csv_field(v) {
  const s = cell_text(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function to_csv(columns, rows) {
  const lines = [columns.map((c) => csv_field(c.name)).join(',')];
  for (const r of rows) lines.push(r.map(csv_field).join(','));
  return lines.join('\r\n') + '\r\n';
}

export function download(name, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
