/**
 * Turns what young people type (text speak, missing apostrophes, stretched letters) into plain lower-case words for
 * matching.
 */

/** Whole-word rewrites applied after lower-casing. Keys are single tokens; values may be several words. */
const TOKEN_REWRITES: Record<string, string> = {
  u: 'you',
  ur: 'your',
  youre: 'you are',
  r: 'are',
  ya: 'you',
  yh: 'yeah',
  ye: 'yeah',
  im: 'i am',
  ive: 'i have',
  cant: 'cannot',
  cnt: 'cannot',
  carnt: 'cannot',
  dont: 'do not',
  dnt: 'do not',
  doesnt: 'does not',
  didnt: 'did not',
  wont: 'will not',
  wouldnt: 'would not',
  shouldnt: 'should not',
  couldnt: 'could not',
  isnt: 'is not',
  aint: 'is not',
  arent: 'are not',
  wasnt: 'was not',
  havent: 'have not',
  hasnt: 'has not',
  theyre: 'they are',
  thats: 'that is',
  whats: 'what is',
  wats: 'what is',
  wot: 'what',
  wat: 'what',
  theres: 'there is',
  hes: 'he is',
  shes: 'she is',
  lets: 'let us',
  gonna: 'going to',
  wanna: 'want to',
  gotta: 'got to',
  dunno: 'do not know',
  idk: 'i do not know',
  ik: 'i know',
  tbh: 'to be honest',
  rn: 'right now',
  atm: 'at the moment',
  bc: 'because',
  cos: 'because',
  coz: 'because',
  cuz: 'because',
  pls: 'please',
  plz: 'please',
  thx: 'thanks',
  ty: 'thank you',
  n: 'and',
  nd: 'and',
  abt: 'about',
  bout: 'about',
  wiv: 'with',
  w: 'with',
  wen: 'when',
  b4: 'before',
  '2day': 'today',
  '2moro': 'tomorrow',
  tmrw: 'tomorrow',
  ppl: 'people',
  sum1: 'someone',
  some1: 'someone',
  any1: 'anyone',
  no1: 'no one',
  every1: 'everyone',
  nuthin: 'nothing',
  nothin: 'nothing',
  sumthin: 'something',
  somethin: 'something',
  anymore: 'any more',
  ok: 'okay',
  k: 'okay',
  kk: 'okay',
  prob: 'probably',
  def: 'definitely',
  mum: 'mum',
  mam: 'mum',
  luv: 'love',
  hav: 'have',
  av: 'have',
  da: 'the',
  tha: 'the',
  dat: 'that',
  dis: 'this',
  dey: 'they',
  dem: 'them',
  fink: 'think',
  fing: 'thing',
  finkin: 'thinking',
  tkn: 'taken',
  lyf: 'life',
  nite: 'night',
  tonite: 'tonight',
  '2nite': 'tonight',
  m8: 'mate',
  nemore: 'any more',
};

/**
 * Lower-cases, unifies apostrophes and quotes, drops apostrophes inside words ("can't" -> "cant" -> "cannot"),
 * squeezes letters stretched three or more times ("sooooo" -> "soo"), keeps digits and letters of any
 * script (Arabic included), and rewrites common text speak.
 *
 * @example normalise("I cant sleep, im soooo stressed rn!!") // "i cannot sleep i am soo stressed right now"
 */
export function normalise(text: string): string {
  const simplified = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/(\p{L})'(\p{L})/gu, '$1$2')
    .replace(/(\p{L})\1{2,}/gu, '$1$1')
    .replace(/[^\p{L}\p{N}\s]+/gu, ' ');
  return simplified
    .split(/\s+/)
    .filter(Boolean)
    .map((token) => TOKEN_REWRITES[token] ?? token)
    .join(' ');
}
