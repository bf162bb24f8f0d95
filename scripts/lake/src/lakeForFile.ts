// A lake for one test file: started as the file loads, closed and its folder removed after the
// file's last test. For the lake's own Vitest files only (it registers an afterAll hook).
import {afterAll} from 'vitest'

import type {Lake} from './index.ts'
import {removeDir, tempDir, testLake} from './testing.ts'

export async function lakeForFile(): Promise<Lake> {
  const dir = await tempDir()
  const lake = await testLake(dir)
  afterAll(async () => {
    await lake.close()
    await removeDir(dir)
  })
  return lake
}
