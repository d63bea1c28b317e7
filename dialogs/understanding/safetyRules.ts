/**
 * The few hand-written rules kept beside the learned classifier: statements so unambiguous, and so costly to miss,
 * that no model score should be able to overrule them. Everything else is learned from content/understanding.
 */
import type { RiskKind } from '../../content/topics';

/** Run on normalised words (lower case, text speak expanded: "im" -> "i am", "cant" -> "cannot"). */
const RULES: Array<[RiskKind, RegExp]> = [
  [
    'suicide',
    /\b(?:suicid\w*|sucid\w*|suicdal|kms|kill(?:ing)? my ?self|end(?:ing)? my (?:own )?l[iy]f\w*|take my (?:own )?life|unaliv\w* my ?self|want to die|wanna die|hang(?:ing)? my ?self)\b/,
  ],
  [
    'overdose',
    /\b(?:(?:took|taken|had|swallowed|necked) (?:an )?overdose|i (?:have )?(?:overdosed|od d|odd)(?! on (?:chocolate|sugar|sweets|coffee|caffeine|netflix)))\b/,
  ],
  [
    'overdose',
    /\b(?:going to|might|about to|want to|will|wanna|gonna|planning to|thinking of) (?:od|take an overdose|overdose)\b/,
  ],
  [
    'self-harm',
    /\b(?:self ?harm\w*|cut(?:ting)? my (?:wrists?|arms?|legs?|thighs?)|cut(?:ting)? my ?self(?! (?:on|shaving|cooking|by accident|accidentally))|burn(?:ing|t|ed)? my ?self(?! (?:on|cooking|with the|by accident|accidentally)))\b/,
  ],
  ['sexual-violence', /\b(?:raped|rape me|sexually (?:assaulted|abused))\b/],
  // A person (not "my back") hurting them: "my foster carer is hurting me", "he keeps hitting me".
  [
    'abuse',
    /\b(?:he|she|they|my (?:foster )?(?:carers?|mum|mam|dad|step ?dad|step ?mum|partner|boyfriend|bf|girlfriend|gf|ex|husband|wife|brother|sister|uncle|aunt|cousin|landlord|flatmate|housemate|staff|support worker|key worker))\s+(?:is |are |was |were |keeps |has been |have been |been )?(?:hurting|hitting|beating|abusing|strangling|choking|punching|kicking|slapping|battering|hits|beats|hurts|abuses|chokes|strangles|punches|kicks|slaps|batters)\s+me\b/,
  ],
  ['suicide', /(انتحار|انتحر|اقتل نفسي|قتل نفسي|انهي حياتي)/],
];

/** Rewordings of harmless idioms, applied first ("hit me up", "kill time"). */
const HARMLESS: RegExp[] = [/\b(?:laughing|laughed|died laughing|dying) (?:so hard )?i (?:want to|wanna) die\b/];

/**
 * The kinds of risk an unambiguous statement shows, in rule order.
 * @example ruleRisk('i am going to kill myself') // ['suicide']
 */
export function ruleRisk(normalised: string): RiskKind[] {
  if (HARMLESS.some((pattern) => pattern.test(normalised))) return [];
  const kinds: RiskKind[] = [];
  for (const [kind, pattern] of RULES) if (!kinds.includes(kind) && pattern.test(normalised)) kinds.push(kind);
  return kinds;
}
