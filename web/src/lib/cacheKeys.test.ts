import {beforeEach, describe, expect, test, vi} from 'vitest'
import {pageKey} from './cacheKeys.ts'
import type {Content, Page} from './content.ts'

/*
 * What a page's cacheKey answers to: what it shows, the pages and images that points at, and
 * the frame every page shares; and not to anything else. tests/src/incremental.test.ts checks
 * the same on real builds.
 */

const page = (id: string, title: string, parentId: string | null = null) =>
  ({_id: id, _type: 'page', title, slug: id, parentId}) as unknown as Page

/** A small site: home, about (under home), team (under about), privacy, and one image. */
function site(
  change: (parts: {pages: Page[]; navigation: unknown; images: Array<Record<string, unknown>>}) => void = () =>
    undefined,
): Content {
  const pages = [
    page('home', 'Home'),
    page('about', 'About', 'home'),
    page('team', 'Team', 'about'),
    page('privacy', 'Privacy'),
  ]
  const navigation = {main: [{link: {label: 'About', pageId: 'about'}}]}
  const images = [{_id: 'image-1', url: 'https://cdn.example/1.jpg', width: 10, height: 10}]
  const parts = {pages, navigation: navigation as unknown, images: images as Array<Record<string, unknown>>}
  change(parts)
  const paths = new Map(pages.map((p) => [p._id, `/${p.slug ?? ''}/`]))
  return {
    site: {pages, navigation: parts.navigation},
    settings: {name: 'ITSS', homePageId: 'home'},
    paths,
    pagesById: new Map(pages.map((p) => [p._id, p])),
    imagesById: new Map(images.map((image) => [image._id, image])),
    isDraftPreview: false,
    previewRelease: undefined,
    setAside: [],
  } as unknown as Content
}

const retitled = (id: string, title: string) =>
  site(({pages}) => {
    const found = pages.find((p) => p._id === id)
    if (found) found.title = title
  })

/** A news article that links the team page and shows an image. */
const shown = {_id: 'news-1', body: [{markDefs: [{page: {_ref: 'team'}}]}], image: {assetId: 'image-1'}}

describe("a page's cacheKey", () => {
  beforeEach(() => {
    vi.stubEnv('SITE_BUILD_CACHE', '.build-cache')
    return () => vi.unstubAllEnvs()
  })

  test('is left out of a build that keeps no cache, which would only spend time working it out', () => {
    vi.stubEnv('SITE_BUILD_CACHE', '')
    expect(pageKey(site(), shown)).toBe('')
  })

  test('is the same for the same content, fetched again', () => {
    expect(pageKey(site(), shown)).toBe(pageKey(site(), shown))
  })

  test('changes with the title of a page it links to, or of a page above that one (breadcrumbs, addresses)', () => {
    expect(pageKey(retitled('team', 'The team'), shown)).not.toBe(pageKey(site(), shown))
    expect(pageKey(retitled('about', 'About us'), shown)).not.toBe(pageKey(site(), shown))
  })

  test('does not change with a page it does not show', () => {
    expect(pageKey(retitled('privacy', 'Cookies'), shown)).toBe(pageKey(site(), shown))
  })

  test('changes with an image it shows', () => {
    const resized = site(({images}) => {
      if (images[0]) images[0].width = 20
    })
    expect(pageKey(resized, shown)).not.toBe(pageKey(site(), shown))
  })

  test('changes with the menu, which every page shows', () => {
    const relabelled = site((parts) => {
      parts.navigation = {main: [{link: {label: 'About the Institute', pageId: 'about'}}]}
    })
    expect(pageKey(relabelled, {_id: 'privacy'})).not.toBe(pageKey(site(), {_id: 'privacy'}))
  })

  test('of a list changes with a page that a document in the list links to', () => {
    const list = (content: Content) => pageKey(content, [1, [shown, {_id: 'news-2'}]])
    const before = site()
    expect(list(before)).toBe(list(before))
    expect(list(retitled('team', 'The team'))).not.toBe(list(before))
    expect(list(retitled('privacy', 'Cookies'))).toBe(list(before))
  })
})
