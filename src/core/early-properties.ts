/**
 * A framework may set properties on an element before its class is defined (a lazy chunk, React
 * rendering before the `import` ran). Those land as own properties of the instance and hide the
 * class's accessors. Lit re-applies its declared reactive properties itself; the plain accessors a
 * tool declares (`annotations`, `currentTime`, …) are re-set here, through the accessor.
 */
export function adoptEarlyProperties(element: object, names: readonly string[]): void {
  for (const name of names) {
    if (!Object.prototype.hasOwnProperty.call(element, name)) continue;
    const record = element as Record<string, unknown>;
    const value = record[name];
    delete record[name];
    record[name] = value;
  }
}
