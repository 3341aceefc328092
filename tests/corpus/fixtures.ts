import type { ArticleInput } from '../../lib/types';

// Invented articles: one story told by four outlets (one of them a wire copy
// reprinted word for word by a fifth), and an unrelated story.
const WIRE_TEXT = [
  'The Harbor Bridge in Port Ellison will close for repairs on Monday, city engineers said on Friday.',
  'Engineers found cracks in two steel support beams during a routine inspection last month.',
  'About 40,000 vehicles cross the bridge every day, according to the transport department.',
  '"We cannot keep the bridge open safely," chief engineer Dana Whitlock told reporters.',
  'Ferry services across the harbor will run every fifteen minutes while the bridge is closed.',
].join(' ');

export const BRIDGE: ArticleInput[] = [
  {
    url: 'https://wire.example/news/harbor-bridge-closure',
    outlet: 'Coastal Wire',
    title: 'Harbor Bridge to close for repairs after cracks found',
    publishedAt: '2024-03-01T09:00:00Z',
    text: WIRE_TEXT,
  },
  {
    url: 'https://www.ledger.example/local/bridge-closing?utm_source=feed',
    outlet: 'The Daily Ledger',
    title: 'Port Ellison closes Harbor Bridge over cracked beams',
    publishedAt: '2024-03-01T11:00:00Z',
    text: [
      'Port Ellison will shut the Harbor Bridge for repairs starting Monday, city engineers announced Friday.',
      'A routine inspection last month found cracks in two steel support beams, the engineers said.',
      'About 55,000 vehicles cross the bridge every day, according to the transport department.',
      'Residents complained that the closure came with little warning.',
      'Chief engineer Dana Whitlock said the bridge could not be kept open safely.',
    ].join('\n\n'),
  },
  {
    url: 'https://courier.example/2024/03/01/harbor-bridge',
    outlet: 'Evening Courier',
    title: 'Cracks force Harbor Bridge closure in Port Ellison',
    publishedAt: '2024-03-01T13:00:00Z',
    text: [
      'Cracks discovered in two steel support beams will force the Harbor Bridge in Port Ellison to close on Monday.',
      'Engineers reportedly found the cracks during a routine inspection last month.',
      'Ferries across the harbor will run every fifteen minutes while the bridge is shut, officials said.',
      'Local shop owners fear the closure will cost them customers.',
    ].join(' '),
  },
  {
    url: 'https://gazette.example/wire/harbor-bridge-closure',
    outlet: 'Valley Gazette',
    title: 'Harbor Bridge to close for repairs after cracks found',
    publishedAt: '2024-03-01T10:00:00Z',
    text: WIRE_TEXT,
  },
];

export const FESTIVAL: ArticleInput = {
  url: 'https://ledger.example/life/cider-festival',
  outlet: 'The Daily Ledger',
  title: 'Orchard cider festival draws record crowds',
  publishedAt: '2024-03-02T10:00:00Z',
  text: [
    'The annual orchard cider festival in Millbrook drew a record crowd of 12,000 visitors on Saturday.',
    'Local growers poured more than forty varieties of apple and pear cider.',
    'Organizers said next year’s festival will move to a larger field by the river.',
  ].join(' '),
};

export const MILLEY: ArticleInput = {
  url: 'https://ledger.example/world/iraq-letter',
  outlet: 'The Daily Ledger',
  title: 'Pentagon letter on Iraq troops was a draft, officials say',
  publishedAt: '2020-01-07T10:00:00Z',
  text: [
    'A letter suggesting American troops would leave Iraq was an unsigned draft, Pentagon officials said on Monday.',
    '“Poorly worded, implies withdrawal,” Gen. Milley said.',
    'Defense Secretary Mark Esper said no decision had been made to leave.',
  ].join(' '),
};

// Earlier, unrelated reading: the matcher weighs words by how rare they are
// among stored sentences, which needs a store with some history.
export const HISTORY: ArticleInput[] = [
  {
    url: 'https://ledger.example/sport/rowing-regatta',
    outlet: 'The Daily Ledger',
    title: 'University crews battle wind at spring regatta',
    publishedAt: '2024-02-10T10:00:00Z',
    text: [
      'Strong crosswinds slowed the university crews at the spring regatta on the lake.',
      'The women’s eight from Halden College won their final by half a length.',
      'Two boats capsized near the start line, although nobody was hurt.',
      'Organizers shortened the course to fifteen hundred meters after lunch.',
      'Spectators lined the northern shore despite the cold drizzle.',
      'The autumn head race will be held in October as usual.',
    ].join(' '),
  },
  {
    url: 'https://courier.example/2024/02/12/library-hours',
    outlet: 'Evening Courier',
    title: 'Libraries extend evening hours for students',
    publishedAt: '2024-02-12T10:00:00Z',
    text: [
      'Public libraries across the county will stay open until nine in the evening from March.',
      'Librarians said students asked for quiet study space before exams.',
      'The extra hours cost about eighty thousand dollars a year, paid by a state grant.',
      'Volunteers will staff the reading rooms on weekends.',
      'A pilot scheme last winter drew more visitors than expected.',
      'Branches in rural towns will open on Sunday afternoons for the first time.',
    ].join(' '),
  },
  {
    url: 'https://wire.example/news/vaccine-trial-results',
    outlet: 'Coastal Wire',
    title: 'Malaria vaccine trial shows strong protection in children',
    publishedAt: '2024-02-14T10:00:00Z',
    text: [
      'A malaria vaccine protected most children in a large clinical trial, researchers reported on Wednesday.',
      'The study followed nearly five thousand toddlers in three countries for two years.',
      'Side effects were mild, mostly fever and soreness at the injection site.',
      'Health ministries hope to begin vaccination campaigns before the rainy season.',
      'Manufacturing enough doses remains the biggest obstacle, the researchers warned.',
      'The results were published in a medical journal after peer review.',
    ].join(' '),
  },
  {
    url: 'https://gazette.example/farming/drought-wheat',
    outlet: 'Valley Gazette',
    title: 'Drought cuts wheat harvest on the plains',
    publishedAt: '2024-02-16T10:00:00Z',
    text: [
      'Months without rain have shrunk the wheat harvest on the western plains.',
      'Farmers expect yields a third below the ten-year average.',
      'Some growers sold cattle early because pastures dried up.',
      'The agriculture office opened emergency loans for families hit hardest.',
      'Grain prices at the regional market climbed sharply in January.',
      'Forecasters see little relief before the summer storms.',
    ].join(' '),
  },
];
