import {FAQ_ORDER, MILESTONE_ORDER, PARTNER_ORDER, ROADMAP_ORDER, TEAM_ORDER} from '@itss/schemas/lists'
import {defineQuery} from 'groq'

/*
 * Every GROQ query the site runs. The build asks for the whole site in one request and
 * resolves references in memory: `->` in groq-js scans the dataset once per use.
 */

const link = /* groq */ `{label, href, section, "pageId": page._ref}`
const image = /* groq */ `{alt, decorative, crop, hotspot, "assetId": asset._ref}`

export const siteQuery = defineQuery(`{
  "settings": *[_type == "siteSettings" && _id == "siteSettings"][0]{
    name, shortName, description, funderAcknowledgement, contactEmail, address,
    explainerVideoUrl, "homePageId": homePage._ref,
    footerLinks[]${link},
    socialImage${image}
  },
  "navigation": *[_type == "navigation" && _id == "navigation"][0]{
    main[]{_key, "link": link${link}, children[]${link}}
  },
  "pages": *[_type == "page"] | order(title asc){
    _id, _type, title, "slug": slug.current, "parentId": parent._ref, summary, seo{title, description, noIndex, image${image}},
    body[]{
      ...,
      _type == "quoteSection" => {"quoteId": quote._ref},
      _type == "pageCardsSection" => {"pageIds": pages[]._ref}
    }
  },
  "faqs": *[_type == "faq"] | order(${FAQ_ORDER}){_id, _type, question, answer, category},
  "team": *[_type == "teamMember"] | order(${TEAM_ORDER}){_id, _type, name, role, group, bio, photo${image}, links[]${link}},
  "partners": *[_type == "partner"] | order(${PARTNER_ORDER}){_id, _type, name, kind, description, url, logo${image}},
  "roadmap": *[_type == "roadmapStage"] | order(${ROADMAP_ORDER}){_id, _type, stage, title, summary, body, outcomes},
  "milestones": *[_type == "milestone"] | order(${MILESTONE_ORDER}){_id, _type, date, precision, title, summary},
  "quotes": *[_type == "quote"]{_id, _type, text, attribution, role, placeholder},
  "topics": *[_type == "topic"] | order(title asc, _id asc){_id, _type, title, "slug": slug.current, description},
  "news": *[_type == "newsArticle"] | order(date desc, _id asc){
    _id, _type, title, "slug": slug.current, date, updated, summary, body, image${image},
    "topicIds": topics[]._ref, "relatedIds": related[]._ref
  },
  "publications": *[_type == "publication"] | order(date desc, _id asc){
    _id, _type, title, "slug": slug.current, kind, date, summary, body, url, doi, image${image},
    "fileId": file.asset._ref, authors[]{_key, _type, "memberId": _ref, name, affiliation},
    "topicIds": topics[]._ref, "roadmapStageId": roadmapStage._ref, "relatedIds": related[]._ref, placeholder
  },
  "files": *[_type == "sanity.fileAsset"]{_id, url, size, mimeType, extension},
  "events": *[_type == "event"] | order(start asc, _id asc){
    _id, _type, _createdAt, _updatedAt, title, "slug": slug.current, start, end, format, venue, address, joining,
    registrationUrl, registrationCloses, status, summary, body, "topicIds": topics[]._ref, example
  },
  "redirects": *[_type == "redirect"] | order(_id asc){_id, from, "toId": to._ref, toAddress, kind},
  "images": *[_type == "sanity.imageAsset"]{_id, url, extension, "width": metadata.dimensions.width, "height": metadata.dimensions.height}
}`)
