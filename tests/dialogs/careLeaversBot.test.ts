import { botConversation, cardTitles, readable } from '../helpers/bot';

describe('the conversation (user says -> bot replies)', () => {
  it('welcomes a new person: what it is, not a crisis service, urgent help, anonymity, a menu', async () => {
    const chat = botConversation();
    const replies = await chat.send({
      type: 'conversationUpdate',
      membersAdded: [{ id: 'user1', name: 'user' }],
      recipient: { id: 'bot', name: 'bot' },
    });
    const text = readable(replies);
    expect(text).toMatch(/I'm a computer, not a counsellor or an emergency service/);
    expect(text).toMatch(/Call 999/);
    expect(text).toMatch(/NHS 111, mental health option\*\*: Call 111/);
    expect(text).toMatch(/Please don't type your name or address/);
    // Short enough for a phone: two bubbles and six buttons, the last leading to more topics.
    expect(replies).toHaveLength(2);
    const buttons = replies[replies.length - 1].suggestedActions?.actions.map((a) => a.title);
    expect(buttons).toEqual([
      'Feeling low or worried',
      'Housing',
      'Money',
      'Someone to talk to',
      'Not sure what I need',
      'More topics',
    ]);
  });

  it('shows the rest of the menu six buttons at a time', async () => {
    const chat = botConversation();
    await chat.send('hi');
    const more = await chat.send('More topics');
    const buttons = more[more.length - 1].suggestedActions?.actions.map((a) => a.title) ?? [];
    expect(buttons.length).toBeLessThanOrEqual(6);
    expect(buttons).toEqual(expect.arrayContaining(['Health', 'Drugs or alcohol', 'More options']));
    const options = await chat.send('More options');
    expect(options[options.length - 1].suggestedActions?.actions.map((a) => a.title)).toEqual(
      expect.arrayContaining(['Have my say', 'What changed?', 'Being a parent']),
    );
  });

  it('welcomes only once per conversation', async () => {
    const chat = botConversation();
    await chat.send('hi');
    expect(readable(await chat.send('hello'))).not.toMatch(/I'm a computer, not a person/);
  });

  it.each([
    ['been smoking a lot of weed', 'Open Road'],
    ['cant stop thinking bad stuff', 'QWELL'],
    ['my PA never answers', 'Leaving care (16+) team'],
    ['Housing', 'Staying Put'],
    ['i think i have adhd', 'Small Steps'],
  ])('signposts "%s" to %s', async (message, service) => {
    const chat = botConversation();
    await chat.send('hi');
    const titles = cardTitles(await chat.send(message));
    expect(titles.some((title) => title.startsWith(service))).toBe(true);
  });

  it('uses a given age to leave out services the person cannot use', async () => {
    const chat = botConversation();
    await chat.send('hi');
    expect(cardTitles(await chat.send('i feel really low and anxious'))).toContain(
      "NELFT Medway Young People's Wellbeing Service",
    );
    const noted = await chat.send("I'm 22");
    expect(readable(noted)).toMatch(/only show services for someone who is 22/);
    expect(cardTitles(noted)).not.toContain("NELFT Medway Young People's Wellbeing Service");
  });

  it('answers "is it open now?" about the services it just showed, in London time', async () => {
    const chat = botConversation({ now: new Date('2026-11-24T14:00:00Z') });
    await chat.send('hi');
    await chat.send('i feel so anxious');
    const text = readable(await chat.send('r they open now?'));
    expect(text).toMatch(/QWELL.*Open 24 hours/s);
    expect(text).toMatch(/Open now \(Live chat with a mental health worker\)/);
  });

  it('says QWELL live chat is closed at 3am', async () => {
    const chat = botConversation({ now: new Date('2026-11-24T03:00:00Z') });
    await chat.send('hi');
    await chat.send('i feel so anxious');
    expect(readable(await chat.send('is it open now'))).toMatch(/Closed now \(Live chat with a mental health worker\)/);
  });

  it('routes "not sure what I need" through the i-THRIVE questions', async () => {
    const chat = botConversation();
    await chat.send('hi');
    expect(readable(await chat.send('Not sure what I need'))).toMatch(/Are you safe right now\?/);
    expect(readable(await chat.send("Yes, I'm safe"))).toMatch(/What would help most\?/);
    expect(readable(await chat.send('Someone to talk to'))).toMatch(/What is it mostly about\?/);
    const replies = await chat.send('Feeling low or worried');
    expect(readable(replies)).toMatch(/Getting help: short support/);
    expect(cardTitles(replies).length).toBeGreaterThan(0);
  });

  it('gives crisis help at once when someone answers "No" to "are you safe?"', async () => {
    const chat = botConversation();
    await chat.send('hi');
    await chat.send('not sure what i need');
    expect(readable(await chat.send('No'))).toMatch(/I'm a chatbot, so I can't help in an emergency/);
  });

  it('checks for risk in the middle of a dialog too', async () => {
    const chat = botConversation();
    await chat.send('hi');
    await chat.send('not sure what i need');
    const replies = await chat.send('honestly i just want to die');
    expect(readable(replies)).toMatch(/You matter/);
    // The dialog waits where it was: the next answer carries on.
    expect(readable(await chat.send("Yes, I'm safe"))).toMatch(/What would help most\?/);
  });

  it('answers a disclosure of abuse calmly and says who can act on it', async () => {
    const chat = botConversation();
    const text = readable(await chat.send('my foster carer hits me'));
    expect(text).toMatch(/It is not your fault/);
    expect(text).toMatch(/your personal adviser \(PA\) or social worker, or the police/);
    expect(text).toMatch(/Childline/);
  });

  it('leaves Childline out of the crisis lines for someone who said they are 20', async () => {
    const chat = botConversation();
    await chat.send('hi');
    await chat.send("i'm 20");
    const text = readable(await chat.send('i want to kms'));
    expect(text).toMatch(/Samaritans/);
    expect(text).not.toMatch(/Childline/);
  });

  it.each(['help', 'menu', 'Menu please'])('shows the menu for "%s" at any point', async (command) => {
    const chat = botConversation();
    await chat.send('hi');
    await chat.send('not sure what i need');
    const replies = await chat.send(command);
    expect(readable(replies)).toMatch(/What would you like help with\?/);
    expect(readable(await chat.send('Money'))).not.toMatch(/Are you safe right now/);
  });

  it('offers the menu kindly when it does not understand', async () => {
    const chat = botConversation();
    await chat.send('hi');
    const replies = await chat.send('asdfgh');
    expect(replies).toHaveLength(1);
    expect(readable(replies)).toMatch(/I'm not sure I got that\. Is it one of these\? Or try saying it another way/);
    expect(readable(replies)).toMatch(/In danger or need to talk now\?.*Call 999/);
    const buttons = replies[0].suggestedActions?.actions.map((a) => a.title) ?? [];
    expect(buttons.length).toBeLessThanOrEqual(4);
    expect(buttons).toContain('Menu');
  });

  it('tells its fallback apart from a crisis reply: fewer crisis lines', async () => {
    const lines = (text: string) =>
      (text.match(/Call 999|Call 116 123|Call 111|Text SHOUT|Call 0800 1111/g) ?? []).length;
    const fallback = botConversation();
    await fallback.send('hi');
    const crisis = botConversation();
    expect(lines(readable(await fallback.send('asdfgh')))).toBeLessThan(
      lines(readable(await crisis.send('i want to kill myself'))),
    );
  });

  it('talks in Arabic when the person picks it, and remembers the choice', async () => {
    const chat = botConversation();
    await chat.send('hi');
    expect(readable(await chat.send('العربية'))).toMatch(/سأتحدث بالعربية/);
    const replies = await chat.send('أحتاج سكن');
    expect(readable(replies)).toMatch(/هذه أماكن يمكنها المساعدة/);
  });

  it("uses the activity's locale for a new Arabic speaker", async () => {
    const chat = botConversation({ locale: 'ar-EG' });
    expect(readable(await chat.send('مرحبا'))).toMatch(/أنا برنامج كمبيوتر، ولست مستشارًا نفسيًا ولا خدمة طوارئ/);
  });

  it('takes a phone number out of a message before the bot keeps anything', async () => {
    const chat = botConversation();
    await chat.send('hi');
    const replies = await chat.send('my number is 07700 900123 and i need housing');
    expect(readable(replies)).not.toContain('07700');
  });
});
