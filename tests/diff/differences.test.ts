import { describe, expect, test } from 'vitest';
import { SHOWN_TYPES } from '../../lib/diff/config';
import { findAllDifferences, findDifferences, reverseDifference, typeOfKind, wordDiff } from '../../lib/diff/differences';
import { analyseSentence } from '../../lib/text/analyse';
import type { DifferenceKind } from '../../lib/types';

// Every type the finder computes; what a reader is shown is tested below.
const diff = (a: string, b: string) => findAllDifferences(analyseSentence(a), analyseSentence(b));
const kinds = (a: string, b: string): DifferenceKind[] => diff(a, b).map((d) => d.kind);

describe('findDifferences flags', () => {
  test.each<[string, string, string, DifferenceKind, string, string]>([
    ['number', 'The US has about 5000 troops in Iraq.', 'The US has some 5,200 troops in Iraq.', 'number', '5000', '5,200'],
    ['number in words', 'Germany withdrew thirty-two soldiers.', 'Germany withdrew 23 soldiers.', 'number', 'thirty-two', '23'],
    [
      'days of the week',
      'The strike at the port began on Monday.',
      'The strike at the port began on Tuesday.',
      'number',
      'Monday',
      'Tuesday',
    ],
    [
      'one crowd two sizes',
      'Police said 20,000 people marched in Athens.',
      'Police said about 30,000 people marched through Athens.',
      'number',
      '20,000',
      '30,000',
    ],
    [
      'name spelling by skeleton',
      'The letter was signed by William H. Seely.',
      'The letter was signed by William H. Sili.',
      'name-spelling',
      'Seely',
      'Sili',
    ],
    [
      'name spelling by edit distance',
      'The strike killed Qassem Soleimani.',
      'The strike killed Qassem Suleimani.',
      'name-spelling',
      'Soleimani',
      'Suleimani',
    ],
    [
      'name spelling with Q and K',
      'The strike killed General Qassem Soleimani.',
      'The strike killed General Kasem Soleimani.',
      'name-spelling',
      'Qassem',
      'Kasem',
    ],
    [
      'quotation wording',
      '“We respect your sovereign decision ordering our departure,” the letter said.',
      'The letter said: “We respect your sovereignty decision to order our departure.”',
      'quote-wording',
      'sovereign decision ordering our departure',
      'sovereignty decision to order our departure',
    ],
    ['attribution', '“It was a draft,” Gen. Milley said.', '“It was a draft,” Mr Esper said.', 'attribution', 'Milley', 'Esper'],
    ['hedging', 'The letter was reportedly sent to Baghdad.', 'The letter was sent to Baghdad.', 'hedging', 'reportedly', ''],
    [
      'verification',
      'The letter could not be verified.',
      'The letter has been confirmed.',
      'verification',
      'could not be verified',
      'confirmed',
    ],
    [
      'negation',
      'Officials denied that troops are leaving Iraq.',
      'Officials said that troops are leaving Iraq.',
      'negation',
      'denied',
      '',
    ],
    [
      'negation within a clause of a longer sentence',
      'On Monday, officials said troops are not leaving Iraq.',
      'On Monday, officials said troops are leaving Iraq.',
      'negation',
      'not',
      '',
    ],
    [
      'a contraction against another verb',
      'Esper said: “What’s happening is a repositioning of forces.”',
      'Esper said: “What was happening is a repositioning of forces.”',
      'quote-wording',
      'What’s happening is a',
      'What was happening is a',
    ],
    [
      'an alleged act',
      'Cameras caught her shopping at the moment of her alleged check in.',
      'She checked in at the clinic today.',
      'hedging',
      'alleged',
      '',
    ],
    [
      'a claim against a statement',
      'The union claims the cranes were never inspected.',
      'The cranes were never inspected, the report found.',
      'hedging',
      'claims',
      '',
    ],
    [
      'hedging within a clause',
      'The letter, sent on Monday, reportedly ordered troops out.',
      'The letter ordered troops out, officials said.',
      'hedging',
      'reportedly',
      '',
    ],
  ])('%s', (_l, a, b, kind, da, db) => {
    const found = diff(a, b).find((d) => d.kind === kind);
    expect(found).toMatchObject({ a: da, b: db });
    expect(found?.label.length).toBeGreaterThan(0);
  });
});

