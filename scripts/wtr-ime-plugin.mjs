// A test-runner command for real IME input (Tamil, Hindi, Japanese keyboards compose before they
// commit): Chromium's DevTools protocol drives the same composition events an input method does.
// `executeServerCommand('ime', { compose: 'வண' })` starts or updates a composition;
// `executeServerCommand('ime', { commit: 'வணக்கம்' })` ends it with that text.
export function imePlugin() {
  return {
    name: 'ime',
    async executeCommand({ command, payload, session }) {
      if (command !== 'ime') return undefined;
      if (session.browser.type !== 'playwright') throw new Error('ime needs the playwright launcher (Chromium).');
      const page = session.browser.getPage(session.id);
      const cdp = await page.context().newCDPSession(page);
      try {
        if (payload.compose !== undefined) {
          const text = payload.compose;
          await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
        }
        if (payload.commit !== undefined) await cdp.send('Input.insertText', { text: payload.commit });
      } finally {
        await cdp.detach();
      }
      return true;
    },
  };
}
