/**
 * The few hand-written rules kept beside the learned classifier: statements so unambiguous, and so costly to miss,
 * that no model score should be able to overrule them. Everything else is learned from content/understanding.
 */
import type { RiskKind } from '../../content/topics';

/** "Not" just before an Arabizi statement ("ma ba2zi 7ali"): the Arabizi rules leave such messages to the model. */
const NOT_BEFORE_ARABIZI = String.raw`(?<!\b(?:ma|mish|mesh|mush|mosh|msh|mo) )`;

/** Run on normalised words (lower case, text speak expanded: "im" -> "i am", "cant" -> "cannot"). */
const RULES: Array<[RiskKind, RegExp]> = [
  [
    'suicide',
    new RegExp(
      [
        String.raw`\b(?:suicid\w*|sucid\w*|suicdal|kms|kill(?:ing)? my ?self|`,
        String.raw`end(?:ing)? my (?:own )?l[iy]f\w*|take my (?:own )?life|unaliv\w* my ?self|`,
        String.raw`want to die|wanna die|hang(?:ing)? my ?self|`,
        // A ligature got ready: "ive set up a rope in my room", "how do you tie a noose".
        String.raw`nooses?|(?:set|put|tied|hung) (?:up )?(?:a |the )?rope (?:up )?(?:in|from) my|`,
        String.raw`rope (?:a)?round my neck)\b`,
      ].join(''),
    ),
  ],
  [
    'overdose',
    new RegExp(
      [
        String.raw`\b(?:(?:took|taken|had|swallowed|necked) (?:an )?overdose|`,
        // "I overdosed on ..." is a rule only when what follows is a medicine or a drug: blind batches joke about
        // overdosing on chicken nuggets, Nando's or sweets in every voice, and the model reads the rest.
        String.raw`i (?:have )?(?:overdosed|od d|odd|oded)(?:(?! on\b)| on (?:\w+ ){0,3}?(?:pills?|tablets?|meds|`,
        String.raw`medicines?|medication|paracetamol|ibuprofen|aspirin|co ?codamol|codeine|tramadol|`,
        String.raw`sertraline|fluoxetine|citalopram|mirtazapine|quetiapine|insulin|antidepressants?|`,
        String.raw`sleeping|heroin|smack|coke|cocaine|ket|ketamine|xanax|xans|valium|diazepam|`,
        String.raw`morphine|methadone|drugs|my prescription)))\b`,
      ].join(''),
    ),
  ],
  [
    'overdose',
    /\b(?:going to|might|about to|want to|will|wanna|gonna|planning to|thinking of) (?:od|take an overdose|overdose)\b/,
  ],
  [
    'self-harm',
    new RegExp(
      [
        String.raw`\b(?:self ?harm\w*|cut(?:ting)? my (?:wrists?|arms?|legs?|`,
        String.raw`thighs?)|cut(?:ting)? my ?self(?! (?:on|shaving|cooking|by accident|`,
        String.raw`accidentally))|burn(?:ing|t|ed)? my ?self(?! (?:on|cooking|`,
        String.raw`with the|by accident|accidentally)))\b`,
      ].join(''),
    ),
  ],
  ['sexual-violence', /\b(?:raped|rape me|sexually (?:assaulted|abused))\b/],
  // A person (not "my back") hurting them: "my foster carer is hurting me", "he keeps hitting me".
  [
    'abuse',
    new RegExp(
      [
        String.raw`\b(?:he|she|they|my (?:foster )?(?:carers?|mum|mam|dad|step ?dad|`,
        String.raw`step ?mum|partner|boyfriend|bf|girlfriend|gf|ex|husband|wife|`,
        String.raw`brother|sister|uncle|aunt|cousin|landlord|flatmate|housemate|`,
        String.raw`staff|support worker|key worker))\s+(?:is |are |was |were |`,
        String.raw`keeps |has been |have been |been )?(?:hurting|hitting|beating|`,
        String.raw`abusing|strangling|choking|punching|kicking|slapping|battering|`,
        String.raw`hits|beats|hurts|abuses|chokes|strangles|punches|kicks|slaps|`,
        // "kicking me out" of a home is a housing need (or, tonight, the model's missing-from-home crisis), not abuse.
        String.raw`batters)\s+me\b(?! out\b)`,
      ].join(''),
    ),
  ],
  ['suicide', /(انتحار|انتحر|اقتل نفسي|قتل نفسي|انهي حياتي)/],
  // Self-harm, as the English rule has it: "I hurt / cut myself", "self-harm", in Arabic script (not after "not")…
  [
    'self-harm',
    new RegExp(
      [
        // Arabic is read with one form of alef, ya and ta marbuta ("أؤذي" as "اوذي", "أذية" as "اذيه").
        String.raw`(?<!(?:^|\s)(?:ما|لا|مش|مو|لم) )(?:اوذي|ااذي|باذي|اجرح|بجرح) (?:نفسي|حالي|جسمي)|`,
        String.raw`(?:ايذاء|اذيه) (?:النفس|نفسي|الذات)`,
      ].join(''),
    ),
  ],
  // …and in Arabizi: "b2ta3 7ali" (I cut myself), "bjra7 7ali", "ba2zi nafsi".
  [
    'self-harm',
    new RegExp(
      [
        NOT_BEFORE_ARABIZI,
        String.raw`\b(?:b2ta3|ba2ta3|bi2ta3|b2a6a3|bjra7|bajra7|bijra7|b2zi|`,
        String.raw`ba2zi|bi2zi|a2zi|2a2zi|ba2zy|2ajra7|ajra7|a2ta3|2a2ta3) (?:7ali|nafsi|7aly|nafsy|7alee)\b`,
      ].join(''),
    ),
  ],
  // "I want to die" in Arabic written in Latin letters (Arabizi): Levantine "badi mout", Egyptian "3ayez amoot", Gulf
  // "abi amoot", Maghrebi "bghit nmout". Not after "not" ("ma bde amoot bala ma ashoof…"), and not dying *of*
  // something ("3ayza amoot mn el ksouf", of embarrassment) or *for* someone, which the model reads.
  [
    'suicide',
    new RegExp(
      [
        NOT_BEFORE_ARABIZI,
        String.raw`\b(?:badi|bidi|biddi|bde|bdi|baddi|bade|beddi|`,
        String.raw`3ayez|3ayza|3awez|3awza|abi|abgha|abga|nefsi|nfsi|nifsi|arid|areed|bghit|bgheet) `,
        String.raw`(?:a|2a|n)?m[ou]+[tw]\b(?! (?:mn|men|min|mel|3ala|3aleh|3aleha|3aleek|fik|fiki)\b)`,
      ].join(''),
    ),
  ],
];

/**
 * Harmless idioms and names that contain a rule's words ("killing myself laughing", "suicide squad"): taken out of
 * the text before the rules read it, so the rest of the message is still read by them (and the whole of it by the
 * model).
 */
const HARMLESS: RegExp[] = [
  /\b(?:laughing|laughed|died laughing|dying) (?:so hard )?i (?:want to|wanna) die\b/g,
  /\bkill(?:ing|ed)? my ?self (?:laughing|with laughter)\b/g,
  /\bsuicide (?:squad|doors?)\b/g,
];

/**
 * The kinds of risk an unambiguous statement shows, in rule order.
 * @example ruleRisk('i am going to kill myself') // ['suicide']
 */
export function ruleRisk(normalised: string): RiskKind[] {
  const text = HARMLESS.reduce((rest, idiom) => rest.replace(idiom, ' '), normalised);
  const kinds: RiskKind[] = [];
  for (const [kind, pattern] of RULES) if (!kinds.includes(kind) && pattern.test(text)) kinds.push(kind);
  return kinds;
}
