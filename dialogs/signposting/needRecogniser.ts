/** Maps what a care leaver writes, in their own words, to the needs the service directory covers. */
import type { TopicId } from '../../content/topics';
import { normalise } from '../understanding/normalise';

export interface NeedMatch {
  topic: TopicId;
  score: number;
}

/** Stems (matched at word starts) and phrases per need, with a weight; typos are caught by edit distance on single words. */
const LEXICON: Record<TopicId, Array<[string, number]>> = {
  'feeling-low': [
    ['depress', 3], ['anxi', 3], ['anxious', 3], ['panic', 3], ['stress', 2], ['sad', 2], ['low', 1.5], ['down', 1], ['upset', 2], ['crying', 2.5], ['cried', 2], ['cries', 2], ['feeling down', 3], ['on top of me', 3], ['nervous', 2.5], ['get out of bed', 3], ['flashback', 3], ['switch off', 2.5], ['on edge', 3], ['how i feel', 2.5], ['how i am feeling', 2.5], ['my feelings', 2.5], ['mental health support', 4], ['panicky', 3], ['scared all the time', 3], ['paranoid', 3], ['low mood', 4], ['feel down', 3], ['rubbish', 1.5], ['proper rubbish', 3], ['tearful', 3],
    ['lonely', 2], ['alone', 1.5], ['worr', 2], ['overthink', 3], ['mental health', 3], ['mental', 2], ['bad thoughts', 3], ['thinking bad', 3],
    ['dark thoughts', 3], ['cannot sleep', 2], ['not sleeping', 2], ['insomnia', 2], ['nightmare', 2], ['trauma', 2], ['ptsd', 3], ['grief', 2],
    ['miserable', 3], ['griev', 3], ['not myself', 3], ['going crazy', 3], ['going mad', 3], ['enjoy anything', 3], ['no motivation', 3], ['unmotivated', 3], ['bereave', 3], ['passed away', 2.5], ['empty', 2], ['numb', 2], ['hopeless', 3], ['struggling', 2], ['not ok', 2], ['not okay', 2], ['feel shit', 3],
    ['feel crap', 3], ['feel rubbish', 3], ['feeling rubbish', 3], ['head is a mess', 3], ['mind is racing', 3], ['therapy', 3], ['therap', 3],
    ['counsell', 3], ['eating disorder', 3], ['not eating', 2], ['self esteem', 2], ['confidence', 1.5], ['wellbeing', 2], ['well being', 2],
    ['emotional', 2], ['mood', 2], ['moody', 1.5], ['breakdown', 3], ['burnt out', 2], ['burnout', 2], ['overwhelm', 3], ['qwell', 3], ['kooth', 3],
    ['cannot cope', 3], ['not coping', 3], ['fed up', 2], ['heartbroken', 2], ['break up', 1.5], ['broke up', 1.5], ['feel bad', 2],
  ],
  'drugs-alcohol': [
    ['weed', 4], ['dealer', 3], ['drinking problem', 4], ['cannabis', 3], ['smoking', 1.5], ['smoke', 1.5], ['spliff', 3], ['joint', 2], ['zoot', 3], ['bud', 1.5], ['skunk', 3],
    ['drink', 2], ['drinking', 2.5], ['alcohol', 3], ['alcoholic', 3], ['drunk', 2.5], ['booze', 3], ['vodka', 3], ['wasted', 2], ['hungover', 2],
    ['drug', 3], ['ket', 3], ['ketamine', 3], ['coke', 3], ['cocaine', 3], ['mdma', 3], ['pills', 1.5], ['pill', 1], ['ecstasy', 3], ['pingers', 3],
    ['nos', 2.5], ['balloons', 2], ['spice', 3], ['heroin', 3], ['crack', 2], ['vape', 1.5], ['vaping', 1.5], ['high', 1], ['getting high', 3], ['get clean', 3.5], ['stay clean', 3.5], ['getting clean', 3.5], ['relapse', 2], ['get high', 3], ['stoned', 3],
    ['addict', 3], ['addiction', 3], ['using again', 2], ['open road', 4], ['substance', 3], ['gambling', 2], ['sober', 2], ['rehab', 3],
  ],
  'behaviour-neurodiversity': [
    ['adhd', 4], ['sit still', 3], ['spectrum', 4], ['smash', 2.5], ['mad', 1.5], ['fight', 2.5], ['into fights', 3], ['brain is everywhere', 3], ['cannot concentrate', 3], ['add', 1], ['have add', 3.5], ['autism', 4], ['autistic', 4], ['asd', 4], ['asc', 3], ['aspergers', 4], ['neurodiver', 4], ['diagnos', 2],
    ['assessment', 1.5], ['angry', 2.5], ['anger', 2.5], ['temper', 2.5], ['rage', 2], ['lash out', 3], ['lose my temper', 3], ['kick off', 2],
    ['kicking off', 2], ['behaviour', 3], ['behavior', 3], ['focus', 2], ['concentrat', 2], ['hyper', 2], ['impulsive', 3], ['fidget', 2],
    ['sensory', 3], ['meltdown', 3], ['dyslexi', 3], ['learning difficult', 3], ['sen', 1.5], ['ehcp', 3], ['small steps', 4], ['fighting', 1.5],
  ],
  housing: [
    ['housing', 4], ['where can i live', 4], ['a place asap', 3.5], ['need a place', 3.5], ['place to stay', 3.5], ['where i will live', 4], ['where ill live', 4], ['where to live', 4], ['placement is ending', 3.5], ['placement ending', 3.5], ['priority', 2], ['live with', 3], ['boiler', 3], ['heating', 2], ['repairs', 3], ['house', 2], ['flat', 2], ['home', 1], ['homeless', 4], ['somewhere to live', 4], ['place to live', 4], ['place to stay', 3],
    ['move out', 3], ['moving out', 3], ['landlord', 3], ['rent', 2], ['evict', 4], ['kicked out', 3], ['kick me out', 3], ['kicking me out', 3],
    ['tenancy', 4], ['hostel', 3], ['supported accommodation', 4], ['supported living', 4], ['accommodation', 4], ['staying put', 4], ['stay with my foster', 4], ['stay with foster', 4], ['stay at my foster', 4],
    ['foster carer', 1.5], ['sofa surf', 4], ['council house', 4], ['bidding', 3], ['housing list', 4], ['mould', 3], ['damp', 2], ['neighbour', 1.5],
    ['bills', 1.5], ['council tax', 2], ['room', 1], ['lodging', 3], ['move house', 3], ['new place', 2], ['deposit', 2],
  ],
  money: [
    ['money', 4], ['furniture', 3.5], ['white goods', 3.5], ['fridge', 2], ['skint', 4], ['broke', 3], ['afford', 3], ['cannot afford', 4], ['debt', 3], ['owe', 1.5], ['benefit', 3], ['universal credit', 4],
    ['uc', 2], ['pip', 2.5], ['bursary', 4], ['grant', 2.5], ['allowance', 3], ['setting up home', 4], ['budget', 3], ['bank', 2], ['loan', 3],
    ['overdraft', 3], ['pay', 1], ['paid', 1], ['cash', 3], ['food bank', 4], ['foodbank', 4], ['food', 1.5], ['hungry', 1.5], ['electric', 2],
    ['gas bill', 3], ['bills', 2], ['council tax', 3], ['sanction', 3], ['wages', 2], ['income', 3], ['savings', 2], ['junior isa', 3], ['isa', 2],
    ['bus pass', 2], ['travel', 1], ['cost of living', 3], ['struggling to pay', 4], ['no food', 3], ['cannot pay', 4],
  ],
  health: [
    ['health', 3], ['morning after pill', 5], ['stomach', 3], ['blurry', 3], ['lose weight', 3], ['health passport', 5], ['gp', 4], ['doctor', 4], ['dentist', 4], ['dental', 4], ['teeth', 3], ['tooth', 3], ['prescription', 4], ['medication', 3],
    ['meds', 2], ['ill', 2], ['sick', 2], ['poorly', 3], ['pain', 2.5], ['hurts', 1], ['hospital', 3], ['=nurse', 3], ['optician', 4], ['glasses', 2],
    ['eyes', 1.5], ['contracept', 4], ['sexual health', 4], ['sti', 3], ['std', 3], ['condom', 3], ['pregnan', 2], ['period', 2], ['asthma', 3],
    ['health history', 5], ['medical history', 5], ['health record', 4], ['medical record', 4.5], ['register', 1.5], ['vaccin', 3], ['injection', 2], ['weight', 1.5],
    ['diet', 2], ['exercise', 2], ['gym', 1.5], ['check up', 3], ['appointment', 2], ['physical', 2], ['injur', 3], ['rash', 3], ['cough', 3],
    ['headache', 3], ['migraine', 3], ['allerg', 3], ['diabet', 3], ['epilep', 3], ['unwell', 3],
  ],
  'education-work': [
    ['college', 4], ['i want to be a', 2.5], ['wanna be a', 2.5], ['i want to become', 2.5], ['access course', 4], ['failed my', 2], ['uni', 3], ['university', 4], ['school', 3], ['course', 3], ['study', 3], ['studying', 3], ['exam', 2.5], ['gcse', 4],
    ['a level', 4], ['btec', 4], ['apprentice', 4], ['job', 4], ['jobs', 4], ['work', 2.5], ['working', 2], ['employ', 3], ['unemployed', 4],
    ['career', 4], ['cv', 4], ['interview', 3], ['training', 3], ['qualification', 3], ['neet', 4], ['job centre', 4], ['jobcentre', 4],
    ['volunteer', 3], ['work experience', 4], ['internship', 4], ['maths', 2], ['english class', 2], ['esol', 4], ['student', 3], ['tuition', 3],
    ['ucas', 4], ['placement year', 3], ['part time', 2], ['shifts', 1.5], ['sacked', 3], ['fired', 2.5], ['boss', 2], ['virtual school', 3],
  ],
  'leaving-care-support': [
    ['pa', 3], ['after care', 4], ['support from the council', 3.5], ['care records', 4.5], ['care file', 4.5], ['my file', 3], ['what help can i get', 3], ['help i can get', 3], ['leaving care worker', 5], ['cancelling on me', 2], ['personal adviser', 5], ['personal advisor', 5], ['leaving care', 5], ['care leaver', 4], ['local offer', 5], ['pathway plan', 5],
    ['social worker', 3], ['leaving care team', 5], ['16 plus', 3], ['entitle', 4], ['rights', 3], ['what am i entitled', 5], ['support worker', 2],
    ['never answers', 2], ['does not answer', 2], ['ignor', 1.5], ['complain', 3], ['advocate', 3], ['advocacy', 3], ['care experienced', 4],
    ['my worker', 2], ['leaving foster', 3], ['turning 18', 3], ['turn 18', 3], ['when i am 18', 3], ['after 18', 3], ['18th', 1.5], ['corporate parent', 4],
  ],
  parenting: [
    ['pregnant', 4], ['baby', 4], ['my kid', 4], ['my child', 4], ['my son', 4], ['my daughter', 4], ['toddler', 4], ['parent', 3], ['mum to be', 4],
    ['dad to be', 4], ['expecting', 2.5], ['midwife', 4], ['nursery', 4], ['baby stuff', 4], ['fever', 1.5], ['nappies', 4], ['childcare', 4], ['nursery', 3], ['health visitor', 4], ['bump', 1.5],
    ['kids', 2.5], ['my little one', 4], ['being a mum', 4], ['being a dad', 4], ['young mum', 4], ['young dad', 4],
  ],
  'someone-to-talk-to': [
    ['talk to', 3], ['alone', 2.5], ['do not have anyone', 3.5], ['have no one', 3.5], ['got no one', 3.5], ['on my side', 3], ['no family', 3], ['join a group', 3], ['group', 2], ['gets me', 2.5], ['understand me', 3], ['understands', 2], ['chat to', 3], ['need a friend', 3.5], ['someone to talk', 4], ['no one to talk', 4], ['nobody to talk', 4], ['listen', 2.5], ['vent', 3], ['mentor', 4], ['lonely', 2],
    ['no friends', 3], ['friend', 1.5], ['isolated', 3], ['on my own', 2], ['by myself', 1.5], ['chat to', 2.5], ['speak to', 2.5], ['talk', 1.5],
    ['young lives', 4], ['youth club', 3], ['meet people', 3], ['no one cares', 3], ['nobody cares', 3], ['be heard', 3], ['understands me', 3],
  ],
};

