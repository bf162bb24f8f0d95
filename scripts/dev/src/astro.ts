// The one way the tools start Astro's CLI: with this Node (the system one may be too old for
// Astro), from web/ unless the caller says otherwise, and without telemetry. A command, not a
// spawn, so each caller keeps its own spawn options and Playwright can take it as a string.
import path from 'node:path'
import {stripVTControlCharacters} from 'node:util'

import {astroCli, quietEnv, webDir} from './repo.ts'

export interface AstroCommand {
  /** This Node's executable. */
  command: string
  /** Astro's CLI script, then `args`. */
  args: string[]
  /** Where Astro finds its project by default: web/. */
  cwd: string
  /** Variables to lay over the inherited environment. */
  env: Record<string, string>
  /** The same as one shell command line, for Playwright's webServer. */
  shell: string
}

/** Quotes an argument for a POSIX shell when it needs it. */
export function shellQuote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", `'\\''`)}'`
}

/** How to run `astro <args>`: `spawn(a.command, a.args, {cwd: a.cwd, env: {...process.env, ...a.env}})`. */
export function astroCommand(args: readonly string[]): AstroCommand {
  const full = [astroCli, ...args]
  return {
    command: process.execPath,
    args: full,
    cwd: webDir,
    // Node keeps the compiled code of Astro, Vite and the site's modules between runs, so a
    // rebuild after a publish starts sooner (a quarter of a second of a four-second rebuild).
    env: {...quietEnv, NODE_COMPILE_CACHE: path.join(webDir, 'node_modules/.cache/node-compile')},
    shell: [process.execPath, ...full].map(shellQuote).join(' '),
  }
}

/** The files a build wrote, as its log lists them: rendered, or copied from the incremental build's cache. */
export function builtFiles(output: string): {rendered: string[]; reused: string[]} {
  const rendered: string[] = []
  const reused: string[] = []
  // Astro colours its log when it thinks a terminal or FORCE_COLOR asks for it. Rendering pages
  // several at a time, it names a page when it starts it and gives its time when done, so
  // names and times interleave, even on one line; a copied file is named with "(restored)" or
  // "(cached)" right after it.
  for (const [, file = '', how] of stripVTControlCharacters(output).matchAll(
    /[├└]─ (\S+?)(?=\s|\d\d:\d\d:\d\d\s|$)( \(restored\)| \(cached\))?/g,
  )) {
    ;(how ? reused : rendered).push(file)
  }
  return {rendered, reused}
}
