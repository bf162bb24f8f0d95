import {expect, test} from 'vitest'
import {renderRichText} from './portableText.ts'

const linked = (href: string) => [
  {
    _type: 'block',
    _key: 'b',
    style: 'normal',
    markDefs: [{_key: 'm', _type: 'link', href}],
    children: [{_type: 'span', _key: 's', text: 'Read more', marks: ['m']}],
  },
]
const noPages = () => undefined

test.each([
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  ' java\tscript:x',
  '&#106;avascript:x',
  'data:text/html,x',
  'vbscript:x',
])('drops the link but keeps the words for %j', (href) => {
  const html = renderRichText(linked(href), noPages)
  expect(html).toBe('<p>Read more</p>')
})

test('keeps safe links, escaping the address', () => {
  expect(renderRichText(linked('https://example.org/?a=1&b="2"'), noPages)).toBe(
    '<p><a href="https://example.org/?a=1&amp;b=&quot;2&quot;">Read more</a></p>',
  )
})

test('links to pages by their path', () => {
  const blocks = [
    {
      _type: 'block',
      _key: 'b',
      style: 'normal',
      markDefs: [{_key: 'm', _type: 'internalLink', page: {_ref: 'page-faqs'}}],
      children: [{_type: 'span', _key: 's', text: 'FAQs', marks: ['m']}],
    },
  ]
  expect(renderRichText(blocks, (id) => (id === 'page-faqs' ? '/about-us/faqs' : undefined))).toBe(
    '<p><a href="/about-us/faqs">FAQs</a></p>',
  )
})

test('refuses to render what it does not know', () => {
  expect(() => renderRichText([{_type: 'rawHtml', _key: 'x', html: '<script>'}], noPages)).toThrow(/rawHtml/)
})
