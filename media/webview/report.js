// zhdoc slogan report: a click (or Enter) on a phrase asks the extension to reveal its occurrence.
(function () {
  const vscode = acquireVsCodeApi();
  // The CSP allows no inline style attribute: bar lengths (percent of the largest count) are set from here.
  for (const bar of document.querySelectorAll('.chart .bar[data-share]')) bar.style.width = `${Number(bar.dataset.share)}%`;
  document.addEventListener('click', (event) => {
    const link = event.target.closest('a.reveal');
    if (!link) return;
    event.preventDefault();
    vscode.postMessage({ type: 'reveal', uri: link.dataset.uri, offset: Number(link.dataset.offset), length: Number(link.dataset.length) });
  });
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && event.target.matches && event.target.matches('a.reveal')) event.target.click();
  });
})();
