// The programs the tests need beyond Node's packages: Chromium for the browser tests and Java
// for the HTML checker (vnu.jar). Each is found, or installed where this machine allows it, or
// reported in one line that says what to install. Deciding is pure (planChromium, planJava,
// over an injected view of the machine); getting runs the plan.
import {spawn} from 'node:child_process'
import {accessSync, constants, existsSync} from 'node:fs'
import path from 'node:path'

import {quietEnv, repoRoot} from './repo.ts'

/** What the plans need to know about this machine. */
export interface Machine {
  /** Whether `file` exists and may be run. */
  exists(file: string): boolean
  /** Where `command` is on PATH, or null. */
  which(command: string): string | null
  isRoot(): boolean
  /** Debian or a derivative, with apt-get. */
  isDebian(): boolean
}

/** A way of installing a missing tool. */
export type Step =
  /** `program` is where the package puts the tool: a path, or a command looked up on PATH. */
  {kind: 'apt'; package: string; program: string; description: string} | {kind: 'playwright'; description: string}

export interface Plan {
  tool: string
  /** Set when the tool is already here. */
  found?: {path: string; how: string}
  /** Otherwise, what to try, in order, until one gives the tool. */
  steps: Step[]
  /** The one line to print when no step did: what to install, or what to fix. */
  advice: string
}

/** Debian's Chromium package installs here. */
export const DEBIAN_CHROMIUM = '/usr/bin/chromium'

const aptHint = (machine: Machine, pkg: string) =>
  `${machine.isRoot() ? '' : 'sudo '}apt-get install --no-install-recommends ${pkg}`

/**
 * Chromium for the browser tests: CHROMIUM_PATH when set (and nothing else: it is the user's
 * choice); else Debian's /usr/bin/chromium; else Debian's package, when this is Debian and we
 * are root; else Playwright's own download, which needs Playwright's CDN to be reachable.
 */
export function planChromium(env: {CHROMIUM_PATH?: string | undefined}, machine: Machine): Plan {
  const tool = 'Chromium'
  const chosen = env.CHROMIUM_PATH
  if (chosen) {
    return machine.exists(chosen)
      ? {tool, found: {path: chosen, how: 'CHROMIUM_PATH'}, steps: [], advice: ''}
      : {
          tool,
          steps: [],
          advice: `CHROMIUM_PATH is ${chosen}, which is not a program: point it at Chromium, or unset it.`,
        }
  }
  if (machine.exists(DEBIAN_CHROMIUM)) {
    return {tool, found: {path: DEBIAN_CHROMIUM, how: "Debian's package"}, steps: [], advice: ''}
  }
  const debian = machine.isDebian()
  const steps: Step[] = []
  if (debian && machine.isRoot()) {
    steps.push({
      kind: 'apt',
      package: 'chromium',
      program: DEBIAN_CHROMIUM,
      description: "Debian's chromium package (apt-get)",
    })
  }
  steps.push({kind: 'playwright', description: "Playwright's own build (playwright install chromium)"})
  const install = debian ? aptHint(machine, 'chromium') : 'pnpm --filter @itss/tests exec playwright install chromium'
  return {
    tool,
    steps,
    advice: `The browser tests need Chromium: install it (${install}) or set CHROMIUM_PATH to a Chromium executable.`,
  }
}

/**
 * Java for the W3C HTML checker (vnu.jar runs under `java -jar`): JAVA when set (the test
 * honours it too), else `java` on PATH, else Debian's package when this is Debian and we are root.
 */
