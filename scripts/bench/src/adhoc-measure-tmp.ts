import {measureBuild} from './budget.ts'
import {feedSizes, feedTable, groupCosts, groupTable} from './groups.ts'
const dir = process.argv[2] ?? ''
const pages = await measureBuild(dir)
console.log(groupTable(groupCosts(pages)))
console.log(feedTable(await feedSizes(dir)))
