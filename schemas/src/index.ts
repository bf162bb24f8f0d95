import {event} from './documents/event.ts'
import {faq} from './documents/faq.ts'
import {milestone} from './documents/milestone.ts'
import {newsArticle} from './documents/newsArticle.ts'
import {page} from './documents/page.ts'
import {partner} from './documents/partner.ts'
import {publication} from './documents/publication.ts'
import {quote} from './documents/quote.ts'
import {redirect} from './documents/redirect.ts'
import {roadmapStage} from './documents/roadmapStage.ts'
import {teamMember} from './documents/teamMember.ts'
import {topic} from './documents/topic.ts'
import {accessibleImage} from './objects/accessibleImage.ts'
import {link} from './objects/link.ts'
import {navItem} from './objects/navItem.ts'
import {richText} from './objects/richText.ts'
import {seo} from './objects/seo.ts'
import {commitmentsSection} from './sections/commitmentsSection.ts'
import {faqSection} from './sections/faqSection.ts'
import {pageCardsSection} from './sections/pageCardsSection.ts'
import {partnerSection} from './sections/partnerSection.ts'
import {publicationsSection} from './sections/publicationsSection.ts'
import {quoteSection} from './sections/quoteSection.ts'
import {roadmapSection} from './sections/roadmapSection.ts'
import {statsSection} from './sections/statsSection.ts'
import {teamSection} from './sections/teamSection.ts'
import {textSection} from './sections/textSection.ts'
import {timelineSection} from './sections/timelineSection.ts'
import {videoSection} from './sections/videoSection.ts'
import {navigation} from './singletons/navigation.ts'
import {siteSettings} from './singletons/siteSettings.ts'
import {PAGE_SECTION_TYPES, type PageSectionType} from './vocabulary.ts'

export const documentTypes = [
  page,
  faq,
  teamMember,
  partner,
  roadmapStage,
  milestone,
  quote,
  newsArticle,
  topic,
  publication,
  event,
  redirect,
]
export const singletonTypes = [siteSettings, navigation]
export const objectTypes = [link, accessibleImage, richText, seo, navItem]
/**
 * The schema of each page section type, by name. PAGE_SECTION_TYPES (Sanity-free, for the
 * site) is the list: a listed type with no schema here, a schema the list lacks, or a schema
 * filed under another type's name is a type error.
 */
const sectionSchemas = {
  textSection,
  statsSection,
  pageCardsSection,
  commitmentsSection,
  timelineSection,
  videoSection,
  faqSection,
  teamSection,
  partnerSection,
  roadmapSection,
  quoteSection,
  publicationsSection,
} satisfies {[Name in PageSectionType]: {name: Name}}

/** In the order the Studio offers them. */
export const sectionTypes = PAGE_SECTION_TYPES.map((name) => sectionSchemas[name])

export const schemaTypes = [...documentTypes, ...singletonTypes, ...objectTypes, ...sectionTypes]

/** Singleton document types, whose one document's id is the type name. */
export const SINGLETON_IDS = singletonTypes.map((type) => type.name)

export {ALT_MISSING_MESSAGE} from './objects/accessibleImage.ts'
export * from './rules.ts'
export * from './vocabulary.ts'
