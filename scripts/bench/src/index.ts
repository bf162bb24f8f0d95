// The benchmark's public API, for the budget test. `pnpm bench` runs run.ts.
export {BUDGETS, buildDemoSite, checkBudgets, measureBuild, percentile, type PageCost} from './budget.ts'
export {makeWorkDir, removeDir} from './build.ts'