describe('figures told by meaning', () => {
  const numberPair = (a: string, b: string): [string, string] | undefined => {
    const d = diff(a, b).find((x) => x.kind === 'number');
    return d ? [d.a, d.b] : undefined;
  };
  test.each<[string, string, string, [string, string] | undefined]>([
    // One sum of money each, no shared word near them.
    [
      'two sums of one deal',
      'Report: the club bid $90 million for the striker',
      'The club is said to have tabled a bid worth $75 million.',
      ['$90 million', '$75 million'],
    ],
    [
      'the first sum of a breakdown',
      'The grant was $12 million.',
      'Officials put it at $15 million, or $3 million a year.',
      ['$12 million', '$15 million'],
    ],
    ['one sum agreed on', 'The grant was $12 million.', 'Officials put it at $12 million, or $3 million a year.', undefined],
    [
      'a sum measured against another',
      'The deal is worth $40 million.',
      'The deal tops the $25 million the team paid last year.',
      undefined,
    ],
    // One count of one thing each.
    [
      'one crowd, two sizes, far from a shared word',
      'Some 8,000 people gathered in the square on Sunday evening.',
      'Organisers, citing a tally made at noon, spoke of 12,000 people.',
      ['8,000', '12,000'],
    ],
    [
      'counts of two things of different size',
      'Four people were hurt when the roof gave way.',
      'Organisers, citing a tally made at noon, spoke of 12,000 people.',
      undefined,
    ],
    [
      'a figure inside a compound modifier',
      'Some 8,000 people joined a 48-hour stoppage.',
      'Organisers spoke of 8,000 people and a strike.',
      undefined,
    ],
    // A figure in words against one in digits it cannot stand for.
    [
      'tens of thousands against a six-figure count',
      'Tens of thousands of farmers marched on the capital.',
      'An estimated 300,000 farmers marched on the capital.',
      ['Tens of thousands', '300,000'],
    ],
    ['several against two', 'Several warehouses burned down overnight.', 'Two warehouses burned down overnight.', ['Several', 'Two']],
    [
      'several against two of a thing named in two words',
      'Several state offices were shut.',
      'Two government offices were shut.',
      ['Several', 'Two'],
    ],
    // Spans of time compare in days; a large bare count stands for the crowd.
    [
      'weeks against days before one moment',
      'Voting closes three weeks before the summit opens.',
      'There are 19 days left before the summit.',
      ['three', '19'],
    ],
    ['a span and a moment', 'Voting closes three weeks before the summit opens.', 'The summit lasts 19 days.', undefined],
    ['the same span in other units', 'The works lasted two weeks.', 'The works lasted 14 days.', undefined],
    [
      'a bare crowd size',
      'Police counted 9,000 people on the bridge.',
      'Organisers said there were more than 15,000 -- the largest march in years.',
      ['9,000', '15,000'],
    ],
    [
      'a bare small number is no count of the same',
      'Police counted 9,000 people on the bridge.',
      'Organiser Ana Ruiz, 41, spoke on the bridge.',
      undefined,
    ],
    // Years told relative to now.
    [
      'this year against next year',
      'The festival returns to the park this year.',
      'The festival returns to the park next year.',
      ['this year', 'next year'],
    ],
    ['the same year', 'The festival returns to the park this year.', 'This year the festival returns to the park.', undefined],
    // One value, below it on one side.
    [
      'a bound against the value',
      'The fee is less than the $30 million first reported.',
      'The fee is as high as $30 million.',
      ['less than $30 million', '$30 million'],
    ],
    ['the same bound on both sides', 'The fee is less than $30 million.', 'The fee is under $30 million.', undefined],
    ['dozens against a count it may be', 'Dozens of houses were flooded.', 'The river flooded 40 houses.', undefined],
    ['thousands against a count it may be', 'Thousands of fans waited outside.', 'About 5,000 fans waited outside.', undefined],
    [
      'a vague figure against a count of another thing',
      'Tens of thousands of farmers marched on the capital.',
      'Three farmers were arrested in the capital.',
      undefined,
    ],
  ])('%s', (_l, a, b, want) => {
    expect(numberPair(a, b)).toEqual(want);
  });
});

