// Astro's client types (import.meta.env and friends) without waiting for `astro sync` to
// generate .astro/types.d.ts, so type-aware lint on a fresh clone sees them too.
/// <reference types="astro/client" />
