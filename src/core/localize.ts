/**
 * Every user-visible string goes through @lit/localize's `msg()` (runtime mode, English source).
 * Kolam does not call `configureLocalization`: that is the host app's choice, made once per page
 * (see README, "Languages"). Elements are wrapped with `@localized()` so they re-render on a switch.
 */
export { msg, str, localized, updateWhenLocaleChanges } from '@lit/localize';