describe('hedge cues in any case', () => {
  test.each<[string, string, string, string | undefined]>([
    ['a headline adverb', 'Mayor Reportedly Resigns Over Budget Row', 'The mayor resigned over the budget row.', 'Reportedly'],
    ['a headline report', 'Report: City Hall to close its archive', 'City Hall will close its archive next month.', 'Report'],
    ['an unclear matter', 'It was unclear whether the archive would close.', 'The archive will close.', 'unclear whether'],
    [
      'a condition of truth',
      'If it is true that the archive will close, historians will protest.',
      'The archive will close, historians say.',
      'If it is true',
    ],
    ['the month, not the modal', 'The archive will close in May.', 'The archive will close in spring.', undefined],
    ['the month before a date', 'The archive closes May 5.', 'The archive closes soon.', undefined],
    [
      'a figure and its qualifiers are no words of the claim',
      'The club made a five-year offer to the striker.',
      'The deal is believed to be an offer of five years and around $40 million.',
      'is believed to',
    ],
    ['a sentence of status alone', 'However, this remains an unsubstantiated claim.', 'Protesters started the fire at the depot.', 'claim'],
    [
      'a sentence with its own content is no status alone',
      'This is what the mayor claimed on Monday.',
      'Protesters started the fire at the depot.',
      undefined,
    ],
    ['a cue that ends its clause', 'Port Strike Talks Reportedly Continue', 'Talks to end the port strike are under way.', 'Reportedly'],
    ['a cue that ends a clause of another claim', 'Port Strike Talks Reportedly Continue', 'Ferries sailed again on Monday.', undefined],
    [
      'negation words are not what a hedge bears on',
      'But to date none of those bids are believed to be for more than five years.',
      'So far no club has made bids for more than five years.',
      'are believed to',
    ],
    ['the modal in a headline', 'Archive May Close Next Year', 'The archive will close next year.', 'May'],
  ])('%s', (_l, a, b, cue) => {
    const d = diff(a, b).find((x) => x.kind === 'hedging');
    expect(d ? d.a || d.b : undefined).toEqual(cue);
  });
});