export function planJava(env: {JAVA?: string | undefined}, machine: Machine): Plan {
  const tool = 'Java'
  if (env.JAVA) {
    const chosen = env.JAVA.includes('/') ? (machine.exists(env.JAVA) ? env.JAVA : null) : machine.which(env.JAVA)
    return chosen
      ? {tool, found: {path: chosen, how: 'JAVA'}, steps: [], advice: ''}
      : {tool, steps: [], advice: `JAVA is ${env.JAVA}, which is not a program: point it at \`java\`, or unset it.`}
  }
  const java = machine.which('java')
  if (java) return {tool, found: {path: java, how: 'PATH'}, steps: [], advice: ''}
  const debian = machine.isDebian()
  return {
    tool,
    steps:
      debian && machine.isRoot()
        ? [
            {
              kind: 'apt',
              package: 'default-jre-headless',
              program: 'java',
              description: "Debian's default-jre-headless package (apt-get)",
            },
          ]
        : [],
    advice: `The HTML checker test needs Java: install a Java runtime${
      debian ? ` (${aptHint(machine, 'default-jre-headless')})` : ''
    } so that \`java\` is on PATH.`,
  }
}

/** Whether `file` exists and may be run by this user. */
function isProgram(file: string): boolean {
  try {
    accessSync(file, constants.X_OK)
    return true
  } catch {
    return false
  }
}

function onPath(command: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir && isProgram(path.join(dir, command))) return path.join(dir, command)
  }
  return null
}

/** This machine, as the plans see it. */
export const thisMachine: Machine = {
  exists: isProgram,
  which: onPath,
  isRoot: () => process.getuid?.() === 0,
  isDebian: () => existsSync('/etc/debian_version') && onPath('apt-get') !== null,
}

interface Ran {
  ok: boolean
  output: string
}

/** Runs a command with its output captured: an install's progress is noise unless it fails. */
function capture(command: string, args: string[], cwd = repoRoot): Promise<Ran> {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd,
      env: {...process.env, ...quietEnv, DEBIAN_FRONTEND: 'noninteractive'},
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.on('error', (error) => {
      resolve({ok: false, output: `${output}${error.message}\n`})
    })
    child.on('close', (code) => {
      resolve({ok: code === 0, output})
    })
  })
}

const testsDir = path.join(repoRoot, 'tests')
const playwrightCli = path.join(testsDir, 'node_modules/.bin/playwright')

/** Where Playwright keeps its own Chromium (whether or not it is there yet). */
async function playwrightChromium(): Promise<string | null> {
  const script = "const {chromium} = await import('@playwright/test'); console.log(chromium.executablePath())"
  const result = await capture(process.execPath, ['--input-type=module', '-e', script], testsDir)
  return result.ok ? result.output.trim() || null : null
}

// One package-list update per run, however many packages follow it.
let aptUpdated = false

export interface Getter {
  machine?: Machine
  /** Told each line of progress. */
  log?: (line: string) => void
}

/**
 * Runs `plan`: the tool's path when it is here or one of the plan's steps installed it, else
 * null, with the plan's advice logged as the last line.
 */
export async function getTool(plan: Plan, options: Getter = {}): Promise<string | null> {
  const machine = options.machine ?? thisMachine
  const log =
    options.log ??
    ((line: string) => {
      console.log(line)
    })
  if (plan.found) {
    log(`${plan.tool}: ${plan.found.path} (${plan.found.how})`)
    return plan.found.path
  }
  for (const step of plan.steps) {
    log(`${plan.tool}: not found; installing ${step.description}…`)
    let result: Ran
    let located: string | null
    if (step.kind === 'apt') {
      result = aptUpdated ? {ok: true, output: ''} : await capture('apt-get', ['update'])
      aptUpdated ||= result.ok
      if (result.ok) {
        result = await capture('apt-get', ['install', '-y', '--no-install-recommends', step.package])
      }
      located = step.program.includes('/') ? step.program : machine.which(step.program)
    } else {
      result = await capture(playwrightCli, ['install', 'chromium'], testsDir)
      located = result.ok ? await playwrightChromium() : null
    }
    if (result.ok && located !== null && machine.exists(located)) {
      log(`${plan.tool}: ${located} (installed)`)
      return located
    }
    // The last few lines that say something: no stack frames, no progress bars.
    const tail = result.output
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith('at ') && !/\|\s*\d+%/.test(line))
      .slice(-3)
      .join('\n  ')
    log(`${plan.tool}: that did not work${tail ? `:\n  ${tail}` : ''}`)
  }
  log(plan.advice)
  return null
}
