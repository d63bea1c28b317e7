/** Recognises messages that suggest risk (suicide, self-harm, danger, abuse, exploitation, going missing) before any dialog runs. */
import type { RiskKind } from '../../content/topics';
import { normalise } from '../understanding/normalise';

export interface RiskAssessment {
  kinds: RiskKind[];
  confidence: 'high' | 'possible';
}

interface RiskPattern {
  kind: RiskKind;
  pattern: RegExp;
  confidence?: 'high' | 'possible';
}

// Patterns run on normalised text: lower case, no punctuation, text speak expanded ("im" -> "i am", "cant" -> "cannot").
const ME = '(?:i|me|my|myself|im|i am|i have|ive)';
const GAP = '(?:\\s+\\S+){0,4}?';

const PATTERNS: RiskPattern[] = [
  // Suicide: direct, slang and indirect statements.
  { kind: 'suicide', pattern: /\b(suicid\w*|sucid\w*|suicdal|suiside\w*|kms|kys myself|unaliv\w*|un aliv\w*|end(?:ing)? my life|end it all|take my (?:own )?life|kill(?:ing)? my ?self|kil my ?self)\b/ },
  { kind: 'suicide', pattern: new RegExp(`\\b${ME}${GAP}\\s+(?:want|wanna|going|gonna|wish|plan\\w*|thinking|think|ready|about)\\s+(?:to\\s+)?(?:die|be dead|end it|not wake up|never wake up|disappear forever|stop living|not exist)\\b`) },
  { kind: 'suicide', pattern: /\b(?:want|wanna|wish i (?:was|were|could)|like to|ready to)\s+(?:to\s+)?(?:die|be dead)\b/ },
  { kind: 'suicide', pattern: /\b(?:do not|dont|no longer) want to (?:be here|be alive|live|exist|wake up|carry on|go on)\b/ },
  { kind: 'suicide', pattern: /\b(?:better off|be better) (?:without me|if i (?:was|were) (?:dead|gone|not here))\b/ },
  { kind: 'suicide', pattern: /\b(?:no|not any|nothing to) (?:point|reason) (?:in |to )?(?:living|live|being alive|keep going|going on|carry on|be alive|wake up)\b/ },
  { kind: 'suicide', pattern: /\bwhat is the point (?:in|of) (?:living|life|being alive|me being here|carrying on|anything any more)\b/ },
  { kind: 'suicide', pattern: /\b(?:cannot|can not) (?:do this|go on|carry on|cope|take it|keep going)(?: any more| no more)?\b.*\b(?:done|finished|end|over|goodbye|bye)\b/ },
  { kind: 'suicide', pattern: /\b(?:done with life|tired of (?:living|being alive|life)|sick of living|life is not worth|not worth living|want it all to (?:end|stop)|want everything to stop|want to go to sleep and never|sleep (?:forever|and never wake))\b/ },
  { kind: 'suicide', pattern: /\b(?:saved up|saving up|stockpil\w*|got) (?:my |some |loads of |all my )?(?:pills|tablets|meds)\b/ },
  { kind: 'suicide', pattern: /\b(?:wrote|written|writing) (?:a |my )?(?:suicide |goodbye )?(?:note|letter) (?:for|to) (?:everyone|my|when)|\bgoodbye note\b|\bsuicide note\b/ },
  { kind: 'suicide', pattern: /\b(?:jump(?:ing)? (?:off|in front)|hang(?:ing)? my ?self|throw my ?self (?:off|in front)|step in front of|walk into the sea|in front of a (?:train|car|bus))\b/ },
  { kind: 'suicide', pattern: /\b(?:goodbye (?:everyone|world|forever)|this is my last (?:message|night|day)|won t be here tomorrow|will not be here tomorrow|not be around much longer)\b/ },
  // Arabic: suicide and wanting to die.
  { kind: 'suicide', pattern: /(انتحار|انتحر|أنتحر|اقتل نفسي|أقتل نفسي|قتل نفسي|اريد ان اموت|أريد أن أموت|بدي موت|ابغى اموت|انهي حياتي|أنهي حياتي)/ },

  // Self-harm.
  { kind: 'self-harm', pattern: /\b(self ?harm\w*|self harming|sh again|relapsed? on sh|sh relapse|cutting (?:my ?self|again|myself)|cut (?:my ?self|my (?:arms?|wrists?|legs?|thighs?))|been cutting|started cutting|burn(?:ing|t|ed)? (?:my ?self|my (?:arms?|skin|hands?))|hurt(?:ing)? my ?self|harm(?:ing)? my ?self|scratch(?:ing)? (?:my ?self|my (?:arms?|skin)) (?:till|until|so)|punch(?:ing)? (?:walls?|my ?self) (?:till|until)|bang(?:ing)? my head|hit(?:ting)? my ?self)\b/ },
  { kind: 'self-harm', pattern: /\b(?:took|taken|swallowed|had) (?:too many|a load of|loads of|a bunch of|all (?:my|the)) (?:pills|tablets|paracetamol|meds)\b/ },
  { kind: 'self-harm', pattern: /(أؤذي نفسي|اؤذي نفسي|أجرح نفسي|اجرح نفسي|إيذاء النفس|ايذاء النفس)/ },

  // Immediate danger.
  { kind: 'immediate-danger', pattern: /\b(?:not safe|unsafe|in danger|scared for my life|fear for my life|going to (?:hurt|kill|stab|attack) me|gonna (?:hurt|kill|stab) me|threaten\w* (?:me|to (?:hurt|kill|stab))|got a (?:knife|gun|weapon)|has a (?:knife|gun|weapon)|been (?:stabbed|attacked|assaulted|jumped|beaten up)|outside my (?:door|flat|house) (?:threat|shout|trying)|trying to (?:get in|break in)|(?:flat|house|room) is on fire|overdosed|od d|i od|cannot breathe|can not breathe|need an ambulance|call (?:the )?police)\b/ },
  { kind: 'immediate-danger', pattern: /\b(?:do not|dont) feel safe\b/ },
  { kind: 'immediate-danger', pattern: /\b(?:scared|afraid|frightened|terrified) (?:that )?(?:(?:he|she|they) (?:will|is going to|are going to|going to)|hell|shell|theyll) (?:hurt|kill|hit|find|stab|beat) me\b/ },
  { kind: 'immediate-danger', pattern: /(في خطر|لست بأمان|لست آمن|مش آمن|يهددني|سيقتلني)/ },

  // Abuse: physical, sexual, emotional, domestic, coercive control.
  { kind: 'abuse', pattern: /\b(?:my|the|our|his|her) (?:foster ?carers?|carers?|mum|mom|dad|step ?dad|step ?mum|partner|boyfriend|bf|girlfriend|gf|husband|wife|ex|uncle|aunt|brother|sister|cousin|landlord|support worker|key ?worker|staff|mums? (?:boy)?friend|mums partner|dads partner|teacher)\b(?:\s+\S+){0,3}\s+(?:hits|hit|beats|beat|punches|punched|kicks|kicked|slaps|slapped|chokes|choked|strangl\w+|hurts|hurt|abuses|abused|rap\w+|touch\w*|forced|forces|threatens|threatened|batters|battered|smacks|smacked|pushes|pushed|locks me|locked me|burns|burned|burnt)\b/ },
  { kind: 'abuse', pattern: /\b(?:i was|i got|i have been|been|being|got) (?:raped|rapped|sexually (?:abused|assaulted)|abused|molested|groped|assaulted|beaten|hit by|touched by)\b/ },
  { kind: 'abuse', pattern: /\b(?:touched me|touches me|touching me|made me do (?:sexual|stuff|things)|makes me do (?:sexual|stuff|things)|forced me (?:to|into)|forces me to|sexual stuff)\b/ },
  { kind: 'abuse', pattern: /\b(?:controls|checks|takes|took) (?:all )?my (?:money|phone|bank card|benefits)\b.*\b(?:won t let|will not let|does not let|doesnt let|not allowed|scared|hits|threat)|\bwill not let me (?:see|go out|leave|have)\b|\bwon t let me (?:see|go out|leave)\b/ },
  { kind: 'abuse', pattern: /\b(?:domestic (?:abuse|violence)|abusive (?:relationship|partner|boyfriend|girlfriend|home)|being abused|getting abused|get abused|he abuses|she abuses|rape|raped|sexual abuse|sexually abused|beats me|hits me|hurts me|kicks me|chokes me)\b/ },
  { kind: 'abuse', pattern: /\b(?:bullied|bullying) and (?:threatened|attacked|hit|beaten)|\bthreatening me\b/ },
  { kind: 'abuse', pattern: /(يضربني|تضربني|اعتداء|اغتصاب|اغتصبني|تحرش|يتحرش|يؤذيني|عنف منزلي)/ },

  // Exploitation: criminal, sexual, county lines, cuckooing, online grooming, debt bondage.
  { kind: 'exploitation', pattern: /\b(?:county lines|cuckoo\w*|carry(?:ing)? (?:packages|parcels|stuff|bags|drugs) (?:for|to)|run(?:ning)? (?:drugs|packages|lines) (?:for|to)|hold(?:ing)? (?:stuff|drugs|packages|a bag|things) for (?:people|them|some|older)|deal(?:ing)? (?:from|out of) my (?:flat|house|place)|using my (?:flat|house|place|room) (?:to|for) (?:deal|sell|drugs|stash)|taken over my (?:flat|place))\b/ },
  { kind: 'exploitation', pattern: /\b(?:owe (?:them|him|her|people|some (?:guys|men|people))|in debt to (?:them|some|people|a dealer)|pay (?:it |them )?back by|work off (?:the|my) debt|have to do jobs for|make me (?:sell|deal|carry|run|hold)|making me (?:sell|deal|carry|run|hold)|made me (?:sell|deal|carry|run|hold))\b/ },
  { kind: 'exploitation', pattern: /\b(?:send (?:him |her |them )?(?:pics|nudes|photos|pictures|videos) of me|wants? (?:me to send|my) (?:pics|nudes|photos)|asking for nudes|(?:older|old) (?:guy|man|men|guys|boys|lads) (?:gives?|gave|buy|bought) me|gives? me (?:weed|drugs|money|gifts|alcohol) (?:and|then|but) (?:now|wants?|says?)|paid (?:to|me to) (?:hold|carry|sell|drop)|getting paid to (?:hold|carry|sell|drop|move))\b/ },
  { kind: 'exploitation', pattern: /\b(?:hurt|kill|get) my (?:family|mum|sister|brother|little brother|little sister) if i (?:stop|tell|leave|say)\b|\bsaid they ll hurt\b|\bsaid they will hurt\b/ },
  { kind: 'exploitation', pattern: /(استغلال|يجبرونني على بيع|يجبرني على بيع|أجبروني|اجبروني)/ },

  // Going missing, or nowhere safe to sleep tonight.
  { kind: 'missing', pattern: /\b(?:ran away|run away|running away|runaway|ran off from|left my placement|walked out of my placement|not going back (?:home|there|to (?:my )?placement)|no one knows where i am|nobody knows where i am|gone missing|went missing|am missing|reported missing)\b/ },
  { kind: 'missing', pattern: /\b(?:nowhere (?:to|2) (?:stay|sleep|go)|no where to (?:stay|sleep|go)|sleeping (?:rough|on the streets?|outside|in a park|in the park|on a bench)|on the streets? tonight|kicked out (?:and|with) nowhere|got kicked out tonight|homeless tonight|no place to (?:stay|sleep) tonight)\b/ },
  { kind: 'missing', pattern: /(هربت|لا أحد يعرف أين أنا|ليس لدي مكان أنام فيه|بدون مأوى الليلة)/ },
];

