// The benchmark's public API, for the budget and dataset tests and the site-at-scale browser tests. `pnpm bench` runs run.ts.
export {BUDGETS, buildDemoSite, checkBudgets, measureBuild, percentile, type PageCost} from './budget.ts'
export {makeWorkDir, removeDir} from './build.ts'
export {generateDataset, readDemoDocuments, type Doc} from './dataset.ts'
export {checkGroupBudgets, groupCosts} from './groups.ts'
export {loadIntoLake} from './load.ts'
