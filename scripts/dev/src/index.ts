// The developer tools' public API, for the benchmark and the tests. The tools themselves run
// from the root package.json's scripts.
export {astroCli, quietEnv, repoRoot, webDir} from './repo.ts'
export {astroCommand, builtFiles, type AstroCommand} from './astro.ts'
export {chromiumLaunchOptions} from './chromium.ts'
export {DEFAULT_PREVIEW_PORT, draftPreviewOrigin, startDraftPreview, type DraftPreview} from './draftPreview.ts'
export {publishSite, type PublishedSite} from './publishedSite.ts'
export {namesEveryPage, pruneOutput, SEEDED_OUTPUT_ENV, seedOutput} from './seededBuild.ts'
export {serveSite} from './serveSite.ts'
export {buildStudio, lakeHttpsPort, serveStudioFiles, studioLoginUrl, type StudioServer} from './serveStudio.ts'
