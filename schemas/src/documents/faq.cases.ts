import {linkedText, set, text, unset, type ValidationCases} from '../validationCases.ts'

export const cases: ValidationCases = {
  faq: {
    valid: {
      _id: 'faq-valid',
      _type: 'faq',
      question: 'Who funds the Institute?',
      answer: [text('Research England.')],
      category: 'funding',
      order: 1,
    },
    broken: [
      {rule: 'question is required', field: 'question', change: unset('question')},
      {rule: 'question ends with ?', field: 'question', change: set({question: 'Who funds the Institute'})},
      {rule: 'answer is required', field: 'answer', change: unset('answer')},
      {
        rule: 'answer links use safe schemes',
        field: 'answer',
        build: 'answer[0].markDefs[0].href',
        change: set({answer: [linkedText('javascript:alert(1)')]}),
      },
      {rule: 'category is required', field: 'category', change: unset('category')},
      {rule: 'category is from the list', field: 'category', change: set({category: 'gossip'})},
      {rule: 'order is a whole number', field: 'order', change: set({order: 1.5})},
    ],
  },
}
