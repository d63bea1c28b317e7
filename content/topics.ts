/**
 * The needs a care leaver can ask about: the shared vocabulary of the recogniser, the menu and the service directory.
 */
import { z } from 'zod';

export const TOPIC_IDS = [
  'feeling-low', // low mood, anxiety, stress, loneliness, "can't stop thinking bad stuff"
  'drugs-alcohol', // cannabis, drinking, other drugs, someone else's use
  'behaviour-neurodiversity', // anger, behaviour, ADHD, autism, assessments
  'housing', // where to live, Staying Put, homelessness, bills at home
  'money', // benefits, bursaries, grants, debt, setting-up-home allowance
  'health', // GP, dentist, prescriptions, health history, sexual health, pregnancy
  'education-work', // college, university, apprenticeships, jobs, training
  'leaving-care-support', // personal adviser (PA), leaving care team, local offer, rights
  'parenting', // being or becoming a parent, support with a baby or young child
  'someone-to-talk-to', // wants a person to talk to, mentoring, friendship, being heard
] as const;

export const TopicId = z.enum(TOPIC_IDS);
export type TopicId = z.infer<typeof TopicId>;

/**
 * Specific questions inside a topic ("I need a dentist" is health, and dentist): cards tagged with the subject come
 * first.
 * The understanding step learns them from the corpora as `need.<subject>`.
 */
export const SUBJECTS = {
  gp: 'health', // registering with a doctor, seeing a GP
  dentist: 'health', // NHS dentist, toothache, is it free
  'sexual-health': 'health', // STI tests, contraception, morning after pill, pregnancy tests
  prescriptions: 'health', // paying for medicine
  benefits: 'money', // Universal Credit, jobcentre, 16-17 claims
  'council-tax': 'money', // bills and relief for care leavers
  'setting-up-home': 'money', // the setting-up-home allowance, furniture for a first home
  'money-advice': 'money', // debt, bills, budgeting, Citizens Advice
  travel: 'money', // bus pass, railcard, fares
  homeless: 'housing', // eviction, rent arrears, sofa surfing, losing a home soon (tonight is a crisis)
  'housing-options': 'housing', // council housing, Homechoice, supported lodgings, foyers, Staying Put
  bursary: 'education-work', // college and university money
  careers: 'education-work', // jobs, apprenticeships, CVs, careers advice
  'interview-clothes': 'education-work', // clothes and fares for an interview or a new job
  'pa-contact': 'leaving-care-support', // reaching a PA or the 16+ team, out of hours, a new PA
  complaints: 'leaving-care-support', // complaints, advocacy, being treated unfairly
  'id-documents': 'leaving-care-support', // passport, birth certificate, provisional licence
  'care-leaver-status': 'leaving-care-support', // who counts as a care leaver, what they are entitled to
  asylum: 'leaving-care-support', // unaccompanied asylum-seeking young people, immigration help
} as const satisfies Record<string, TopicId>;
export type SubjectId = keyof typeof SUBJECTS;
export const SUBJECT_IDS = Object.keys(SUBJECTS) as SubjectId[];
export const SubjectId = z.enum(SUBJECT_IDS as [SubjectId, ...SubjectId[]]);

/** i-THRIVE groupings (Getting Advice and Signposting, Getting Help, Getting More Help, Getting Risk Support). */
export const THRIVE_GROUPINGS = [
  'getting-advice',
  'getting-help',
  'getting-more-help',
  'getting-risk-support',
] as const;
export const ThriveGrouping = z.enum(THRIVE_GROUPINGS);
export type ThriveGrouping = z.infer<typeof ThriveGrouping>;

/** The kinds of risk the crisis check recognises; each gets crisis help before anything else. */
export const RISK_KINDS = [
  'suicide', // thoughts, plans, means at hand, goodbyes
  'overdose', // pills or poison already taken: 999 or A&E first, even if they feel fine
  'self-harm', // cutting, burning, bleeding that will not stop
  'immediate-danger', // in danger now: threatened, held, followed, attacked
  'someone-else', // a friend or relative is at risk now
  'abuse', // by a partner, family, carer, landlord or staff
  'sexual-violence', // rape, sexual assault
  'exploitation', // sexual (incl. sextortion, sex for rent) or criminal (county lines, drug debts)
  'missing', // ran away, nowhere safe to sleep tonight
] as const;
export const RiskKind = z.enum(RISK_KINDS);
export type RiskKind = z.infer<typeof RiskKind>;
