import path from 'node:path'

/** The repository root, resolved from this file so the tools work from any directory. */
export const repoRoot = path.resolve(import.meta.dirname, '../../..')

/** The Astro site, and its CLI (run with this Node: the system one may be too old for Astro). */
export const webDir = path.join(repoRoot, 'web')
export const astroCli = path.join(webDir, 'node_modules/astro/bin/astro.mjs')

/** Environment for every child process: no telemetry from Astro or the Sanity CLI. */
export const quietEnv = {ASTRO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1', SANITY_TELEMETRY_DISABLED: '1'}
