import {image, set, unset, type ValidationCases} from '../validationCases.ts'

export const cases: ValidationCases = {
  teamMember: {
    valid: {
      _id: 'team-valid',
      _type: 'teamMember',
      name: 'Alex Example',
      role: 'Technician',
      group: 'technicalCouncil',
      order: 0,
      photo: image,
    },
    broken: [
      {rule: 'name is required', field: 'name', change: unset('name')},
      {rule: 'role is required', field: 'role', change: unset('role')},
      {rule: 'group is from the list', field: 'group', change: set({group: 'friends'})},
      {
        rule: 'photo has alt text or is decorative',
        field: 'photo',
        build: 'photo.alt',
        change: set({photo: {...image, alt: ''}}),
      },
      {rule: 'bio is short', field: 'bio', change: set({bio: 'x'.repeat(601)})},
      {
        rule: 'links use safe schemes',
        field: 'links',
        build: 'links[0].href',
        change: set({links: [{_type: 'link', _key: 'l1', label: 'Profile', href: ' data:text/html,hi'}]}),
      },
      {rule: 'order is required', field: 'order', change: unset('order')},
    ],
  },
}
