import {TEAM_GROUPS} from '@itss/schemas'
import {API_VERSION} from '@itss/schemas/api'
import type {StructureResolver} from 'sanity/structure'

/** Types the list above places by hand; any other document type is listed after them. */
const PLACED_TYPES = new Set([
  'siteSettings',
  'navigation',
  'page',
  'faq',
  'teamMember',
  'partner',
  'roadmapStage',
  'milestone',
  'quote',
  'newsArticle',
  'topic',
  'publication',
  'event',
  'redirect',
])

/** Singletons open straight into their one document. */
const singleton = (S: Parameters<StructureResolver>[0], type: string, title: string) =>
  S.listItem().title(title).id(type).child(S.document().schemaType(type).documentId(type).title(title))

/** The Studio's left-hand menu, in the order the communications team works. */
export const structure: StructureResolver = (S) =>
  S.list()
    .title('Content')
    .items([
      singleton(S, 'siteSettings', 'Site settings'),
      singleton(S, 'navigation', 'Navigation'),
      S.divider(),
      S.documentTypeListItem('page').title('Pages'),
      S.listItem()
        .title('News')
        .schemaType('newsArticle')
        .child(
          S.documentTypeList('newsArticle')
            .title('News')
            .defaultOrdering([{field: 'date', direction: 'desc'}]),
        ),
      S.listItem()
        .title('Publications')
        .schemaType('publication')
        .child(
          S.documentTypeList('publication')
            .title('Publications')
            .defaultOrdering([{field: 'date', direction: 'desc'}]),
        ),
      S.listItem()
        .title('Events')
        .schemaType('event')
        .child(
          S.list()
            .title('Events')
            .items([
              S.listItem()
                .title('Upcoming')
                .id('upcoming')
                .schemaType('event')
                .child(
                  S.documentList()
                    .title('Upcoming events')
                    .schemaType('event')
                    .apiVersion(API_VERSION)
                    // As on the site, an event under way is upcoming until it ends. now() is a
                    // string: a dateTime compared with it is null, which lists nothing.
                    .filter('_type == "event" && (!defined(end) || dateTime(end) >= dateTime(now()))')
                    .defaultOrdering([{field: 'start', direction: 'asc'}]),
                ),
              S.listItem()
                .title('Past')
                .id('past')
                .schemaType('event')
                .child(
                  S.documentList()
                    .title('Past events')
                    .schemaType('event')
                    .apiVersion(API_VERSION)
                    .filter('_type == "event" && dateTime(end) < dateTime(now())')
                    .defaultOrdering([{field: 'start', direction: 'desc'}]),
                ),
            ]),
        ),
      S.listItem()
        .title('Topics')
        .schemaType('topic')
        .child(
          S.documentTypeList('topic')
            .title('Topics')
            .defaultOrdering([{field: 'title', direction: 'asc'}]),
        ),
      S.listItem()
        .title('FAQs')
        .schemaType('faq')
        .child(
          S.documentTypeList('faq')
            .title('FAQs')
            .defaultOrdering([{field: 'order', direction: 'asc'}]),
        ),
      S.listItem()
        .title('Team')
        .schemaType('teamMember')
        .child(
          S.list()
            .title('Team')
            .items(
              TEAM_GROUPS.map((group) =>
                S.listItem()
                  .title(group.title)
                  .id(group.value)
                  .schemaType('teamMember')
                  .child(
                    S.documentTypeList('teamMember')
                      .title(group.title)
                      .filter('_type == "teamMember" && group == $group')
                      .apiVersion(API_VERSION)
                      .params({group: group.value})
                      .defaultOrdering([{field: 'order', direction: 'asc'}])
                      .initialValueTemplates([S.initialValueTemplateItem('teamMember-by-group', {group: group.value})]),
                  ),
              ),
            ),
        ),
      S.documentTypeListItem('partner').title('Partners'),
      S.listItem()
        .title('Research roadmap')
        .schemaType('roadmapStage')
        .child(
          S.documentTypeList('roadmapStage')
            .title('Research roadmap')
            .defaultOrdering([{field: 'stage', direction: 'asc'}]),
        ),
      S.listItem()
        .title('Milestones')
        .schemaType('milestone')
        .child(
          S.documentTypeList('milestone')
            .title('Milestones')
            .defaultOrdering([{field: 'date', direction: 'asc'}]),
        ),
      S.documentTypeListItem('quote').title('Quotes'),
      S.divider(),
      S.listItem()
        .title('Redirects')
        .schemaType('redirect')
        .child(
          S.documentTypeList('redirect')
            .title('Redirects')
            .defaultOrdering([{field: 'from', direction: 'asc'}]),
        ),
      // Types added later (for example by `pnpm new:type`) appear here until placed above.
      ...S.documentTypeListItems().filter((item) => !PLACED_TYPES.has(item.getId() ?? '')),
    ])