/** Arabic keywords (matched inside the text, as Arabic attaches prefixes). */
const ARABIC: Record<TopicId, string[]> = {
  'feeling-low': ['حزين', 'حزن', 'قلق', 'اكتئاب', 'مكتئب', 'توتر', 'ضغط نفسي', 'وحيد', 'نفسي', 'خائف'],
  'drugs-alcohol': ['مخدرات', 'حشيش', 'كحول', 'خمر', 'سكران', 'إدمان', 'ادمان'],
  'behaviour-neurodiversity': ['توحد', 'فرط الحركة', 'غضب', 'سلوك', 'عصبي'],
  housing: ['سكن', 'بيت', 'شقة', 'منزل', 'مأوى', 'إيجار', 'ايجار'],
  money: ['مال', 'فلوس', 'نقود', 'دين', 'ديون', 'إعانة', 'اعانة', 'راتب'],
  health: ['صحة', 'طبيب', 'دكتور', 'مستشفى', 'أسنان', 'اسنان', 'دواء', 'مريض'],
  'education-work': ['دراسة', 'جامعة', 'كلية', 'مدرسة', 'عمل', 'وظيفة', 'شغل', 'تدريب'],
  'leaving-care-support': ['المستشار الشخصي', 'مستشاري', 'مغادرة الرعاية', 'الأخصائي الاجتماعي', 'حقوقي'],
  parenting: ['حامل', 'طفلي', 'رضيع', 'ابني', 'بنتي'],
  'someone-to-talk-to': ['أتحدث', 'اتكلم', 'أحد أكلمه', 'صديق', 'وحدي'],
};

