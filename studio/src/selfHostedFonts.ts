import {readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import type {Plugin} from 'vite'

const require = createRequire(import.meta.url)

/** Sanity UI's stylesheet loads Inter from Sanity's CDN; these are the same faces from npm. */
const SANITY_INTER = /https:\/\/design-system-static\.sanity\.io\/InterVariable(-Italic)?-latin-\d+\.woff2/g
const LOCAL_INTER = {
  normal: '@fontsource-variable/inter/files/inter-latin-wght-normal.woff2',
  italic: '@fontsource-variable/inter/files/inter-latin-wght-italic.woff2',
}

/**
 * Ships the Studio's font with the Studio, so an editor's browser fetches nothing from Sanity's
 * hosted services to draw it (and the Studio looks the same offline).
 */
export function selfHostedFonts(): Plugin {
  return {
    name: 'itss:self-hosted-fonts',
    apply: 'build',
    generateBundle(_options, bundle) {
      const stylesheets = Object.values(bundle).filter(
        (file) =>
          file.type === 'asset' && file.fileName.endsWith('.css') && String(file.source).search(SANITY_INTER) !== -1,
      )
      if (stylesheets.length === 0) return
      const fileNames = Object.fromEntries(
        Object.entries(LOCAL_INTER).map(([style, module]) => {
          const fileName = `static/fonts/${path.basename(module)}`
          this.emitFile({type: 'asset', fileName, source: readFileSync(require.resolve(module))})
          return [style, fileName]
        }),
      ) as Record<keyof typeof LOCAL_INTER, string>
      for (const stylesheet of stylesheets) {
        if (stylesheet.type !== 'asset') continue
        const from = path.posix.dirname(stylesheet.fileName)
        stylesheet.source = String(stylesheet.source).replace(SANITY_INTER, (_url, italic?: string) =>
          path.posix.relative(from, italic ? fileNames.italic : fileNames.normal),
        )
      }
    },
  }
}
