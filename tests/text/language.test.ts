import { expect, test } from 'vitest';
import { detectLanguage, languageName } from '../../lib/text/language';

test.each([
  [
    'en',
    'Firefighters were called to the warehouse shortly after midnight, and the blaze was under control by dawn, the fire service said in a statement.',
  ],
  [
    'en',
    "It's the third time this year that the council has delayed a decision on the bridge, which residents say they have waited on for a decade.",
  ],
  [
    'fr',
    "Les pompiers ont été appelés à l'entrepôt peu après minuit, et l'incendie était maîtrisé à l'aube, a indiqué le service dans un communiqué.",
  ],
  [
    'de',
    'Die Feuerwehr wurde kurz nach Mitternacht zu dem Lagerhaus gerufen, und der Brand war bis zum Morgengrauen unter Kontrolle, teilte sie mit.',
  ],
  [
    'es',
    'Los bomberos fueron llamados al almacén poco después de la medianoche, y el incendio estaba controlado al amanecer, según un comunicado del servicio.',
  ],
  [
    'it',
    "I vigili del fuoco sono stati chiamati al magazzino poco dopo la mezzanotte, e l'incendio era sotto controllo all'alba, secondo una nota del servizio.",
  ],
  [
    'pt',
    'Os bombeiros foram chamados ao armazém pouco depois da meia-noite, e o incêndio estava controlado ao amanhecer, disse o serviço em um comunicado.',
  ],
  [
    'nl',
    'De brandweer werd kort na middernacht naar het pakhuis geroepen, en de brand was bij zonsopgang onder controle, meldde de dienst in een verklaring.',
  ],
  ['und-Cyrl', 'Пожарных вызвали на склад вскоре после полуночи, и к рассвету пожар был потушен.'],
  ['und-Arab', 'تم استدعاء رجال الإطفاء إلى المستودع بعد منتصف الليل بقليل.'],
  ['el', 'Οι πυροσβέστες κλήθηκαν στην αποθήκη λίγο μετά τα μεσάνυχτα.'],
  ['ja', '消防隊は真夜中過ぎに倉庫に呼ばれ、夜明けまでに火は消し止められた。'],
  ['ko', '소방관들은 자정 직후 창고로 출동했다.'],
  ['zh', '消防员在午夜后不久被叫到仓库，黎明时火势已得到控制。'],
])('%s: %s', (lang, text) => {
  const guess = detectLanguage(text);
  expect(guess.lang).toBe(lang);
  expect(guess.confidence).toBeGreaterThan(0.3);
});

test.each([
  ['too few words', 'Breaking news'],
  ['no words at all', '12:45 — 3,000 / 2,500'],
  ['an empty string', ''],
])('unsure with %s', (_case, text) => {
  expect(detectLanguage(text)).toEqual({ lang: 'und', confidence: 0 });
});

// Languages outside the profiles may come out "und" or as a near neighbour; never as English.
test.each([
  ['Polish', 'Strażacy zostali wezwani do magazynu wkrótce po północy, a pożar opanowano o świcie, podała straż w komunikacie.'],
  ['Czech', 'Hasiči byli přivoláni do skladu krátce po půlnoci a požár byl za úsvitu pod kontrolou, uvedla služba v prohlášení.'],
  ['Danish', 'Brandmændene blev tilkaldt til lageret kort efter midnat, og branden var under kontrol ved daggry, oplyste tjenesten.'],
  ['Turkish', 'İtfaiyeciler gece yarısından kısa süre sonra depoya çağrıldı ve yangın şafakta kontrol altına alındı.'],
])('%s is not taken for English', (_name, text) => {
  expect(detectLanguage(text).lang).not.toBe('en');
});

test('a longer text is placed with more confidence than a short one', () => {
  const sentence = 'The minister said that the plan would go ahead in the spring.';
  expect(detectLanguage(`${sentence} ${sentence} ${sentence}`).confidence).toBeGreaterThan(
    detectLanguage('The plan goes ahead in spring').confidence,
  );
});

test.each([
  ['fr', 'French'],
  ['pt-BR', 'Portuguese'],
  ['nl', 'Dutch'],
  ['ja', 'Japanese'],
  ['und', undefined],
  ['', undefined],
])('languageName(%s)', (tag, name) => {
  expect(languageName(tag)).toBe(name);
});
