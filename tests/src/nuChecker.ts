// The W3C Nu HTML checker (vnu.jar, the validator behind validator.w3.org/nu), run over files.
// It needs Java; the jar comes from the vnu-jar package.
import {spawn} from 'node:child_process'
import {createRequire} from 'node:module'

const vnuJar = createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar')
const JAVA = process.env.JAVA ?? 'java'
const NO_JAVA =
  `The W3C Nu HTML checker needs Java, and \`${JAVA}\` could not be run. Install a Java runtime ` +
  '(Debian: `apt-get install default-jre-headless`), or set JAVA to its `java` binary.'

export interface NuMessage {
  type: string
  subType?: string
  url?: string
  firstLine?: number
  lastLine?: number
  firstColumn?: number
  message: string
  extract?: string
}

/** Runs the checker once over all the files (one JVM start); its JSON report comes on stderr. */
export function runNu(files: string[]): Promise<{messages: NuMessage[]} | {problem: string}> {
  return new Promise((resolve) => {
    const child = spawn(JAVA, ['-jar', vnuJar, '--errors-only', '--format', 'json', ...files])
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', (error) => resolve({problem: `${NO_JAVA}\n(${error.message})`}))
    child.on('close', (code) => {
      try {
        resolve({messages: (JSON.parse(stderr) as {messages: NuMessage[]}).messages})
      } catch {
        resolve({problem: `The Nu checker exited with ${code} and no JSON report:\n${stderr}${stdout}`})
      }
    })
  })
}
