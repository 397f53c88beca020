// Shared by check-storybook and screenshots: how a built story's render (and play) ended, read
// from Storybook's preview, so both scripts judge a story the same way.
const ENDED = ['completed', 'finished', 'played', 'errored', 'aborted'];
const PASSED = ['completed', 'finished', 'played'];

/** Waits for the story on `page` to finish rendering and playing; its phase, or "timed out". */
export function storyPhase(page, timeout = 60000) {
  return page
    .waitForFunction(
      (ended) => {
        const render = globalThis.__STORYBOOK_PREVIEW__?.currentRender;
        return render && ended.includes(render.phase) && render.phase;
      },
      ENDED,
      { timeout, polling: 100 },
    )
    .then((h) => h.jsonValue())
    .catch(() => 'timed out');
}

export const storyPassed = (phase) => PASSED.includes(phase);
