/**
 * How the local search splits text into words, in both languages.
 *
 * MiniSearch's own tokenizer splits on spaces and punctuation. Japanese puts
 * no spaces between words, so a whole sentence would become one "word" and
 * 冪等性 in the middle of it could never be found. `Intl.Segmenter` (in Node
 * and in every current browser) finds word boundaries in Japanese, and in
 * English it splits as MiniSearch would.
 *
 * ICU's dictionary does not know every technical compound: it splits 冪等性
 * into 冪 | 等 | 性. So a run of single kanji is also kept joined, as one
 * more word, and the compound is found as a whole.
 *
 * VitePress ships this function to the browser as its source text (the same
 * tokenizer must split the index at build time and the query in the page), so
 * it must stand alone: no imports, nothing from outside its body.
 */
export function tokenize(text: string): string[] {
  const words: string[] = [];
  let kanjiRun = '';
  const endRun = () => {
    if (kanjiRun.length > 1) words.push(kanjiRun);
    kanjiRun = '';
  };
  for (const { segment, isWordLike } of new Intl.Segmenter('ja', { granularity: 'word' }).segment(text)) {
    if (!isWordLike) {
      endRun();
      continue;
    }
    words.push(segment);
    if (segment.length === 1 && /\p{Script=Han}/u.test(segment)) kanjiRun += segment;
    else endRun();
  }
  endRun();
  return words;
}
