import { crisisResponse } from '../../dialogs/crisis/crisisResponse';
import { botConversation, cardTitles, readable } from '../helpers/bot';
import { RISK_MESSAGES } from './crisis/riskCorpus';
import { RISK_HOLDOUT } from './crisis/riskHoldout';
import { NEED_MESSAGES } from './signposting/needCorpus';
import { NEED_HOLDOUT } from './signposting/needHoldout';

/**
 * End to end through the real bot: every realistic message reaches a service that covers its need, and every risk
 * message gets the crisis response before anything else, even as the very first thing someone says.
 */
describe('realistic messages through the whole bot', () => {
  const { directory } = botConversation();

  it.each([...NEED_MESSAGES, ...NEED_HOLDOUT])('"%s" reaches a service for %s', async (message, topic) => {
    const chat = botConversation({ conversationId: `need-${message}` });
    await chat.send('hi');
    const replies = await chat.send(message);
    const shown = cardTitles(replies).map((title) => directory.services().find((service) => service.name === title));
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.some((service) => service?.topics.includes(topic) || service?.id === 'leaving-care-team')).toBe(true);
  });

  it.each([...RISK_MESSAGES.map(([message]) => message), ...RISK_HOLDOUT])('"%s" gets crisis help first', async (message) => {
    const chat = botConversation({ conversationId: `risk-${message}` });
    const replies = await chat.send(message);
    const text = readable(replies);
    expect(replies[0].text).not.toMatch(/^Hi! I'm a chatbot/);
    expect(text).toMatch(/999/);
    expect(text).toMatch(/I'm a chatbot, so I can't help in an emergency|أنا روبوت محادثة/);
  });

  it('builds the crisis response from data, with a call button for 999', () => {
    const activities = crisisResponse({ t: (_l, key) => key, lines: directory.crisisLines(), locale: 'en-GB', kinds: ['suicide'] });
    const buttons = activities.flatMap((a) => (a.attachments ?? []).flatMap((att) => (att.content as { buttons?: Array<{ value: string }> }).buttons ?? []));
    expect(buttons.map((b) => b.value)).toContain('tel:999');
  });
});
