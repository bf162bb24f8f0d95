/**
 * Every fact in the content brief (shared/content-facts.md), where the demo dataset puts it,
 * and the exact strings a visitor should be able to read on that page.
 *
 * `path` is the page's address on the built site, as served (`/about-us/`). `expect` lists short strings that must appear
 * verbatim in the page's visible text. They come from the page itself or from the documents it
 * shows: FAQs on /about-us/faqs, team members on /about-us/meet-the-team (and the Research and
 * Policy Group on /what-we-do/research-and-policy), partners on /about-us/supporting-partners,
 * roadmap stages and quotes on /what-we-do/research-and-policy, milestones on /about-us, and the
 * footer's funder acknowledgement on every page. Milestone dates are written as the site renders
 * them: "2017" (year), "July 2026" (month) and "1 August 2023" (day).
 *
 * Counts such as "more than 115" and "over 120" are editable text. If editors change them, update
 * this list too.
 */
export interface ContentFact {
  /** The fact, in brief. */
  fact: string
  /** The page's address on the site, for example "/about-us/faqs/". */
  path: string
  /** Strings that must appear verbatim in the page's visible text. */
  expect: string[]
}

export const contentFacts: ContentFact[] = [
  // The organisation
  {
    fact: 'Name: UK Institute for Technical Skills and Strategy, short form ITSS, "the Institute"',
    path: '/',
    expect: ['UK Institute for Technical Skills and Strategy', 'ITSS', 'the Institute'],
  },
  {
    fact: 'Established 1 August 2023',
    path: '/',
    expect: ['1 August 2023'],
  },
  {
    fact: 'Established 1 August 2023, building on earlier programmes that champion technicians in UK higher education and research',
    path: '/about-us/',
    expect: ['1 August 2023', 'builds on earlier programmes', 'Technician Commitment', 'MI TALENT Programme'],
  },
  {
    fact: 'An explainer video exists (embed slot, URL set in site settings)',
    path: '/about-us/',
    expect: ['Watch our explainer video'],
  },
  {
    fact: 'Mission: accelerate and fulfil the potential of UK technical skills and careers across higher education, research and innovation',
    path: '/about-us/',
    expect: [
      'Our mission',
      'accelerate and fulfil the potential of UK technical skills and careers',
      'higher education, research and innovation',
    ],
  },
  {
    fact: 'Seven commitments behind the mission',
    path: '/about-us/',
    expect: [
      'Provide insight',
      'Influence policy',
      'Inspire innovation',
      'Foster integration',
      'Promote international leadership',
      'Strengthen industry connections',
      'Ensure the long-term sustainability of technical skills and careers',
    ],
  },
  {
    fact: 'Shared vision with the Technician Commitment and the MI TALENT Programme',
    path: '/about-us/',
    expect: [
      'Our shared vision',
      'Technician Commitment and the MI TALENT Programme',
      'science, engineering and the creative industries',
      'technical capability',
      'recognised, developed, respected and aspired to',
    ],
  },
  {
    fact: 'Governance: a core team delivers the programmes; an Advisory Board and a Technical Council guide strategic priorities',
    path: '/about-us/',
    expect: ['core team', 'delivers its programmes', 'Advisory Board', 'Technical Council', 'strategic priorities'],
  },
  {
    fact: 'Governance groups are shown on the meet the team page',
    path: '/about-us/meet-the-team/',
    expect: ['core team', 'Advisory Board', 'Technical Council', 'strategic priorities'],
  },
  {
    fact: 'A meet the team page and a supporting partners page exist (linked from About us)',
    path: '/about-us/',
    expect: ['Meet the team', 'Supporting partners', 'FAQs'],
  },
  {
    fact: 'Funding: Research England (part of UKRI) funds the Institute until July 2026',
    path: '/about-us/',
    expect: ['Research England', 'UK Research and Innovation (UKRI)', 'until July 2026'],
  },
  {
    fact: 'Funder acknowledgement in the footer of every page',
    path: '/',
    expect: ['funded by Research England, part of UK Research and Innovation (UKRI)'],
  },

  // Story timeline (milestones, shown on /about-us)
  {
    fact: 'Timeline heading',
    path: '/about-us/',
    expect: ['Our story so far'],
  },
  {
    fact: '2017: Technician Commitment launched; initially funded by the Gatsby Foundation; sector-wide initiative for visibility, recognition, career development and sustainability of technical staff',
    path: '/about-us/',
    expect: [
      '2017',
      'Technician Commitment launched',
      'Gatsby Foundation',
      'sector-wide initiative',
      'visibility, recognition, career development and sustainability of technical staff',
    ],
  },
  {
    fact: '2020: TALENT Programme launched (Research England funded, Midlands Innovation); a research laboratory piloting ideas with the Midlands technical community',
    path: '/about-us/',
    expect: [
      '2020',
      'TALENT Programme launched',
      'Midlands Innovation',
      'funded by Research England',
      'research laboratory',
    ],
  },
  {
    fact: '2022-02-01: TALENT Commission report published with 16 recommendations, one calling for a new collaborative entity giving the technical workforce connectivity, voice and visibility',
    path: '/about-us/',
    expect: [
      '1 February 2022',
      'TALENT Commission report published',
      '16 recommendations',
      'new collaborative entity',
      'connectivity, voice and visibility',
    ],
  },
  {
    fact: '2023-08-01: the Institute is established to scale up and scale out TALENT successes',
    path: '/about-us/',
    expect: ['1 August 2023', 'Institute established', 'scale up and scale out'],
  },
  {
    fact: '2025: MI TALENT Programme concludes',
    path: '/about-us/',
    expect: ['2025', 'MI TALENT Programme concludes'],
  },
  {
    fact: '2026-07: current Research England funding runs until this month',
    path: '/about-us/',
    expect: ['July 2026', 'Current funding period ends'],
  },

  // Figures
  {
    fact: 'More than 115 organisations have pledged support to the Technician Commitment (About page wording)',
    path: '/about-us/',
    expect: ['More than 115 organisations', 'pledged their support'],
  },
  {
    fact: 'Headline figures on the home page',
    path: '/',
    expect: [
      '115+',
      'pledged support to the Technician Commitment',
      '2,100',
      'technical professionals',
      'Midlands universities',
    ],
  },
  {
    fact: 'TALENT reached 2,100 technical professionals from eight Midlands universities: learning and development, access to funds, equipment-sharing initiatives',
    path: '/talent-programme/',
    expect: [
      '2,100 technical professionals',
      'eight Midlands universities',
      'learning and development',
      'access to funds',
      'equipment-sharing initiatives',
    ],
  },

  // FAQs
  {
    fact: 'FAQ: How is the Institute funded? (Research England, part of UKRI, until July 2026)',
    path: '/about-us/faqs/',
    expect: [
      'How is the Institute funded?',
      'Research England',
      'UK Research and Innovation (UKRI)',
      'until July 2026',
    ],
  },
  {
    fact: 'FAQ: the difference between the Institute, the Technician Commitment and the MI TALENT Programme',
    path: '/about-us/faqs/',
    expect: [
      'What is the difference between the Institute, the Technician Commitment and the MI TALENT Programme?',
      'launched in 2017',
      'The Gatsby Foundation funded it at first',
      'the Institute now hosts it',
      'More than 115 organisations',
      'ran from 2020 to 2025',
      'funded by Research England',
      'piloted new ideas in the Midlands',
      'TALENT Commission report',
      'best pilots',
      'scales them out',
      'national networks',
      'adopted globally',
    ],
  },
  {
    fact: 'FAQ: How do I find out more about the Technician Commitment? (links to its page)',
    path: '/about-us/faqs/',
    expect: ['How do I find out more about the Technician Commitment?', 'Technician Commitment page'],
  },

  // Research and Policy Group
  {
    fact: 'Aim: advance knowledge and shape policy on technical skills, roles and careers',
    path: '/what-we-do/research-and-policy/',
    expect: ['advance knowledge and shape policy on technical skills, roles and careers'],
  },
  {
    fact: 'Publishes scholarly research and insight reports on topical issues; influences policy',
    path: '/what-we-do/research-and-policy/',
    expect: ['scholarly research and insight reports on topical issues', 'influence policy'],
  },
  {
    fact: 'Research activity: workforce analysis and evaluation; research papers; hot-topic insight reports; an agile approach',
    path: '/what-we-do/research-and-policy/',
    expect: [
      'analysis and evaluation of the technical workforce',
      'education and training',
      'research papers',
      'practical interventions',
      'hot-topic insight reports',
      'government and funders',
      'agile approach',
    ],
  },
  {
    fact: 'Roadmap stage 1: Map the landscape (data sources on demographics, patterns and trends over time)',
    path: '/what-we-do/research-and-policy/',
    expect: [
      'Our research roadmap',
      'Map the landscape',
      'data sources',
      'demographics',
      'patterns and trends over time',
    ],
  },
  {
    fact: 'Roadmap stage 2: Understand the landscape (evidence base on diverse technical roles; organisational attitudes and practices)',
    path: '/what-we-do/research-and-policy/',
    expect: [
      'Understand the landscape',
      'stronger evidence base',
      'organisational attitudes and practices around technical careers',
    ],
  },
  {
    fact: 'Roadmap stage 3: Transform the landscape (evaluate impact, find barriers, design interventions; two outcomes)',
    path: '/what-we-do/research-and-policy/',
    expect: [
      'Transform the landscape',
      'Technician Commitment, the TALENT pilots',
      'barriers in existing initiatives',
      'research-informed interventions',
      'Influence government and policymakers',
      'Empower organisations to make sustainable change',
    ],
  },
  {
    fact: 'Policy: collaborates with stakeholders so the UK has the technical skills it needs; links to the policy work page',
    path: '/what-we-do/research-and-policy/',
    expect: [
      'stakeholders',
      'science, technology, engineering, medicine and the creative industries',
      'our policy work',
    ],
  },
  {
    fact: 'Policy work page',
    path: '/what-we-do/research-and-policy/policy-work/',
    expect: ['Policy work', 'stakeholders', 'science, technology, engineering, medicine and the creative industries'],
  },
  {
    fact: 'Professor Andrew Noyes, Lead for the ITSS Research and Policy Group (placeholder quote)',
    path: '/what-we-do/research-and-policy/',
    expect: ['Professor Andrew Noyes', 'Lead for the ITSS Research and Policy Group', 'Placeholder'],
  },
  {
    fact: 'Quote from an Experimental Scientific Officer at Newcastle University (placeholder)',
    path: '/what-we-do/research-and-policy/',
    expect: ['Experimental Scientific Officer', 'Newcastle University'],
  },

  // More facts from public pages
  {
    fact: 'Leadership: Dr Kelly Vere, Director; Dr Ian Hancox (University of Warwick), Co-Director',
    path: '/about-us/meet-the-team/',
    expect: ['Dr Kelly Vere', 'Director', 'Dr Ian Hancox', 'Co-Director (University of Warwick)'],
  },
  {
    fact: 'Professor Andrew Noyes on the meet the team page',
    path: '/about-us/meet-the-team/',
    expect: ['Professor Andrew Noyes', 'Lead for the ITSS Research and Policy Group'],
  },
  {
    fact: 'Funding and host: about £5.5m from Research England; hosted by the University of Nottingham (Jubilee Campus); announced March 2023, opened 1 August 2023',
    path: '/about-us/',
    expect: ['about £5.5m', 'University of Nottingham', 'Jubilee Campus', 'March 2023', 'opened on 1 August 2023'],
  },
  {
    fact: 'Funding figure on the home page',
    path: '/',
    expect: ['£5.5m', 'University of Nottingham'],
  },
  {
    fact: 'Four pillars at launch: insight, influence, innovation, integration',
    path: '/',
    expect: ['four pillars', 'Insight', 'Influence', 'Innovation', 'Integration'],
  },
  {
    fact: 'Technical Council: 14 inaugural members chosen competitively; meets three times a year, hosted by members in turn; co-chairs Paul Gilbert and Andrew Filby',
    path: '/about-us/',
    expect: [
      '14 inaugural members',
      'competitive process',
      'three times a year',
      'take turns to host',
      'Paul Gilbert',
      'Andrew Filby',
      'co-chairs',
    ],
  },
  {
    fact: 'Technical Council co-chairs on the meet the team page',
    path: '/about-us/meet-the-team/',
    expect: [
      'Paul Gilbert',
      'Andrew Filby',
      'Co-chair of the Technical Council',
      '14 inaugural members',
      'three times a year',
    ],
  },
  {
    fact: 'Technician Commitment: launched in 2017 by the Science Council with the Gatsby Foundation; now hosted by the Institute',
    path: '/technician-commitment/',
    expect: [
      'Science Council',
      'in 2017',
      'Gatsby Foundation',
      'funded it at first',
      'The Institute now hosts the Technician Commitment',
    ],
  },
  {
    fact: 'Technician Commitment: four themes',
    path: '/technician-commitment/',
    expect: ['four themes', 'Visibility', 'Recognition', 'Career development', 'Sustainability'],
  },
  {
    fact: 'Signatories self-assess and publish an action plan within 12 to 18 months of joining, then every two years',
    path: '/technician-commitment/',
    expect: ['12 to 18 months', 'self-assessment', 'action plan', 'every two years'],
  },
  {
    fact: 'Other pages count over 120 signatory and supporter organisations (editable)',
    path: '/technician-commitment/',
    expect: ['Over 120 organisations', 'signatories or supporters'],
  },
  {
    fact: 'TALENT: 2020 to 2025, Research England funded, Midlands Innovation, a research laboratory piloting ideas',
    path: '/talent-programme/',
    expect: ['2020 to 2025', 'Midlands Innovation', 'funded by Research England', 'research laboratory'],
  },
  {
    fact: 'Midlands Innovation universities: Aston, Birmingham, Cranfield, Keele, Leicester, Loughborough, Nottingham, Warwick',
    path: '/talent-programme/',
    expect: ['Aston', 'Birmingham', 'Cranfield', 'Keele', 'Leicester', 'Loughborough', 'Nottingham', 'Warwick'],
  },
  {
    fact: 'TALENT Commission: 20 months under its chair Professor Sir John Holman; report of 1 February 2022 with 16 recommendations',
    path: '/talent-programme/',
    expect: [
      'TALENT Commission',
      '20 months',
      'Professor Sir John Holman',
      '1 February 2022',
      '16 recommendations',
      'connectivity, voice and visibility',
    ],
  },
  {
    fact: 'MI TALENT Programme concluded in 2025; the Institute scales up and scales out its successes',
    path: '/talent-programme/',
    expect: ['concluded in 2025', 'scale up and scale out', 'best pilots', 'national networks'],
  },
  {
    fact: 'Supporting organisations by kind: Research England / UKRI (funder), University of Nottingham (host), Gatsby Foundation, Science Council, Midlands Innovation',
    path: '/about-us/supporting-partners/',
    expect: [
      'Research England',
      'UK Research and Innovation (UKRI)',
      'University of Nottingham',
      'Gatsby Foundation',
      'founding funder of the Technician Commitment',
      'Science Council',
      'Midlands Innovation',
    ],
  },

  // News (dated facts only: the Technical Council's first members have no date in the brief, so no article)
  {
    fact: 'TALENT Commission report published 1 February 2022: 16 recommendations, one for a new collaborative entity; chaired by Professor Sir John Holman after 20 months',
    path: '/news/talent-commission-report/',
    expect: [
      '1 February 2022',
      '16 recommendations',
      'new collaborative entity',
      'connectivity, voice and visibility',
      'Professor Sir John Holman',
      '20 months',
    ],
  },
  {
    fact: 'The Institute opened 1 August 2023: announced in March 2023, hosted by the University of Nottingham, about £5.5m from Research England',
    path: '/news/institute-opens/',
    expect: ['1 August 2023', 'March 2023', 'University of Nottingham', '£5.5m', 'Research England'],
  },
  {
    fact: 'News is listed newest first, and the home page shows the latest',
    path: '/news/',
    expect: ['1 August 2023', '1 February 2022', 'Subscribe to news (RSS)'],
  },
  {
    fact: 'The home page shows the latest news',
    path: '/',
    expect: ['Latest news', 'The UK Institute for Technical Skills and Strategy opens'],
  },
  {
    fact: 'The TALENT Commission report: published 1 February 2022, 16 recommendations, 20 months under its chair, Professor Sir John Holman',
    path: '/publications/talent-commission-report/',
    expect: [
      '1 February 2022',
      '16 recommendations',
      '20 months',
      'Professor Sir John Holman',
      'TALENT Commission (2022)',
      'UK Institute for Technical Skills and Strategy',
    ],
  },
  {
    fact: 'The TALENT Commission report’s PDF is an example file until the Institute uploads the report',
    path: '/publications/talent-commission-report/',
    expect: ['Example file: replace with the report', 'PDF, 1 KB, 1 page'],
  },
  {
    fact: 'Publications are listed newest first, with a feed and filters',
    path: '/publications/',
    expect: [
      'The TALENT Commission report',
      '1 February 2022',
      'Subscribe to publications (RSS)',
      'Filter publications',
    ],
  },
  {
    fact: 'The Research and Policy page lists the latest publications',
    path: '/what-we-do/research-and-policy/',
    expect: ['Latest publications', 'The TALENT Commission report'],
  },
  {
    fact: 'Breadcrumbs on news pages (Home » News)',
    path: '/news/institute-opens/',
    expect: ['Home', 'News'],
  },

  // Information architecture
  {
    fact: 'Home links to About us, Research and Policy, Technician Commitment and TALENT Programme',
    path: '/',
    expect: ['About us', 'Research and Policy', 'Technician Commitment', 'TALENT Programme'],
  },
  {
    fact: 'What we do leads to Research and Policy, the Technician Commitment and the TALENT Programme',
    path: '/what-we-do/',
    expect: ['Research and Policy', 'Technician Commitment', 'TALENT Programme'],
  },
  {
    fact: 'Breadcrumbs on inner pages (Home » About us)',
    path: '/about-us/faqs/',
    expect: ['Home', 'About us', 'FAQs'],
  },
]
