/** The small part of NLP.js (which ships no types) that the classifiers use: its English and Arabic stemmers. */
declare module '@nlpjs/lang-en-min' {
  export class StemmerEn {
    stem(words: string[]): string[];
  }
}

declare module '@nlpjs/lang-ar' {
  export class StemmerAr {
    stem(words: string[]): string[];
  }
}
