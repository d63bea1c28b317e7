/**
 * What a classifier sees of a message: NLP.js stems of its words (English or Arabic), pairs of stems up to three
 * words apart, and letter groups inside words, so a typo ("sucidal", "lfie") still shares most of its features
 * with the word.
 */
import { StemmerAr } from '@nlpjs/lang-ar';
import { StemmerEn } from '@nlpjs/lang-en-min';
import type { CorpusLanguage } from '../../content/understanding/corpus';
import { normalise } from './normalise';

const stemmers = { en: new StemmerEn(), ar: new StemmerAr() };

/** Arabic spelling varies a lot on phones: one form of alef, ya and ta marbuta, no diacritics or tatweel. */
export function normaliseArabic(text: string): string {
  return normalise(
    text
      .replace(/[\u064B-\u065F\u0670\u0640]/g, '')
      .replace(/[أإآٱ]/g, 'ا')
      .replace(/ى/g, 'ي')
      .replace(/ة/g, 'ه')
      .replace(/ؤ/g, 'و')
      .replace(/ئ/g, 'ي'),
  );
}

/** The normalised words of a message in its language. */
export function wordsOf(text: string, language: CorpusLanguage): string[] {
  return (language === 'ar' ? normaliseArabic(text) : normalise(text)).split(' ').filter(Boolean);
}

/**
 * @example textFeatures('took pils', 'en') // ['w:took', 'w:pil', 'b:took_pil', 'c:<to', ...]
 */
export function textFeatures(text: string, language: CorpusLanguage): string[] {
  // A number's value says little ("20 pills", "07700 900789"): every number is the same word, with no letter groups.
  const words = wordsOf(text, language).map((word) => (/\d/.test(word) ? '0' : word));
  const stems = stemmers[language].stem(words);
  const features: string[] = [];
  for (let i = 0; i < stems.length; i += 1) {
    features.push(`w:${stems[i]}`);
    if (i > 0) features.push(`b:${stems[i - 1]}_${stems[i]}`);
    // Pairs one or two words apart: "took ... tablet ... fine" reads differently from "took ... tablets ... all".
    for (let gap = 2; gap <= 3 && i >= gap; gap += 1) features.push(`s:${stems[i - gap]}_${stems[i]}`);
  }
  for (const word of words) {
    if (word === '0') continue;
    const padded = `<${word}>`;
    for (let n = 3; n <= 5; n += 1)
      for (let i = 0; i + n <= padded.length; i += 1) features.push(`c:${padded.slice(i, i + n)}`);
  }
  return features;
}
