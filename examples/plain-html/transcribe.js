// The player decodes the clip for its waveform off the main thread (a worker file next to the
// bundle, created through the `kolam` Trusted Types policy), so this page keeps the same policy.
const player = document.querySelector('kolam-transcription-player');
const count = document.getElementById('saved-count');

player.annotations = JSON.parse(localStorage.getItem('kolam-segments') ?? '[]');
count.value = player.annotations.length;

player.addEventListener('kolam-change', (event) => {
  localStorage.setItem('kolam-segments', JSON.stringify(event.detail.annotations));
  count.value = event.detail.annotations.length;
});
