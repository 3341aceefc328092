import { describe, expect, test } from 'vitest';
import { segmentSentences } from '../../lib/text/segment';

const sentences = (text: string): string[] => segmentSentences(text).map((s) => s.text);

describe('segmentSentences keeps one sentence whole', () => {
  test.each([
    ['U.S. before a name', 'The letter came from U.S. Marine Corps commanders in Baghdad.'],
    ['Gen.', 'The letter was dismissed by Gen. Mark Milley on Monday.'],
    ['Brig. Gen.', 'It was signed by Brig. Gen. William H. Seely III, the task force commander.'],
    ['Mr.', 'Mr. Esper spoke to reporters at the Pentagon.'],
    ['Lt. Col.', 'A spokesman, Lt. Col. Jane Doe, declined to comment.'],
    ['Sen. and Gov.', 'Sen. Warren and Gov. Newsom both wrote letters.'],
    ['Jan. 7', 'The strike happened on Jan. 7 near the airport.'],
    ['middle initial', 'The memo named William H. Seely as its author.'],
    ['No. 5', 'The order was listed as No. 5 in the file.'],
    ['decimal', 'The budget grew by 2.5 percent to $4.75 billion this year.'],
    ['e-mail', 'Write to press.office@example.org for a copy.'],
    ['URL', 'The statement is at https://example.com/news/2020/01/letter.html today.'],
    ['ellipsis inside a quotation', '“I don’t know what that letter is … we’re trying to find out,” he said.'],
    [
      'several quoted sentences then the attribution',
      '“Poorly worded, implies withdrawal. That’s not what’s happening,” US Army General Mark Milley said.',
    ],
    [
      'quoted sentences with an ellipsis then the attribution',
      '“I don’t know what that letter is … We’re trying to find out. But there’s been no decision made to leave Iraq. Period,” Mr Esper insisted.',
    ],
    ['British single quotes', '‘There’s been no decision whatsoever to leave Iraq, period,’ Esper said.'],
    ['question in a quotation then the speaker', '“Where is the letter?” the minister asked.'],
    ['lower-case word after !', 'She works at Yahoo! in the accounting department.'],
    ['parenthesis with a full stop inside', 'He left (he was tired.) before the vote.'],
    ['time of day', 'The vote closed at 5 p.m. on Sunday.'],
    ['St. as saint', 'They met at St. Michael’s Church.'],
  ])('%s', (_label, text) => {
    expect(sentences(text)).toEqual([text]);
  });
});

describe('segmentSentences splits', () => {
  test.each([
    ['plain sentences', 'Troops stayed. The letter was a draft.', ['Troops stayed.', 'The letter was a draft.']],
    ['question and exclamation', 'Is it over? No! It is not.', ['Is it over?', 'No!', 'It is not.']],
    ['U.S. at the end', 'Troops will stay in the U.S. They will not move.', ['Troops will stay in the U.S.', 'They will not move.']],
    [
      'Brig. at the end of a paragraph',
      'The letter was from U.S. Marine Corps Brig.\nGen. Seely commands the task force.',
      ['The letter was from U.S. Marine Corps Brig.', 'Gen. Seely commands the task force.'],
    ],
    [
      'paragraphs without final punctuation',
      'No plans to leave Iraq, US insists\n\nThe Pentagon denied it.',
      ['No plans to leave Iraq, US insists', 'The Pentagon denied it.'],
    ],
    [
      'a quotation closed by a full stop, then a new sentence',
      'It added: “We respect your decision.” The Pentagon disagreed.',
      ['It added: “We respect your decision.”', 'The Pentagon disagreed.'],
    ],
    ['after a number', 'The US has 5,000 troops. Germany has 32.', ['The US has 5,000 troops.', 'Germany has 32.']],
    ['initial-like pronoun', 'It was you and I. Did they know?', ['It was you and I.', 'Did they know?']],
    ['Co. then a pronoun', 'He sold it to Briggs & Co. They paid cash.', ['He sold it to Briggs & Co.', 'They paid cash.']],
    ['four-dot ellipsis', 'I never meant that.... She left.', ['I never meant that....', 'She left.']],
    ['numbered list in one line', '1) Leave the zone 2) Move north', ['1) Leave the zone', '2) Move north']],
  ])('%s', (_label, text, expected) => {
    expect(sentences(text)).toEqual(expected);
  });
});

describe('segmentSentences offsets', () => {
  const texts = [
    '  Leading space. Then “a quote. With two sentences,” she said.\n\n  Second paragraph!  Third?  ',
    'Mr. Esper said the U.S. has about 5000 troops in Iraq. Gen. Milley agreed.\r\nA new line.',
    'No terminator at all',
    '',
    '\n\n \n',
    '“Unclosed quotation. It runs on. And on.',
  ];
  test.each(texts.map((t) => [JSON.stringify(t).slice(0, 40), t]))('exact, ordered, non-overlapping: %s', (_l, text) => {
    const spans = segmentSentences(text);
    let previousEnd = 0;
    spans.forEach((s, i) => {
      expect(s.index).toBe(i);
      expect(text.slice(s.start, s.end)).toBe(s.text);
      expect(s.text).toBe(s.text.trim());
      expect(s.text.length).toBeGreaterThan(0);
      expect(s.start).toBeGreaterThanOrEqual(previousEnd);
      previousEnd = s.end;
    });
    // Nothing but whitespace is left out.
    const covered = spans.map((s) => s.text).join('');
    expect(covered.replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
  });
});
