import { expect, test } from 'vitest';
import { checkArticle } from '../../lib/feeds/article-check';
import type { ArticleInput } from '../../lib/types';

const ENGLISH = [
  'The Port of Ellery closed its Kessock container terminal on Tuesday after a crane collapsed onto a moored ship, injuring three workers.',
  'Investigators from the safety board said they were examining a weld at the base of the crane, which had been inspected in the spring.',
  'The port authority said the terminal would stay closed for at least a week while the wreckage is removed and the other cranes are checked.',
  'Shipping lines have begun to divert vessels to the northern quay, and the union has called for an independent review of maintenance.',
].join('\n\n');

const FRENCH = [
  "Le port d'Ellery a fermé mardi son terminal à conteneurs de Kessock après l'effondrement d'une grue sur un navire amarré, blessant trois ouvriers.",
  "Les enquêteurs du bureau de la sécurité ont indiqué qu'ils examinaient une soudure à la base de la grue, qui avait été inspectée au printemps.",
  "L'autorité portuaire a précisé que le terminal resterait fermé pendant au moins une semaine, le temps de retirer les débris et de vérifier les autres grues.",
  'Les compagnies maritimes ont commencé à dérouter les navires vers le quai nord, et le syndicat réclame un examen indépendant de la maintenance.',
].join('\n\n');

const GERMAN = [
  'Der Hafen von Ellery hat am Dienstag sein Containerterminal in Kessock geschlossen, nachdem ein Kran auf ein Schiff gestürzt war und drei Arbeiter verletzt hatte.',
  'Die Ermittler der Sicherheitsbehörde teilten mit, dass sie eine Schweißnaht am Fuß des Krans untersuchen, der im Frühjahr geprüft worden war.',
  'Die Hafenbehörde erklärte, das Terminal werde mindestens eine Woche geschlossen bleiben, bis die Trümmer entfernt und die anderen Kräne überprüft sind.',
  'Reedereien haben begonnen, Schiffe an den Nordkai umzuleiten, und die Gewerkschaft fordert eine unabhängige Prüfung der Wartung.',
].join('\n\n');

const RUSSIAN = Array.from({ length: 12 }, () => 'Порт Эллери закрыл контейнерный терминал после обрушения крана на судно.').join(' ');

const POLISH = Array.from(
  { length: 6 },
  () => 'Port w Ellery zamknął we wtorek terminal kontenerowy po tym, jak dźwig runął na statek, raniąc trzech pracowników.',
).join(' ');

function article(overrides: Partial<ArticleInput>): ArticleInput {
  return {
    url: 'https://ledger.example/ellery-crane',
    outlet: 'The Daily Ledger',
    title: 'Crane collapse shuts Ellery terminal',
    text: ENGLISH,
    ...overrides,
  };
}

test.each([
  { case: 'an English article', input: article({}), result: { ok: true } },
  { case: 'English text on a page mislabelled French', input: article({ lang: 'fr' }), result: { ok: true } },
  {
    case: 'a French article',
    input: article({ title: "Effondrement d'une grue au port d'Ellery", text: FRENCH }),
    result: { ok: false, reason: 'the article is in French; Parallax compares English articles' },
  },
  {
    case: 'a German article',
    input: article({ title: 'Kraneinsturz im Hafen', text: GERMAN, lang: 'de' }),
    result: { ok: false, reason: 'the article is in German; Parallax compares English articles' },
  },
  {
    case: 'an article in Cyrillic',
    input: article({ title: 'Обрушение крана', text: RUSSIAN }),
    result: {
      ok: false,
      reason: 'the article is not in English (it is written in the Cyrillic script); Parallax compares English articles',
    },
  },
  {
    case: 'a language the guesser does not know, declared by the page',
    input: article({ title: 'Dźwig runął na statek', text: POLISH, lang: 'pl' }),
    result: { ok: false, reason: 'the article is in Polish; Parallax compares English articles' },
  },
  {
    case: 'a language the guesser does not know, undeclared',
    input: article({ title: 'Dźwig runął na statek', text: POLISH }),
    result: { ok: false, reason: 'the article does not appear to be in English; Parallax compares English articles' },
  },
  {
    case: 'a teaser',
    input: article({ text: 'Subscribe to read the full story about the crane collapse at the port.' }),
    result: { ok: false, reason: 'the article is too short to compare (13 words; at least 80)' },
  },
  { case: 'no title', input: article({ title: '  ' }), result: { ok: false, reason: 'the article has no title' } },
  { case: 'no address', input: article({ url: '' }), result: { ok: false, reason: 'the article has no address' } },
  {
    case: 'an address that is not a web address',
    input: article({ url: 'file:///tmp/page.html' }),
    result: { ok: false, reason: 'the article’s address is not a web address' },
  },
  { case: 'no outlet', input: article({ outlet: '' }), result: { ok: false, reason: 'the article has no outlet name' } },
])('$case', ({ input, result }) => {
  expect(checkArticle(input)).toEqual(result);
});