describe('findDifferences stays quiet', () => {
  test.each<[string, string, string, DifferenceKind]>([
    ['same number written three ways', 'The US has 5,000 troops in Iraq.', 'The US has five thousand troops in Iraq.', 'number'],
    ['digits with and without separator', 'The US has 5,000 troops.', 'The US has about 5000 troops.', 'number'],
    ['numbers that count different things', 'Germany withdrew 32 soldiers.', 'The US has 5,000 troops and 3 bases.', 'number'],
    ['dates against counts', 'On January 6, 2020 the letter arrived.', 'The letter mentioned 5,000 troops.', 'number'],
    ['two different people', 'Mark Esper spoke on Monday.', 'Mark Milley spoke on Monday.', 'name-spelling'],
    ['same names', 'Qassem Soleimani was killed in Baghdad.', 'Soleimani was killed near Baghdad.', 'name-spelling'],
    ['a place and its adjective', 'Troops left Iraq on Monday.', 'Iraqi troops left on Monday.', 'name-spelling'],
    ['a handle built on the name', '@EsperDoD says “there is no decision.”', '“There is no decision,” Esper said.', 'attribution'],
    ['Iraq and Iran both present', 'Iraq and Iran traded accusations.', 'Iran and Iraq traded accusations.', 'name-spelling'],
    [
      'identical quotation up to case and punctuation',
      '“There’s been no decision whatsoever to leave Iraq,” Mr Esper said.',
      '‘there’s been no decision whatsoever to leave Iraq.’',
      'quote-wording',
    ],
    [
      'a shorter excerpt of the same quotation',
      '“Poorly worded, implies withdrawal. That’s not what’s happening,” Milley said.',
      'Milley said it “implies withdrawal”.',
      'quote-wording',
    ],
    [
      'unrelated quotations',
      '“We will follow the laws of armed conflict,” Esper said.',
      '“There are no plans to leave,” Esper said.',
      'quote-wording',
    ],
    [
      'the same speaker named three ways',
      '“It is a draft,” Esper said.',
      '“It is a draft,” said Defence Secretary Mark Esper.',
      'attribution',
    ],
    ['Mr and no title', '“It is a draft,” Mr Esper said.', '“It is a draft,” Esper insisted.', 'attribution'],
    ['only one side names a speaker', '“It is a draft,” Esper said.', 'The letter is a draft.', 'attribution'],
    ['both hedged', 'The letter was reportedly a draft.', 'The letter appeared to be a draft.', 'hedging'],
    ['both negated', 'There has been no decision to leave Iraq.', 'No decision has been made to leave Iraq.', 'negation'],
    ['confirmed on one side only', 'The letter has been confirmed.', 'The letter was sent on Monday.', 'verification'],
    [
      'two quotations sharing only little words',
      '“There are no plans to leave,” Esper said.',
      '“There’s been no decision whatsoever to leave Iraq, period,” Esper said.',
      'quote-wording',
    ],
    [
      'contractions written out',
      '“Poorly worded. That’s not what’s happening,” Milley said.',
      '“Poorly worded. That is not what is happening,” Milley said.',
      'quote-wording',
    ],
    [
      'a negated clause the other does not state',
      '“Poorly worded, implies withdrawal. That’s not what’s happening,” Milley said.',
      '“Poorly worded, implies withdrawal,” said Gen. Milley.',
      'negation',
    ],
    [
      'a negated remark added after the shared claim',
      'Milley said the letter was a mere draft and “should not have been sent”.',
      'Milley said the letter was only a draft.',
      'negation',
    ],
    [
      'a hedge in a side clause',
      'Esper denied that troops are withdrawing from Iraq, after a letter from a general suggested such.',
      'Esper said there are no plans to withdraw troops from Iraq.',
      'hedging',
    ],
    [
      'a source named in a side clause',
      'Esper denied that troops are withdrawing from Iraq, after a letter from General Seely suggested such.',
      '“There are no plans to withdraw,” Esper said.',
      'attribution',
    ],
    [
      'one document worded two ways',
      '“We respect your decision,” the letter said.',
      '“We respect your decision,” the document said.',
      'attribution',
    ],
  ])('%s', (_l, a, b, kind) => {
    expect(kinds(a, b)).not.toContain(kind);
  });

  test('identical sentences have no differences', () => {
    const s = '“We respect your decision,” reads the letter signed by General William H. Seely III, reportedly sent on Monday.';
    expect(diff(s, s)).toEqual([]);
  });
});

