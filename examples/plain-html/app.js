// Load on start, save on every change. A file, not an inline script, so the page keeps a strict
// `script-src 'self'` Content Security Policy (see server.mjs).
const tool = document.querySelector('kolam-box-tool');
const count = document.getElementById('saved-count');

tool.annotations = JSON.parse(localStorage.getItem('kolam-boxes') ?? '[]');
count.value = tool.annotations.length;

tool.addEventListener('kolam-change', (event) => {
  localStorage.setItem('kolam-boxes', JSON.stringify(event.detail.annotations));
  count.value = event.detail.annotations.length;
});