/** Words that look like lexicon stems but mean something else here. */
const STOP_WORDS = new Set(['pass', 'pay attention', 'paper', 'pasta', 'past', 'path', 'page', 'pain in the', 'sent', 'send', 'sense', 'seen', 'add me', 'address', 'additional', 'high street', 'low key', 'lowkey']);

function editDistanceAtMost(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  const previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      rowMin = Math.min(rowMin, current[j]);
    }
    if (rowMin > max) return false;
    previous.splice(0, previous.length, ...current);
  }
  return previous[b.length] <= max;
}

function matchesTerm(words: string[], padded: string, rawTerm: string): boolean {
  if (rawTerm.includes(' ')) return padded.includes(` ${rawTerm}`);
  // "=nurse" matches the word (or its plural) only, so "nursery" is not a nurse.
  if (rawTerm.startsWith('=')) return words.some((word) => word === rawTerm.slice(1) || word === `${rawTerm.slice(1)}s`);
  const term = rawTerm;
  const short = term.length <= 3;
  for (const word of words) {
    if (STOP_WORDS.has(word)) continue;
    if (short ? word === term : word.startsWith(term)) return true;
    // Typos keep the first letter; short words are left alone ("join" is not "joint", "fights" is not "rights").
    const allowed = term.length >= 8 ? 2 : term.length >= 6 ? 1 : 0;
    if (!allowed || word[0] !== term[0] || word.length < term.length - allowed) continue;
    // Compare with the word's start too, so "apprenticship" still meets the stem "apprentice".
    if (editDistanceAtMost(word, term, allowed) || editDistanceAtMost(word.slice(0, term.length), term, allowed)) return true;
  }
  return false;
}

/**
 * Ranks the needs a message is about, best first; empty when nothing matches.
 * @example recogniseNeeds("been smoking a lot of weed") // [{ topic: 'drugs-alcohol', score: 4.5 }]
 */
export function recogniseNeeds(text: string): NeedMatch[] {
  const normalised = normalise(text.slice(0, 2000));
  if (!normalised) return [];
  const words = normalised.split(' ');
  const padded = ` ${normalised} `;
  const matches: NeedMatch[] = [];
  for (const topic of Object.keys(LEXICON) as TopicId[]) {
    let score = 0;
    for (const [term, weight] of LEXICON[topic]) if (matchesTerm(words, padded, term)) score += weight;
    for (const keyword of ARABIC[topic]) if (normalised.includes(keyword)) score += 3;
    if (topic === 'health' && padded.includes(' mental health')) score -= 3; // mental health is about feelings, not the GP
    if (score >= 1.5) matches.push({ topic, score });
  }
  return matches.sort((a, b) => b.score - a.score);
}
