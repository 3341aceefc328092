import type { OutletReport, PageAnnotation } from '../../lib/types';

export const ARTICLE_HTML = `<header><nav>Home · World</nav></header>
<main><article id="story">
  <h1>Iraq asks troops to leave</h1>
  <p>Iraq's caretaker prime minister said on <b>Tuesday</b> that the vote was a
     "sovereign decision ordering our departure". <a href="/more">Officials</a> disagreed.</p>
  <p>About 5,200 U.S. troops are stationed in the country.</p>
</article></main>
<footer>© Outlet</footer>`;

const report = (over: Partial<OutletReport>): OutletReport => ({
  outlet: 'The Daily Ledger',
  articleId: 'ledger-1',
  url: 'https://ledger.test/iraq',
  title: 'Iraq vote',
  publishedAt: '2020-01-07T10:00:00Z',
  sentence: 'Some sentence.',
  fragmentUrl: 'https://ledger.test/iraq#:~:text=Some%20sentence.',
  score: 0.9,
  reasons: [],
  differences: [],
  ...over,
});

export const ANNOTATION: PageAnnotation = {
  articleId: 'here-1',
  storyId: 'story-1',
  outlet: 'Here News',
  storyOutlets: ['The Daily Ledger', 'Wire Service'],
  sentenceCount: 4,
  marked: [
    {
      index: 1,
      start: 0,
      end: 0,
      text: 'Iraq\u2019s caretaker prime minister said on Tuesday that the vote was a \u201csovereign decision ordering our departure\u201d.',
      reports: [
        report({
          sentence: 'The prime minister called it a "sovereignty decision to order our departure".',
          reasons: [
            { kind: 'quotation', evidence: ['decision', 'departure'] },
            { kind: 'names', evidence: ['Iraq'] },
          ],
          differences: [
            {
              kind: 'quote-wording',
              a: 'sovereign decision ordering our departure',
              b: 'sovereignty decision to order our departure',
              label: 'quotation worded differently',
            },
          ],
        }),
        report({
          outlet: 'Wire Service',
          articleId: 'wire-1',
          url: 'https://wire.test/a',
          sentence: 'Iraq\u2019s prime minister said the vote was sovereign.',
          fragmentUrl: 'https://wire.test/a#:~:text=Iraq',
          reprintedBy: ['Metro Post', 'Evening Star'],
          differences: [{ kind: 'hedging', a: 'said', b: 'reportedly said', label: 'hedged vs. stated' }],
        }),
      ],
    },
    {
      index: 3,
      start: 0,
      end: 0,
      text: 'About 5,200 U.S. troops are stationed in the country.',
      reports: [
        report({
          sentence: 'Some 5,000 American troops are in Iraq.',
          differences: [{ kind: 'number', a: 'About 5,200', b: 'Some 5,000', label: 'number differs' }],
        }),
      ],
    },
    { index: 9, start: 0, end: 0, text: 'A sentence this page does not have.', reports: [report({})] },
  ],
};
