import {describe, expect, test} from 'vitest'

import {DEBIAN_CHROMIUM, getTool, planChromium, planJava, type Machine} from './prerequisites.ts'

/** A machine with these files and commands, as root or not, Debian or not. */
function machine(options: {files?: string[]; commands?: Record<string, string>; root?: boolean; debian?: boolean}) {
  return {
    exists: (file) => (options.files ?? []).includes(file),
    which: (command) => options.commands?.[command] ?? null,
    isRoot: () => options.root ?? false,
    isDebian: () => options.debian ?? false,
  } satisfies Machine
}

const kinds = (plan: {steps: Array<{kind: string}>}) => plan.steps.map((step) => step.kind)

describe('planChromium', () => {
  test('CHROMIUM_PATH wins when it names a program', () => {
    const plan = planChromium({CHROMIUM_PATH: '/opt/chrome'}, machine({files: ['/opt/chrome', DEBIAN_CHROMIUM]}))
    expect(plan.found).toEqual({path: '/opt/chrome', how: 'CHROMIUM_PATH'})
  })

  test('a CHROMIUM_PATH that names nothing is reported, not overridden', () => {
    const plan = planChromium(
      {CHROMIUM_PATH: '/nowhere'},
      machine({files: [DEBIAN_CHROMIUM], debian: true, root: true}),
    )
    expect(plan.found).toBeUndefined()
    expect(plan.steps).toEqual([])
    expect(plan.advice).toBe('CHROMIUM_PATH is /nowhere, which is not a program: point it at Chromium, or unset it.')
  })

  test("then Debian's /usr/bin/chromium", () => {
    expect(planChromium({}, machine({files: [DEBIAN_CHROMIUM]})).found?.path).toBe(DEBIAN_CHROMIUM)
  })

  test('Debian as root: apt-get first, then Playwright’s download', () => {
    const plan = planChromium({}, machine({debian: true, root: true}))
    expect(plan.found).toBeUndefined()
    expect(plan.steps[0]).toMatchObject({kind: 'apt', package: 'chromium', program: DEBIAN_CHROMIUM})
    expect(kinds(plan)).toEqual(['apt', 'playwright'])
  })

  test('Debian without root: Playwright’s download only, and the advice says sudo apt-get', () => {
    const plan = planChromium({}, machine({debian: true}))
    expect(kinds(plan)).toEqual(['playwright'])
    expect(plan.advice).toBe(
      'The browser tests need Chromium: install it (sudo apt-get install --no-install-recommends chromium) or set CHROMIUM_PATH to a Chromium executable.',
    )
  })

  test('elsewhere: Playwright’s download, and the advice names it', () => {
    const plan = planChromium({}, machine({root: true}))
    expect(kinds(plan)).toEqual(['playwright'])
    expect(plan.advice).toContain('playwright install chromium')
    expect(plan.advice.split('\n')).toHaveLength(1)
  })
})

describe('planJava', () => {
  test('java on PATH', () => {
    expect(planJava({}, machine({commands: {java: '/usr/bin/java'}})).found).toEqual({
      path: '/usr/bin/java',
      how: 'PATH',
    })
  })

  test('JAVA wins when it names a program, by path or on PATH', () => {
    const here = machine({files: ['/opt/jdk/bin/java'], commands: {java: '/usr/bin/java', java21: '/usr/bin/java21'}})
    expect(planJava({JAVA: '/opt/jdk/bin/java'}, here).found).toEqual({path: '/opt/jdk/bin/java', how: 'JAVA'})
    expect(planJava({JAVA: 'java21'}, here).found).toEqual({path: '/usr/bin/java21', how: 'JAVA'})
    const wrong = planJava({JAVA: '/nowhere/java'}, machine({debian: true, root: true}))
    expect(wrong.steps).toEqual([])
    expect(wrong.advice).toBe('JAVA is /nowhere/java, which is not a program: point it at `java`, or unset it.')
  })

  test('Debian as root: default-jre-headless', () => {
    const plan = planJava({}, machine({debian: true, root: true}))
    expect(plan.steps).toEqual([
      expect.objectContaining({kind: 'apt', package: 'default-jre-headless', program: 'java'}),
    ])
  })

  test('otherwise nothing to try, and one line saying what to install', () => {
    expect(planJava({}, machine({debian: true})).steps).toEqual([])
    expect(planJava({}, machine({debian: true})).advice).toBe(
      'The HTML checker test needs Java: install a Java runtime (sudo apt-get install --no-install-recommends default-jre-headless) so that `java` is on PATH.',
    )
    expect(planJava({}, machine({})).advice).toBe(
      'The HTML checker test needs Java: install a Java runtime so that `java` is on PATH.',
    )
  })
})

describe('getTool', () => {
  test('a found tool is used as it is', async () => {
    const lines: string[] = []
    const found = await getTool(planChromium({}, machine({files: [DEBIAN_CHROMIUM]})), {
      log: (line) => lines.push(line),
    })
    expect(found).toBe(DEBIAN_CHROMIUM)
    expect(lines).toEqual([`Chromium: ${DEBIAN_CHROMIUM} (Debian's package)`])
  })

  test('nothing to try: null, and the advice as the last line', async () => {
    const lines: string[] = []
    const plan = planJava({}, machine({}))
    expect(await getTool(plan, {log: (line) => lines.push(line)})).toBeNull()
    expect(lines).toEqual([plan.advice])
  })
})
