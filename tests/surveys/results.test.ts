import { loadShippedSurveys } from '../../surveys/catalogue';
import { seededRandom } from '../../lib/seededRandom';
import { syntheticAnswers } from '../../surveys/demoData';
import { buildResults, resultsToCsv, type SurveyResults } from '../../surveys/results';
import { suppressGroup } from '../../surveys/suppression';
import { openTestSurveys, type TestSurveys } from '../helpers/surveys';

const [careLeavers, wellbeing] = loadShippedSurveys();

/** Every number published as a count anywhere in the results. */
function publishedCounts(results: SurveyResults): number[] {
  const counts: number[] = [];
  if (results.responses !== null) counts.push(results.responses);
  for (const theme of results.themes) if (theme.answered.count !== null) counts.push(theme.answered.count);
  for (const question of results.questions) {
    for (const cell of [question.answered, question.notAnswered, ...(question.options ?? [])])
      if (cell.count !== null) counts.push(cell.count);
  }
  return counts;
}

describe('small-number suppression', () => {
  it('hides every count under the threshold, zero included', () => {
    expect(suppressGroup([12, 3, 0, 9], 5).map((cell) => cell.count)).toEqual([12, null, null, null]);
  });

  it('hides a second count when one hidden count could be worked out from the total', () => {
    const cells = suppressGroup([40, 3, 12], 5);
    expect(cells.map((cell) => cell.count)).toEqual([40, null, null]);
    expect(cells[1]).toEqual({ count: null, suppressed: true });
  });

  it('does not hide more when the only hidden count is zero (nobody to find)', () => {
    expect(suppressGroup([40, 0], 5).map((cell) => cell.count)).toEqual([40, null]);
  });

  it('never leaves hidden counts adding up to 1 to 4 under a published total (thousands of random groups)', () => {
    const random = seededRandom(7);
    for (let run = 0; run < 5000; run++) {
      const counts = Array.from({ length: 2 + Math.floor(random() * 6) }, () =>
        Math.floor(random() * (random() < 0.5 ? 8 : 40)),
      );
      const cells = suppressGroup(counts, 5);
      const hiddenSum = counts.reduce((sum, count, index) => sum + (cells[index].count === null ? count : 0), 0);
      // A group whose total is under 5 has its total hidden too (by the caller), so only bigger totals are checked.
      if (counts.reduce((sum, count) => sum + count, 0) >= 5) expect(hiddenSum === 0 || hiddenSum >= 5).toBe(true);
      cells.forEach((cell, index) =>
        expect(cell.count === null || (cell.count === counts[index] && cell.count >= 5)).toBe(true),
      );
    }
  });
});

