/** Keyed pseudonyms (one person counts once per survey) and the deletion codes that remove someone's own answers. */
import { createHmac, randomInt } from 'node:crypto';

/**
 * A per-survey pseudonym: the same person gets the same value for one survey and unlinkable values across surveys;
 * without the key it cannot be turned back into a channel user id.
 * @example pseudonymFor(key, 'wellbeing-check-in', 'webchat', 'u_abc') // 'p_3vX…'
 */
export function pseudonymFor(key: string, surveyId: string, channelId: string, userId: string): string {
  const digest = createHmac('sha256', key).update(`${surveyId}\u0000${channelId}\u0000${userId}`).digest('base64url');
  return `p_${digest.slice(0, 32)}`;
}

/** Short, easy-to-type words (no names, nothing rude, no look-alikes) for deletion codes. */
const WORDS = [
  'apple acorn anchor arrow badger bagel banjo beach berry bison blue bread brick brook cabin cactus camel',
  'candle canoe carrot cedar cherry clover cloud cobalt comet coral cotton crane daisy delta denim desert',
  'dolphin dragon eagle ember falcon fern fig flint forest fox frost garden ginger glacier goose grape',
  'gravel hazel heron honey island ivory jasper jelly kettle kiwi koala lagoon lemon lilac lime llama lotus',
  'mango maple marble meadow melon mint moon moss nectar nova oak ocean olive orange otter owl panda paper',
  'peach pebble pepper pine planet plum pond poppy puffin quartz rabbit radish rain raven reef river robin',
  'rocket rose ruby saffron salmon sand silver sky snow sparrow spruce star stone storm sugar summit sun',
  'swan tiger toffee tulip turtle valley velvet violet walnut wave willow winter wolf zebra',
]
  .join(' ')
  .split(' ');

/**
 * A deletion code such as "otter-maple-comet-river-427": four words and three digits, about 38 bits (guessing is also
 * throttled), shown once, stored only as a keyed hash.
 * @example newDeletionCode() // 'river-lemon-swan-kiwi-075'
 */
export function newDeletionCode(random: (max: number) => number = randomInt): string {
  const word = () => WORDS[random(WORDS.length)];
  return `${word()}-${word()}-${word()}-${word()}-${String(random(1000)).padStart(3, '0')}`;
}

/** Codes given before: three words and two digits. They still work. */
const CODE_FORMS = [
  /\b([a-z]+)[\s-]+([a-z]+)[\s-]+([a-z]+)[\s-]+([a-z]+)[\s-]+(\d{3})\b/i,
  /\b([a-z]+)[\s-]+([a-z]+)[\s-]+([a-z]+)[\s-]+(\d{2})\b/i,
];

/** Finds a deletion code inside a message ("delete river lemon swan kiwi 075" works too). */
export function extractDeletionCode(text: string): string | undefined {
  for (const form of CODE_FORMS) {
    const match = form.exec(text.toLowerCase());
    if (!match) continue;
    const parts = match.slice(1);
    const words = parts.slice(0, -1);
    if (words.every((word) => WORDS.includes(word))) return parts.join('-');
  }
  return undefined;
}

/** The stored form of a deletion code. */
export function deletionKeyFor(key: string, code: string): string {
  return `d_${createHmac('sha256', key).update(code.toLowerCase()).digest('base64url').slice(0, 32)}`;
}
