// zhdoc corpus views (Compare, Concordance, Trends): sortable tables, reveal links, concordance width, export.
// Runs under the page's nonce; builds nothing from strings as HTML, so document text stays text.
(function () {
  const vscode = acquireVsCodeApi();
  const post = (message) => vscode.postMessage(message);

  function sortBy(th) {
    const table = th.closest('table');
    const column = Number(th.dataset.column);
    const numeric = th.dataset.numeric === '1';
    const descending = th.getAttribute('aria-sort') !== 'descending';
    table.querySelectorAll('th').forEach((h) => h.removeAttribute('aria-sort'));
    th.setAttribute('aria-sort', descending ? 'descending' : 'ascending');
    const body = table.tBodies[0];
    const rows = Array.from(body.rows);
    const key = (row) => {
      const cell = row.cells[column];
      if (!cell) return numeric ? 0 : '';
      return numeric ? Number(cell.dataset.sort ?? cell.textContent) : cell.textContent;
    };
    rows.sort((a, b) => {
      const x = key(a);
      const y = key(b);
      const order = numeric ? x - y : String(x).localeCompare(String(y), 'zh');
      return descending ? -order : order;
    });
    rows.forEach((r) => body.appendChild(r));
  }

  document.addEventListener('click', (event) => {
    const target = event.target;
    const th = target.closest && target.closest('table.sortable th');
    if (th) return sortBy(th);
    const reveal = target.closest && target.closest('a.reveal');
    if (reveal) {
      event.preventDefault();
      return post({ type: 'reveal', uri: reveal.dataset.uri, offset: Number(reveal.dataset.offset), length: Number(reveal.dataset.length) });
    }
    const phrase = target.closest && target.closest('a.occurrences');
    if (phrase) {
      event.preventDefault();
      return post({ type: 'occurrences', phrase: phrase.dataset.phrase });
    }
    if (target.closest && target.closest('button.export')) post({ type: 'export', width: width ? Number(width.value) : undefined });
  });
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' || !event.target.matches) return;
    if (event.target.matches('a.reveal, a.occurrences, table.sortable th')) event.target.click();
  });

  // Concordance context width: the lines carry the widest context; the page shows the last `width` characters
  // of the left context and the first `width` of the right, by code point, so 𠮷 is never cut.
  const width = document.getElementById('width');
  const widthValue = document.getElementById('width-value');
  function applyWidth() {
    const w = Number(width.value);
    if (widthValue) widthValue.textContent = String(w);
    document.querySelectorAll('td.left').forEach((cell) => {
      const chars = Array.from(cell.dataset.full ?? '');
      cell.textContent = chars.slice(Math.max(0, chars.length - w)).join('');
    });
    document.querySelectorAll('td.right').forEach((cell) => {
      cell.textContent = Array.from(cell.dataset.full ?? '').slice(0, w).join('');
    });
    const state = vscode.getState() || {};
    vscode.setState({ ...state, width: w });
  }
  if (width) {
    const saved = (vscode.getState() || {}).width;
    if (saved) width.value = String(saved);
    width.addEventListener('input', applyWidth);
    applyWidth();
  }
})();
