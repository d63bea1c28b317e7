import { botConversation, cardTitles, readable } from '../helpers/bot';

const CRISIS = /I'm a chatbot, so I can't help in an emergency/;
const SAFETY_QUESTION = /are you thinking about ending your life, or are you not safe right now\?/;

async function firstReplies(message: string) {
  const chat = botConversation({ conversationId: `c-${message}` });
  return chat.send(message);
}

describe("risk in young people's own words, answered in the chat", () => {
  it.each([
    'i took like 20 pills an hour ago',
    'just necked a whole packet of paracetamol',
    'been drinking loads and took some pills, dont really care if i wake up',
  ])('tells "%s" to call 999 or go to A&E first, even if they feel fine', async (message) => {
    const replies = await firstReplies(message);
    expect(replies[0].text).toMatch(/call 999 or go to A&E now, even if you feel fine/);
    // On a phone the call buttons stay in view after the reply: they say it again.
    const card = replies.flatMap((reply) => reply.attachments ?? [])[0]?.content as { title?: string } | undefined;
    expect(card?.title).toBe('Call 999 or go to A&E now, even if you feel fine');
    expect(readable(replies)).toMatch(CRISIS);
  });

  it('tells someone whose friend is at risk how to get help for them', async () => {
    const replies = await firstReplies('my mate took loads of pills and wont wake up');
    expect(replies[0].text).toMatch(/call 999 for them/);
  });

  it('gives a 22-year-old disclosing abuse a crisis reply that says who can act', async () => {
    const chat = botConversation();
    await chat.send('hi');
    await chat.send("i'm 22");
    const text = readable(await chat.send('my boyfriend chokes me when he gets angry'));
    expect(text).toMatch(/It is not your fault/);
    expect(text).toMatch(/Call 999/);
  });

  it('asks straight and kindly about a warning sign, with the lines shown, then takes "no" for an answer', async () => {
    const chat = botConversation();
    await chat.send('hi');
    const asked = await chat.send('sorry for being a burden');
    expect(readable(asked)).toMatch(SAFETY_QUESTION);
    expect(readable(asked)).toMatch(/Samaritans/);
    const answered = await chat.send('no im ok');
    expect(readable(answered)).toMatch(/I'm glad you're safe/);
    expect(cardTitles(answered).length).toBeGreaterThan(0);
  });

  it('gives crisis help when the answer to the safety question is yes', async () => {
    const chat = botConversation();
    await chat.send('hi');
    await chat.send('everyone would be happier without me');
    expect(readable(await chat.send('yeah'))).toMatch(CRISIS);
  });

  it('does not take the "no" in "i have no money for food" as an answer to the safety question', async () => {
    const chat = botConversation();
    await chat.send('hi');
    await chat.send('whats even the point anymore');
    const replies = await chat.send('i have no money for food');
    expect(readable(replies)).not.toMatch(/I'm glad you're safe/);
    expect(readable(replies)).toMatch(/help with money/);
  });

  it('answers an Arabic risk message in Arabic on an English page', async () => {
    const chat = botConversation({ locale: 'en-GB' });
    const replies = await chat.send('بدي انتحر');
    expect(readable(replies)).toMatch(/أنا روبوت محادثة، ولا أستطيع المساعدة في حالة طوارئ/);
  });

  it('"not sure what i need" never loops on a "no" inside a longer message', async () => {
    const chat = botConversation();
    await chat.send('hi');
    await chat.send('Not sure what I need');
    const replies = await chat.send('i have no money for food');
    expect(readable(replies)).not.toMatch(CRISIS);
    expect(readable(replies)).toMatch(/help with money/);
  });

  it('asks "are you safe?" at most twice, then carries on with help', async () => {
    const chat = botConversation();
    await chat.send('hi');
    await chat.send('Not sure what I need');
    expect(readable(await chat.send('hmm'))).toMatch(/Are you safe right now\?/);
    const second = await chat.send('hmm');
    expect(readable(second)).not.toMatch(/Are you safe right now\?/);
    expect(readable(second)).toMatch(/What would help most\?/);
  });
});

describe('no dead ends', () => {
  it.each([
    ['what is this', /I'm a chatbot for young people leaving care in Medway/],
    ['who are you', /I'm a chatbot for young people leaving care in Medway/],
    ['can i talk to a real person', /can't put you through to a person/],
    ['is this anonymous', /I don't ask who you are/],
  ])('answers "%s"', async (message, reply) => {
    const chat = botConversation();
    await chat.send('hi');
    expect(readable(await chat.send(message))).toMatch(reply);
  });

  it('takes "i\'m 19 what can i get" as an age and a question about the local offer', async () => {
    const chat = botConversation();
    await chat.send('hi');
    const replies = await chat.send("i'm 19 what can i get");
    expect(cardTitles(replies)).toContain('Leaving care (16+) team and your personal adviser (PA)');
    expect(readable(await chat.send('i want to kms'))).not.toMatch(/Childline/);
  });

  it.each([
    ['just feel a bit shit tbh', 'QWELL'],
    ["I'm going to be homeless next week", 'Staying Put'],
    ['i have no money for food', 'Leaving care (16+) team and your personal adviser (PA)'],
  ])('signposts "%s" without a crisis reply', async (message, service) => {
    const chat = botConversation();
    await chat.send('hi');
    const replies = await chat.send(message);
    expect(readable(replies)).not.toMatch(CRISIS);
    expect(cardTitles(replies).some((title) => title.startsWith(service))).toBe(true);
  });

  it('switches language when someone types "arabic" and back with "english"', async () => {
    const chat = botConversation();
    await chat.send('hi');
    expect(readable(await chat.send('arabic'))).toMatch(/سأتحدث بالعربية/);
    expect(readable(await chat.send('english'))).toMatch(/I'll talk in English/);
  });
});
