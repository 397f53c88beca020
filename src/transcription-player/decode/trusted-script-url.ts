/**
 * Script URLs through the Trusted Types policy `kolam`, which a strict CSP names
 * (`require-trusted-types-for 'script'; trusted-types lit-html kolam`). The policy only passes
 * same-origin URLs, the worker files next to our modules. Where Trusted Types do not exist the URL
 * passes as it is; where the policy cannot be made (the CSP does not name it, or it exists already)
 * the Worker constructor refuses the URL and the caller decodes on the page.
 */
interface ScriptUrlPolicy {
  createScriptURL(url: string): string;
}

let policy: ScriptUrlPolicy | null | undefined;

export function trustedScriptUrl(url: string): string {
  if (policy === undefined) {
    const factory = (globalThis as { trustedTypes?: { createPolicy(name: string, rules: ScriptUrlPolicy): ScriptUrlPolicy } }).trustedTypes;
    try {
      policy =
        factory?.createPolicy('kolam', {
          createScriptURL(value) {
            const parsed = new URL(value, location.href);
            if (parsed.origin !== location.origin) throw new TypeError(`Kolam loads workers from its own origin only, not ${parsed.origin}.`);
            return parsed.href;
          },
        }) ?? null;
    } catch {
      policy = null;
    }
  }
  return policy ? policy.createScriptURL(url) : url;
}

/** True where the browser implements Trusted Types (whether or not this page enforces them). */
export function hasTrustedTypes(): boolean {
  return typeof (globalThis as { trustedTypes?: unknown }).trustedTypes === 'object';
}
