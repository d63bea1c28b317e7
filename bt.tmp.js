// The whole bot's turn logic (state, understanding, dialogs) without HTTP: 200 conversations through the survey.
const { TurnContext, TestAdapter } = require('botbuilder');
const os = require('os'), fs = require('fs'), path = require('path');
const { openServices } = require('./dist/app/services');
const { createBot } = require('./dist/dialogs/createBot');
const { StoreBotStorage } = require('./dist/store/botStorage');
const { scrub } = require('./dist/surveys/anonymise/scrubber');
const { isOpenAt } = require('./dist/content/openingHours');
const { createTranslator } = require('./dist/content/i18n');
(async () => {
  const services = await openServices({ DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'bt-')) }, { preloadUnderstanding: true });
  const content = await services.content();
  const understander = await services.understander();
  await services.surveys.catalogue.setStatus('wellbeing-check-in', 'open');
  const storage = new StoreBotStorage(services.store.collection('botstate'), { singleWriter: true });
  const bot = createBot({ storage, services: { directory: content.directory, isOpenAt, t: createTranslator(), clock: services.clock }, scrub: (t) => scrub(t).text, surveys: services.surveys, understander: async () => understander });
  const adapter = new TestAdapter(async (ctx) => bot.logic(ctx));
  for (const m of bot.middleware) adapter.use(m);
  const m = (text) => ({ type: 'message', text });
  const script = [{ type: 'event', name: 'startSurvey', value: { surveyId: 'wellbeing-check-in' } }, m('yes'), m('7'), m('3'), m('yeah'), m('1 and 3'), m('More places to go at weekends'), m("I'm OK")];
  const turn = async (conv, a) => {
    const ctx = new TurnContext(adapter, { ...a, channelId: 'webchat', serviceUrl: 'http://127.0.0.1/', deliveryMode: 'expectReplies', conversation: { id: conv }, from: { id: 'u' + conv }, recipient: { id: 'bot' } });
    await adapter.runMiddleware(ctx, bot.logic);
  };
  let total = 0n, turns = 0;
  for (let run = 0; run < Number(process.argv[2] ?? 5); run++) {
    const s = process.hrtime.bigint();
    await Promise.all(Array.from({ length: 200 }, async (_, i) => { for (const a of script) await turn(`r${run}c${i}`, a); }));
    if (run >= 1) { total += process.hrtime.bigint() - s; turns += 1600; }
  }
  console.log((Number(total) / 1e6 / turns * 1000).toFixed(0), 'µs per survey turn (bot logic only)');
  await services.close();
})();