// Hyperbole and everyday phrases that contain risk words but are not about risk.
const IDIOMS: RegExp[] = [
  /\b(?:so bored|bored|embarrassed|laughing|laughed|cringe|hungry|tired|starving)\b.{0,20}\b(?:i could die|i am dying|dying|dead)\b/,
  /\b(?:this|that|the|my|these|those) (?:exam|exams|homework|work|shift|job|course|essay|heat|traffic|queue|journey|film|show|song|game|gym|walk|hill|stairs|college|uni|lecture|week|day|maths|revision|deadline|commute|landlord|bus)\b.{0,25}\b(?:killing me|kills me|will kill me|gonna kill me|going to kill me)\b/,
  /\b(?:i am )?(?:dead|dying) (?:tired|funny|hungry|bored)\b/,
  /\b(?:lol|lmao|haha\w*|dead)\b.{0,10}\bi am (?:dying|dead)\b|\bi am (?:dying|dead)\b.{0,10}\b(?:lol|lmao|haha\w*)\b/,
  /\b(?:phone|battery|laptop|plant|fish|car|tv|console|xbox|ps5) (?:died|is dead|dead)\b/,
  /\bkill (?:the )?(?:lights|music|time|it in|the vibe)\b|\bkilling it\b|\bkilled it\b/,
  /\bcut (?:my )?(?:hair|fringe|nails|down|back|out|ties|off (?:my )?(?:contract|phone|benefits|money|electric))\b|\bcutting (?:down|back|out)\b|\bdy(?:e|ing) my hair\b/,
];