describe('misfires seen on real news', () => {
  const all = (a: string, b: string): DifferenceKind[] => findAllDifferences(analyseSentence(a), analyseSentence(b)).map((d) => d.kind);
  test.each<[string, string, string, DifferenceKind]>([
    [
      'a condition ("not … until") is no negation',
      'Dock workers would not return to work until every crane had been inspected.',
      'The union called for every crane at the port to be inspected before work resumes.',
      'negation',
    ],
    [
      'an ability modal is no hedge',
      'After the fall he could no longer walk, his doctor said.',
      'After the fall he was unable to walk, his doctor said.',
      'hedging',
    ],
    [
      'an editorial bracket inside a word',
      '“The cranes were checked within 30 min[ute]s of the collapse,” the manager said.',
      '“The cranes were checked within 30 minutes of the collapse,” the manager said.',
      'quote-wording',
    ],
    [
      'an editorial bracket left open',
      '“The cranes were checked within 30 min[ute of the collapse,” the manager said.',
      '“The cranes were checked within 30 minute of the collapse,” the manager said.',
      'quote-wording',
    ],
    [
      'an editor’s name for a pronoun',
      '“We hope [Jackman] is going to broaden us out,” Ganis said.',
      '“We hope he is going to broaden us out,” Ganis said.',
      'quote-wording',
    ],
    [
      'an ellipsis for words left out',
      '“The port will reopen … once the cranes are safe,” she said.',
      '“The port will reopen on Friday once the cranes are safe,” she said.',
      'quote-wording',
    ],
    [
      'a contraction spaced out by the feed',
      '“ It ’ s official: I ’ m hosting the show!',
      '"It\'s official: I\'m hosting the show!" she wrote.',
      'quote-wording',
    ],
    [
      'a hope is no statement to hedge',
      'The union entered the talks hoping the port could reopen by Friday.',
      'The port will reopen by Friday, the union said.',
      'hedging',
    ],
    [
      'a hedge on one word of another claim',
      'The strike fooled the port, the shippers and apparently the mayor, by closing every crane at dawn.',
      'The mayor said every crane closed at dawn.',
      'hedging',
    ],
    [
      'a confirmation of another fact',
      'The letter could not be verified.',
      'The strike at the port was confirmed by the union.',
      'verification',
    ],
    [
      'a denial of claims is no hedge',
      'The Pentagon has denied claims that troops will leave Iraq.',
      'The Pentagon said troops will not leave Iraq.',
      'hedging',
    ],
    [
      'both uncertain, one by "unlikely"',
      'It appears unlikely that the port will reopen on Friday.',
      'The port may reopen on Friday.',
      'hedging',
    ],
    [
      'a team is not the city it is named after',
      'The Angels made an eight-year offer.',
      'Los Angeles made an eight-year offer to him.',
      'name-spelling',
    ],
    ['two places sharing a look-alike word', 'The offer was made in Los Angeles.', 'The offer was made in Las Vegas.', 'name-spelling'],
    ['a place and its adjective', 'Troops stayed in Iran.', 'Iranian troops stayed.', 'name-spelling'],
    [
      'two crowds',
      'Three people died after rioters set fire to a bank.',
      'Police put the march, to mark the strike, at roughly 30,000 people.',
      'number',
    ],
    [
      'a span and an offset',
      'The new rules will take effect in about 30 days.',
      'The new rule takes effect nine days before the inauguration.',
      'number',
    ],
    [
      'a count against a bare number',
      'The three bank workers were killed in the fire.',
      'Two women and a man, between 30 and 40, were killed in the fire.',
      'number',
    ],
    [
      'figures about different things',
      'He was paid $3 million for co-writing and directing it.',
      'The series has already accumulated $459 million around the globe.',
      'number',
    ],
    ['an ordinal and a year', 'She hosted the 79th Academy Awards in 2007.', 'She served as emcee during the 2007 ceremony.', 'number'],
    ['the same day', 'The strike began on Monday at the port.', 'On Monday the strike began at the port.', 'number'],
  ])('%s', (_l, a, b, kind) => {
    expect(all(a, b)).not.toContain(kind);
  });

  test('an open bracket does not hide a rewording further on', () => {
    const ds = findAllDifferences(
      analyseSentence('“The cranes were checked within 30 min[ute of the collapse and found sound,” the manager said.'),
      analyseSentence('“The cranes were checked within 30 minutes of the collapse and found cracked,” the manager said.'),
    );
    expect(ds.find((d) => d.kind === 'quote-wording')?.b).toMatch(/cracked/);
  });

  test.each<[string, string, string, string, string]>([
    [
      'a letter added to a first name',
      'Katrin Aldous chairs the port board.',
      'Katrine Aldous chairs the port board.',
      'Katrin',
      'Katrine',
    ],
    ['a transliteration', 'The strike killed Qassem Soleimani.', 'The strike killed Qassem Suleimani.', 'Soleimani', 'Suleimani'],
    ['two letters swapped', 'The show is at the Kodak Theater.', 'The show is at the Kodak Theatre.', 'Theater', 'Theatre'],
    ['a first name spelled two ways', 'President Carolos Papoulias spoke.', 'President Karolos Papoulias spoke.', 'Carolos', 'Karolos'],
  ])('name spelling: %s', (_l, a, b, wa, wb) => {
    const d = findAllDifferences(analyseSentence(a), analyseSentence(b)).find((x) => x.kind === 'name-spelling');
    expect(d).toMatchObject({ a: wa, b: wb, label: `spelled ${wa} here, ${wb} there` });
  });
});