describe('survey results', () => {
  let surveys: TestSurveys;
  beforeEach(async () => {
    surveys = await openTestSurveys({ clock: () => new Date('2026-11-24T12:00:00Z') });
  });
  afterEach(async () => surveys.close());

  const results = (surveyId = careLeavers.id, filters = {}) =>
    buildResults({
      survey: surveyId === careLeavers.id ? careLeavers : wellbeing,
      tallies: surveys.tallies,
      responses: surveys.responses,
      threshold: 5,
      filters,
      clock: () => new Date('2026-11-24T12:00:00Z'),
    });

  it('hides everything, the total included, when fewer than 5 answered', async () => {
    for (let i = 0; i < 3; i++)
      await surveys.responses.saveFromChat(
        {
          surveyId: wellbeing.id,
          surveyVersion: 1,
          answers: [
            { q: 'someone_to_talk', v: 'yes' },
            { q: 'anything_else', v: 'More youth clubs' },
          ],
        },
        { channelId: 'test', userId: `u${i}` },
      );
    const shown = await results(wellbeing.id);
    expect(shown.responses).toBeNull();
    expect(shown.suppressed).toBe(true);
    expect(publishedCounts(shown)).toEqual([]);
    expect(shown.questions.find((question) => question.id === 'anything_else')?.comments).toEqual([]);
    expect(resultsToCsv(shown)).toContain('responses,[c]');
    expect(resultsToCsv(shown)).not.toMatch(/<5/);
  });

  it('marks hidden cells [c] in the CSV, never "<5" for a count of 5 or more hidden to protect another', async () => {
    // 41 people: 39 said yes, 2 said no; "no" (2) is hidden, and so is "yes" so that 2 cannot be worked out.
    for (let i = 0; i < 41; i++)
      await surveys.responses.saveFromChat(
        { surveyId: wellbeing.id, surveyVersion: 1, answers: [{ q: 'someone_to_talk', v: i < 39 ? 'yes' : 'no' }] },
        { channelId: 'test', userId: `m${i}` },
      );
    const csv = resultsToCsv(await results(wellbeing.id));
    expect(csv).not.toMatch(/<\d/);
    expect(csv).toMatch(
      /^note,,,,"\[c\] = hidden: fewer than 5 people, or hidden so that a number under 5 cannot be worked out/m,
    );
    expect(csv).not.toMatch(/DEMO/);
  });

  it('says in the CSV when demo answers are in', async () => {
    await surveys.responses.addSynthetic(
      wellbeing,
      Array.from({ length: 6 }, () => ({ answers: [{ q: 'someone_to_talk', v: 'yes' }] })),
    );
    expect(resultsToCsv(await results(wellbeing.id))).toMatch(
      /^note,,,,"?DEMO: these results include synthetic demo answers/m,
    );
  });

  it("shows comments when 5 people wrote one even if 1 to 4 skipped; never one person's comment alone", async () => {
    for (let i = 0; i < 37; i++)
      await surveys.responses.saveFromChat(
        { surveyId: wellbeing.id, surveyVersion: 1, answers: [{ q: 'anything_else', v: `idea number ${i}` }] },
        { channelId: 'test', userId: `w${i}` },
      );
    for (let i = 0; i < 4; i++)
      await surveys.responses.saveFromChat(
        { surveyId: wellbeing.id, surveyVersion: 1, answers: [{ q: 'anything_else', skipped: true }] },
        { channelId: 'test', userId: `k${i}` },
      );
    expect((await results(wellbeing.id)).questions.find((q) => q.id === 'anything_else')!.comments).toHaveLength(37);
  });

  it('does not show one real comment when only four others answered', async () => {
    await surveys.responses.saveFromChat(
      { surveyId: wellbeing.id, surveyVersion: 1, answers: [{ q: 'anything_else', v: 'my real worry' }] },
      { channelId: 'test', userId: 'real-1' },
    );
    for (let i = 0; i < 4; i++)
      await surveys.responses.saveFromChat(
        { surveyId: wellbeing.id, surveyVersion: 1, answers: [{ q: 'someone_to_talk', v: 'yes' }] },
        { channelId: 'test', userId: `filler-${i}` },
      );
    expect((await results(wellbeing.id)).questions.find((q) => q.id === 'anything_else')!.comments).toEqual([]);
  });

  it('counts a person once per survey even if they answer twice', async () => {
    for (let i = 0; i < 6; i++)
      await surveys.responses.saveFromChat(
        { surveyId: wellbeing.id, surveyVersion: 1, answers: [{ q: 'someone_to_talk', v: 'yes' }] },
        { channelId: 'test', userId: `u${i}` },
      );
    await surveys.responses.saveFromChat(
      { surveyId: wellbeing.id, surveyVersion: 1, answers: [{ q: 'someone_to_talk', v: 'no' }] },
      { channelId: 'test', userId: 'u0' },
    );
    const shown = await results(wellbeing.id);
    expect(shown.responses).toBe(6);
    expect(await surveys.store.collection('responses').countDocuments({ surveyId: wellbeing.id })).toBe(6);
  });

  it('never publishes a count from 1 to 4 in JSON or CSV, whatever the numbers and filters', async () => {
    const random = seededRandom(3);
    for (const size of [4, 5, 6, 9, 17, 40]) {
      await surveys.responses.addSynthetic(
        careLeavers,
        Array.from({ length: size }, () => syntheticAnswers(careLeavers, random)),
      );
      for (const filters of [
        {},
        { ageBands: ['16_17'] },
        { ageBands: ['18_20', '21_25'] },
        { theme: 'money' as const },
      ]) {
        const shown = await results(careLeavers.id, filters);
        for (const count of publishedCounts(shown)) expect(count === 0 || count >= 5).toBe(true);
        const csvCounts = resultsToCsv(shown)
          .trim()
          .split('\n')
          .slice(1)
          .map((line) => line.split(',').at(-1)!);
        for (const cell of csvCounts) expect(/^[1-4]$/.test(cell)).toBe(false);
        const json = JSON.stringify(shown);
        expect(json).not.toMatch(/"count":[1-4][,}]/);
        expect(json).not.toMatch(/"responses":[1-4][,}]/);
      }
    }
  });

  it('matches the running counts to a recount from the stored responses', async () => {
    await surveys.responses.addSynthetic(
      wellbeing,
      Array.from({ length: 50 }, () => syntheticAnswers(wellbeing, seededRandom(9))),
    );
    for (let i = 0; i < 7; i++)
      await surveys.responses.saveFromChat(
        { surveyId: wellbeing.id, surveyVersion: 1, answers: [{ q: 'life_satisfaction', v: 8 }] },
        { channelId: 'test', userId: `u${i}` },
      );
    const before = await results(wellbeing.id);
    await surveys.responses.recount(wellbeing);
    expect(await results(wellbeing.id)).toEqual(before);
    expect(before.responses).toBe(57);
  });

  it('shows scrubbed comments in alphabetical order, only when enough people wrote one', async () => {
    const comments = [
      'Zebra crossings near the hostel',
      'call me on 07700 900123 about it',
      'More drop-ins',
      'Faster replies',
      'Help with bills',
    ];
    for (const [i, text] of comments.entries())
      await surveys.responses.saveFromChat(
        { surveyId: wellbeing.id, surveyVersion: 1, answers: [{ q: 'anything_else', v: text }] },
        { channelId: 'test', userId: `c${i}` },
      );
    for (let i = 0; i < 5; i++)
      await surveys.responses.saveFromChat(
        { surveyId: wellbeing.id, surveyVersion: 1, answers: [{ q: 'anything_else', skipped: true }] },
        { channelId: 'test', userId: `s${i}` },
      );
    const shown = (await results(wellbeing.id)).questions.find((question) => question.id === 'anything_else')!;
    expect(shown.answered.count).toBe(5);
    expect(shown.comments).toEqual([
      'call me on [phone] about it',
      'Faster replies',
      'Help with bills',
      'More drop-ins',
      'Zebra crossings near the hostel',
    ]);
  });

  it('deletes a response with its code and takes it out of the counts', async () => {
    const codes: string[] = [];
    for (let i = 0; i < 6; i++)
      codes.push(
        (
          await surveys.responses.saveFromChat(
            { surveyId: wellbeing.id, surveyVersion: 1, answers: [{ q: 'someone_to_talk', v: 'yes' }] },
            { channelId: 'test', userId: `d${i}` },
          )
        ).deletionCode,
      );
    expect(await surveys.responses.deleteByCode(codes[0])).toBe(true);
    expect(await surveys.responses.deleteByCode(codes[0])).toBe(false);
    expect(await surveys.responses.deleteByCode('otter-maple-comet-42')).toBe(false);
    expect((await results(wellbeing.id)).responses).toBe(5);
  });

  it('writes CSV that a spreadsheet cannot mistake for a formula', async () => {
    for (let i = 0; i < 5; i++)
      await surveys.responses.saveFromChat(
        {
          surveyId: wellbeing.id,
          surveyVersion: 1,
          answers: [{ q: 'anything_else', v: i === 0 ? '=HYPERLINK("x")' : `fine ${i}` }],
        },
        { channelId: 'test', userId: `f${i}` },
      );
    expect(resultsToCsv(await results(wellbeing.id))).toContain(`"'=HYPERLINK(""x"")"`);
  });
});
