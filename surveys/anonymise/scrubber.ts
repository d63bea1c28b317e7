/** Takes personal details out of free text the moment it arrives, replacing each with a placeholder such as [phone]. */
import { Culture, recognizeEmail, recognizePhoneNumber, recognizeURL } from '@microsoft/recognizers-text-sequence';

export type PiiKind =
  | 'phone'
  | 'email'
  | 'url'
  | 'postcode'
  | 'address'
  | 'name'
  | 'nhs-number'
  | 'ni-number'
  | 'date-of-birth'
  | 'social-handle'
  | 'reference';

export interface ScrubResult {
  text: string;
  found: PiiKind[];
}

const MAX_INPUT = 5000;

/** A regular expression written in pieces, so long patterns stay readable. */
const pieces = (flags: string, ...parts: string[]) => new RegExp(parts.join(''), flags);

const MONTH = String.raw`(?:jan\w*|feb\w*|mar\w*|apr\w*|may|jun\w*|jul\w*|aug\w*|sep\w*|oct\w*|nov\w*|dec\w*)`;
const DATE = [
  String.raw`(?:\d{1,2}(?:st|nd|rd|th)?[\s./-]+(?:\d{1,2}|${MONTH})[\s./-]+\d{2,4}`,
  String.raw`|${MONTH}\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4})`,
].join('');
const STREET_WORDS = [
  'street|st|road|rd|avenue|ave|lane|ln|close|drive|dr|way|court|ct|crescent|cres|place|pl|gardens|gdns|grove',
  'terrace|hill|square|sq|walk|mews|parade|row|park|view|rise',
]
  .join('|')
  .split('|');
const STREET = `(?:${STREET_WORDS.join('|')})`;
/** Street words with a capital, for "I live on Magpie Hall Road" (lower-case "my own place" is not an address). */
const STREET_CAPITALISED = `(?:${STREET_WORDS.map((word) => word[0].toUpperCase() + word.slice(1)).join('|')})`;
const NAME = String.raw`([A-Z][a-z'’-]+|[a-z][a-z'’-]{2,})`;

/** Words that follow "my PA is" or "I'm" but are not names. */
const NOT_NAMES = new Set(
  [
    'a an the my your his her our their me you it that this what how why when where about because like',
    'literally honestly actually probably basically so really getting feeling not never always really',
    'very so too just ok okay fine good great nice lovely kind rubbish bad shit crap useless amazing',
    'brilliant helpful unhelpful late busy away off out on in at ill sick happy sad tired new old young',
    'alright here there fab mint sound safe sound back leaving going gonna trying still also only called',
    'back sure glad sorry muslim christian hindu sikh jewish gay straight bi trans black white british',
    'english single pregnant working studying a bit kinda quite pretty nowhere somewhere home done over',
    '18 16 17 19 20 21 22 23 24 25 male female autistic adhd dyslexic deaf blind disabled catholic polish',
    'romanian albanian kurdish afghan eritrean sudanese syrian iraqi iranian vietnamese nigerian somali',
    'irish scottish welsh lesbian nonbinary asian mixed muslim christian free unemployed homeless',
    'pregnant sorry confused worried scared stressed anxious lonely depressed okay fine thankful grateful',
    'mate babe bro bruv fam hun again anyway bye everyone private public',
  ]
    .join(' ')
    .split(' '),
);

interface Rule {
  kind: PiiKind;
  pattern: RegExp;
  /** Which capture group to replace (0 = whole match). */
  group?: number;
  /** Only scrub the group when it starts with a capital letter (names after "my PA is"). */
  capitalised?: boolean;
  /** The group is a surname after a placeholder: it is dropped into that placeholder. */
  surname?: boolean;
}

const MAIL_HOSTS = 'gmail|googlemail|hotmail|outlook|yahoo|icloud|live|aol|btinternet|sky|protonmail|proton|msn|ymail';