describe('what a reader is shown', () => {
  test('only the shown types', () => {
    const a = analyseSentence('Officials reportedly said 5,000 troops are not leaving, Gen. Milley said.');
    const b = analyseSentence('Officials said 4,000 troops are leaving, Mr Esper said.');
    const all = findAllDifferences(a, b).map((d) => typeOfKind(d.kind));
    const shown = findDifferences(a, b).map((d) => typeOfKind(d.kind));
    expect(all).toEqual(expect.arrayContaining(['number', 'hedged_vs_stated']));
    expect(shown).toEqual(all.filter((t) => SHOWN_TYPES.includes(t)));
    expect(shown).toContain('number');
  });
});

describe('labels a reader can take in', () => {
  test.each<[string, string, string, string]>([
    ['number', 'The strike drew 5,000 workers.', 'The strike drew 4,000 workers.', '5,000 · 4,000'],
    [
      'verification',
      'The letter could not be verified.',
      'The letter has been confirmed.',
      'one says it was confirmed; the other says it could not be verified',
    ],
    [
      'hedging',
      'The letter was reportedly sent to Baghdad.',
      'The letter was sent to Baghdad.',
      'hedged here (“reportedly”), stated as fact there',
    ],
    [
      'hedging, other side',
      'The letter was sent to Baghdad.',
      'The letter was reportedly sent to Baghdad.',
      'stated as fact here, hedged there (“reportedly”)',
    ],
    ['attribution', '“It was a draft,” Gen. Milley said.', '“It was a draft,” Mr Esper said.', 'attributed to Milley here, to Esper there'],
  ])('%s', (_l, a, b, label) => {
    expect(findAllDifferences(analyseSentence(a), analyseSentence(b)).map((d) => d.label)).toContain(label);
  });

  test('no internal words in any label', () => {
    const pairs: [string, string][] = [
      ['Officials denied that troops are leaving Iraq.', 'Officials said that troops are leaving Iraq.'],
      ['The letter was reportedly sent.', 'The letter was sent.'],
      ['“We respect your sovereign decision,” the letter said.', '“We respect your sovereignty decision,” the letter said.'],
    ];
    for (const [a, b] of pairs)
      for (const d of findAllDifferences(analyseSentence(a), analyseSentence(b)))
        expect(d.label).not.toMatch(/not negated|'stated'|“stated”|differs$/);
  });

  test('reversing a difference rewrites its label for the other side', () => {
    const [d] = findAllDifferences(analyseSentence('Katrin Aldous spoke.'), analyseSentence('Katrine Aldous spoke.'));
    expect(reverseDifference(d!)).toEqual({
      kind: 'name-spelling',
      a: 'Katrine',
      b: 'Katrin',
      label: 'spelled Katrine here, Katrin there',
    });
  });
});

describe('wordDiff', () => {
  test.each([
    [
      'substitutions',
      'We respect your sovereign decision ordering our departure,',
      'We respect your sovereignty decision to order our departure.',
      [
        { op: 'same', text: 'We respect your' },
        { op: 'del', text: 'sovereign' },
        { op: 'ins', text: 'sovereignty' },
        { op: 'same', text: 'decision' },
        { op: 'del', text: 'ordering' },
        { op: 'ins', text: 'to order' },
        { op: 'same', text: 'our departure,' },
      ],
    ],
    ['identical ignoring case', 'No decision', 'no decision', [{ op: 'same', text: 'No decision' }]],
    [
      'insertion only',
      'no decision',
      'no decision whatsoever',
      [
        { op: 'same', text: 'no decision' },
        { op: 'ins', text: 'whatsoever' },
      ],
    ],
    ['empty side', '', 'period', [{ op: 'ins', text: 'period' }]],
  ])('%s', (_l, a, b, expected) => {
    expect(wordDiff(a, b)).toEqual(expected);
  });
});
