// The plain Astro build the scale benchmark compares against: the same pages from a JSON file,
// no CMS, no integrations. The benchmark copies this folder next to a `node_modules` link to
// web's packages and runs web's astro binary on the copy, so nothing here imports by name.
export default {
  output: 'static',
  trailingSlash: 'never',
  // As the real site builds: one HTML file per page, stylesheets as files.
  build: {format: 'file', inlineStylesheets: 'never'},
}
