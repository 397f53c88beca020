/**
 * Registers a custom element, tolerating a repeat: two copies of Kolam on one page (a host bundling
 * it twice) must not throw (CONTRACT §1). A different class under the same name gets a warning.
 */
export function defineElement(name: string, constructor: CustomElementConstructor): void {
  const existing = customElements.get(name);
  if (existing) {
    if (existing !== constructor) console.warn(`[kolam] <${name}> is already defined by another copy of Kolam; keeping the first.`);
    return;
  }
  customElements.define(name, constructor);
}