function isIdiomOnly(text: string): boolean {
  return IDIOMS.some((idiom) => idiom.test(text));
}

/**
 * Returns the kinds of risk a message suggests, or null. Safety errs towards recall: a missed statement is far
 * worse than an unneeded crisis reply, so only a small set of obvious idioms ("this exam is killing me") is excused.
 * @example detectRisk("honestly dont wanna be here anymore") // { kinds: ['suicide'], confidence: 'high' }
 * @example detectRisk("feeling a bit down today") // null
 */
export function detectRisk(text: string): RiskAssessment | null {
  if (!text) return null;
  const normalised = normalise(text.slice(0, 5000));
  const kinds: RiskKind[] = [];
  for (const { kind, pattern } of PATTERNS) {
    if (!kinds.includes(kind) && pattern.test(normalised)) kinds.push(kind);
  }
  if (kinds.length === 0) return null;
  if (isIdiomOnly(normalised) && kinds.every((kind) => kind === 'suicide' || kind === 'self-harm')) {
    // "this exam is killing me lol": excused only when no genuine statement also matched after removing the idiom.
    const withoutIdioms = IDIOMS.reduce((rest, idiom) => rest.replace(idiom, ' '), normalised);
    if (!PATTERNS.some(({ pattern }) => pattern.test(withoutIdioms))) return null;
  }
  return { kinds, confidence: 'high' };
}
