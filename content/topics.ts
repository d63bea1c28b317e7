/** The needs a care leaver can ask about: the shared vocabulary of the recogniser, the menu and the service directory. */
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

/** i-THRIVE groupings (Getting Advice and Signposting, Getting Help, Getting More Help, Getting Risk Support). */
export const THRIVE_GROUPINGS = ['getting-advice', 'getting-help', 'getting-more-help', 'getting-risk-support'] as const;
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
