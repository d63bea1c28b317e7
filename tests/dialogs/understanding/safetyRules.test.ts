import { languageOf } from '../../../content/understanding/corpus';
import { ruleRisk } from '../../../dialogs/understanding/safetyRules';
import { normalise } from '../../../dialogs/understanding/normalise';
import { normaliseArabic } from '../../../dialogs/understanding/textFeatures';

/** The rules read a message as the bot hands it to them: Arabic with one form of alef, ya and ta marbuta. */
const rules = (text: string) => ruleRisk(languageOf(text) === 'ar' ? normaliseArabic(text) : normalise(text));

describe('the hand-written safety rules', () => {
  it.each([
    ['im going to kill myself tonight', 'suicide'],
    ['i took an overdose', 'overdose'],
    ["i OD'd on my meds an hour ago", 'overdose'],
    ['i overdosed on my nans tablets', 'overdose'],
    ['think i overdosed', 'overdose'],
    ['i ODd last night', 'overdose'],
    ['been cutting my arms again', 'self-harm'],
    ['my foster carer keeps hitting me', 'abuse'],
    ['my dad keeps kicking me', 'abuse'],
    ['ive set up a rope in my room', 'suicide'],
    ['how do u tie a noose properly', 'suicide'],
    ['wallah badi mout, ma 7ada bi7ebni', 'suicide'],
    ['ana 3ayza amoot bgd', 'suicide'],
    ['abi amoot w akhalas', 'suicide'],
    ['bghit nmout safi', 'suicide'],
    ['أؤذي نفسي كل ليلة', 'self-harm'],
    ['صرلي شهر بجرح حالي', 'self-harm'],
    ['عندي مشكلة إيذاء النفس من زمان', 'self-harm'],
    ['ana b2ta3 7ali kil lele', 'self-harm'],
    // An idiom elsewhere in the message does not hide what the rest of it says.
    ['suicide squad was rubbish and honestly i want to kill myself', 'suicide'],
  ])('call "%s" %s', (message, kind) => {
    expect(rules(message)).toContain(kind);
  });

  it.each([
    'my landlord is kicking me out',
    'he kicks me out of the flat every time we argue',
    'killing myself laughing at this video 😂',
    'laughing so hard i wanna die',
    'watching suicide squad with my mates tonight',
    'that car has suicide doors its so cool',
    'skipping rope in my room for cardio lol',
    'set up the rope on my climbing frame',
    // Overdosing on food is a joke the rules leave to the model (which learns it from near misses).
    'i overdosed on chicken nuggets last night lol',
    "i OD'd on haribo at the cinema",
    // Arabizi: dying of embarrassment, not wanting to die before seeing Mecca, dying for someone.
    '3ayez amoot mn el kosl, fi 7ada yeshtri el akl?',
    'ma bde amoot bala ma ashoof makka',
    'badi mout 3aleh hal walad',
    'ما بأذي حالي، بس تعبان',
    'ma ba2zi 7ali, bas za3lan',
  ])('leave "%s" to the model (a harmless idiom, or a need)', (message) => {
    expect(rules(message)).toEqual([]);
  });
});
