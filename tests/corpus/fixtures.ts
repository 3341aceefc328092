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
      'Roughly 55,000 vehicles cross the bridge each day, the transport department said.',
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
