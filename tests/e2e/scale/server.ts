// The site as a mature institute's content makes it, for the site-at-scale browser tests:
// the benchmark's synthetic mix (publications, news and events across topics, on top of the
// demo dataset) loaded into a lake of its own, built once, and served as `pnpm start` serves.
import {parseArgs} from 'node:util'
import {generateDataset, loadIntoLake, readDemoDocuments} from '@itss/bench'
import {serveSite} from '@itss/dev'
import {startLake} from '@itss/lake'
import {demoDatasetDir} from '@itss/lake/local'
import {longLists} from '../../src/longListFixtures.ts'
import {buildSite, projectEnv, removeDir, tempDir} from '../../src/site.ts'

/** Enough for every list to run to several pages and every filter and topic to have items. */
const SCALE_DOCUMENTS = 400

const {values} = parseArgs({options: {port: {type: 'string', default: '4340'}}})

const lakeDir = await tempDir('scale-lake')
const outDir = await tempDir('scale-site')
const lake = await startLake({dataDir: lakeDir, httpPort: 0, httpsPort: false, log: () => undefined})
const dataset = generateDataset(SCALE_DOCUMENTS, await readDemoDocuments(demoDatasetDir))
// And more FAQs, people and milestones than a page holds, so the later parts of pages are checked too.
await loadIntoLake(lake, [...dataset.documents, ...longLists], demoDatasetDir, () => undefined)
const build = await buildSite(outDir, projectEnv(lake))
await lake.close()
await removeDir(lakeDir)
if (build.code !== 0) {
  console.error(`The site at scale did not build:\n${build.output}`)
  await removeDir(outDir)
  process.exit(1)
}

const site = await serveSite(outDir, Number(values.port))
const counts = Object.entries(dataset.counts)
  .map(([type, n]) => `${String(n)} ${type}`)
  .join(', ')
console.log(`The site at scale (${counts}) at ${site.url}`)
const stop = () => {
  site.close()
  void removeDir(outDir).finally(() => process.exit(0))
}
process.on('SIGTERM', stop)
process.on('SIGINT', stop)