const RULES: Rule[] = [
  // Council and case references: "MED-LAC-20417", "CIN/2023/0042" (letters and digits in parts, with 3+ digits).
  { kind: 'reference', pattern: /\b[A-Z]{2,6}(?:[-/][A-Z0-9]{1,8}){1,4}\b/g },
  {
    kind: 'reference',
    pattern: pieces(
      'gi',
      String.raw`\b(?:case|ref|reference|mosaic|client|file|id|lac|cin)\s*(?:no\.?|number|num|#|ref|id)?`,
      String.raw`\s*[:#]?\s*([A-Z]{0,4}[-/]?\d{4,10}[A-Z]?)\b`,
    ),
    group: 1,
  },
  // "jade at gmail dot com", "jade(at)hotmail.co.uk": written out to get past filters.
  {
    kind: 'email',
    pattern: pieces(
      'gi',
      String.raw`\b[\w.+-]+\s*(?:\(at\)|\[at\]|\s+at\s+)\s*(?:${MAIL_HOSTS})`,
      String.raw`\s*(?:\.|\s+dot\s+|\(dot\)|\[dot\])\s*(?:com|co\.uk|co\s+uk|net|uk)\b`,
    ),
  },
  {
    kind: 'date-of-birth',
    pattern: pieces(
      'gi',
      String.raw`\b(?:d\.?o\.?b\.?|date of birth|born(?: on)?|birthday(?: is)?|bday(?: is)?)`,
      String.raw`[:\s]+(${DATE}|\d{1,2}[./-]\d{1,2}[./-]\d{2,4})`,
    ),
    group: 1,
  },
  { kind: 'email', pattern: /\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b/g },
  {
    kind: 'social-handle',
    pattern: pieces(
      'gi',
      String.raw`\b(?:https?:\/\/)?(?:www\.)?`,
      String.raw`(?:instagram\.com|tiktok\.com|snapchat\.com|facebook\.com|fb\.com|x\.com|twitter\.com`,
      String.raw`|youtube\.com|threads\.net)`,
      String.raw`\/[^\s]+`,
    ),
  },
  {
    kind: 'url',
    pattern: pieces(
      'gi',
      String.raw`\b(?:https?:\/\/|www\.)[^\s]+`,
      String.raw`|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|co\.uk|org|org\.uk|net|io|uk|me|info|gov\.uk)(?:\/[^\s]*)?\b`,
    ),
  },
  { kind: 'social-handle', pattern: /(^|[^\w@])(@[A-Za-z0-9_.]{2,30})\b/g, group: 2 },
  {
    kind: 'social-handle',
    pattern: pieces(
      'gi',
      String.raw`\b(?:my\s+)?(?:snap|snapchat|insta|ig|instagram|tiktok|tt|twitter|discord|fb|facebook|telegram`,
      String.raw`|whatsapp)(?:\s+(?:is|its|it's|it is|name is|handle is|username is|@|:))?`,
      String.raw`\s*:?\s+(?:on\s+)?@?([A-Za-z0-9_.]{3,30})\b`,
    ),
    group: 1,
  },
  // Any two letters, six digits and A-D: stricter prefix rules would let example and temporary numbers (QQ…) through.
  { kind: 'ni-number', pattern: /\b[A-Z]{2}\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-D]\b/gi },
  { kind: 'nhs-number', pattern: /\b\d{3}[\s-]?\d{3}[\s-]?\d{4}\b/g },
  { kind: 'phone', pattern: /(?:(?:\+|00)\s?44\s?\(?0?\)?\s?|\(?0)\d{2,4}\)?[\s-]?\d{3,4}[\s-]?\d{3,4}\b/g },
  { kind: 'postcode', pattern: /\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b/gi },
  {
    kind: 'address',
    pattern: pieces(
      'gi',
      String.raw`\b(?:(?:flat|apartment|apt|room|unit)\s+\d+[a-z]?,?\s+)?`,
      String.raw`\d{1,4}[a-z]?,?\s+(?:[A-Za-z'’]+\s+){1,3}${STREET}\b`,
    ),
  },
  {
    kind: 'address',
    pattern: pieces(
      'g',
      String.raw`\b(?:live|living|stay|staying|moved)\s+(?:on|in|at)\s+`,
      String.raw`((?:[A-Z][a-z'’]+\s+){1,3}${STREET_CAPITALISED})\b`,
    ),
    group: 1,
  },
  {
    kind: 'name',
    pattern: pieces(
      'gi',
      String.raw`\b(?:my name is|my names|my name's|name is|i am called|i'm called|im called|call me)`,
      String.raw`\s+${NAME}(?:\s+${NAME})?`,
    ),
    group: 1,
  },
  // Weaker cues ("it's Aisha here") only count for a capitalised word.
  {
    kind: 'name',
    pattern: /\b(?:it's|its|this is|it is)\s+([A-Za-z][a-z'’-]+)\s+(?:here|speaking|btw)\b/gi,
    group: 1,
    capitalised: true,
  },
  // "I am Tyler", "hi im Kayla": only a capitalised word that is not a description ("I'm English", "I am Autistic").
  { kind: 'name', pattern: /\b(?:i am|i'm|i’m|im)\s+([A-Za-z][a-z'’-]+)/gi, group: 1, capitalised: true },
  {
    kind: 'name',
    pattern: pieces(
      'gi',
      String.raw`\b(?:my|our)\s+(?:pa|personal advis[eo]r|social worker|sw|support worker|key ?worker`,
      String.raw`|foster (?:carer|mum|mam|dad|parent)s?|carer|boyfriend|girlfriend|bf|gf|partner|sister|brother`,
      String.raw`|mum|mam|dad|nan|nana|grandad|cousin|aunt|auntie|uncle|friend|mate|bestie|teacher|tutor|therapist`,
      String.raw`|counsellor|nurse|doctor|gp)\s+(?:is\s+(?:called\s+)?|called\s+|named\s+|,\s*)?([A-Za-z][a-z'’-]+)`,
    ),
    group: 1,
    capitalised: true,
  },
  {
    kind: 'name',
    pattern: pieces(
      'gi',
      String.raw`(?:^|[.!?]\s+|\n)(?:thanks|thank you|cheers|from|love|regards)`,
      String.raw`[,!\s-]+([A-Za-z][a-z'’-]+)\s*[.!]?\s*$`,
    ),
    group: 1,
    capitalised: true,
  },
  { kind: 'name', pattern: /\s[-–]\s?([A-Z][a-z'’-]+)\s*$/g, group: 1 },
  // A surname after a name already taken out ("my PA Sarah Jones" -> "my PA [name]").
  { kind: 'name', pattern: /\[name\]((?:\s+[A-Z][a-z'’-]+)+)/g, group: 1, capitalised: true, surname: true },
];

function placeholder(kind: PiiKind): string {
  return `[${kind}]`;
}

function applyRule(text: string, rule: Rule, found: Set<PiiKind>): string {
  return text.replace(rule.pattern, (match: string, ...groups: unknown[]) => {
    const group = rule.group ? (groups[rule.group - 1] as string | undefined) : undefined;
    if (rule.kind === 'name') {
      const candidate = (group ?? '').trim();
      if (!candidate || NOT_NAMES.has(candidate.split(/\s+/)[0].toLowerCase()) || /^\[/.test(candidate)) return match;
      if (rule.capitalised && !/^[A-Z]/.test(candidate)) return match;
      if (rule.surname) return placeholder('name');
    }
    // A reference has at least three digits: "MED-LAC-20417", not "COVID-19" or "A/B".
    if (rule.kind === 'reference' && !group && (match.match(/\d/g)?.length ?? 0) < 3) return match;
    if (rule.kind === 'social-handle' && rule.group === 1 && (!group || NOT_NAMES.has(group.toLowerCase())))
      return match;
    found.add(rule.kind);
    if (group) return match.replace(group, placeholder(rule.kind));
    return placeholder(rule.kind);
  });
}

/** recognizers-text finds phone numbers, emails and URLs in forms our patterns might miss. */
function applyRecognizers(text: string, found: Set<PiiKind>): string {
  const spans: Array<{ start: number; end: number; kind: PiiKind }> = [];
  // Each recogniser only runs when its kind could be there: a phone number we keep has 10+ digits, an email an @,
  // a URL a dot.
  const digits = (text.match(/\d/g) ?? []).length;
  const recognisers = [
    ['phone', recognizePhoneNumber, digits >= 10],
    ['email', recognizeEmail, text.includes('@')],
    ['url', recognizeURL, text.includes('.')],
  ] as const;
  for (const [kind, recognise, worthTrying] of recognisers) {
    if (!worthTrying) continue;
    for (const result of recognise(text, Culture.English)) {
      // Short numbers (116 123, 999, 85258) are helplines or counts, not a person's number.
      if (kind === 'phone' && result.text.replace(/\D/g, '').length < 10) continue;
      spans.push({ start: result.start, end: result.end, kind });
    }
  }
  spans.sort((a, b) => b.start - a.start);
  let output = text;
  let lastStart = Number.POSITIVE_INFINITY;
  for (const span of spans) {
    if (span.end >= lastStart) continue;
    output = `${output.slice(0, span.start)}${placeholder(span.kind)}${output.slice(span.end + 1)}`;
    found.add(span.kind);
    lastStart = span.start;
  }
  return output;
}

/**
 * Replaces personal details with placeholders; idempotent, never throws on odd input.
 * @example scrub("my name is Jordan, call me on 07700 900123").text // "my name is [name], call me on [phone]"
 */
export function scrub(text: string): ScrubResult {
  const found = new Set<PiiKind>();
  let output = (text ?? '').slice(0, MAX_INPUT);
  for (const rule of RULES) output = applyRule(output, rule, found);
  output = applyRecognizers(output, found);
  return { text: output, found: [...found] };
}
