/** npm run eval: how well the bot understands messages, by cross-validation over the corpora and on fresh batches. */
import { loadAllBatches, loadCorpus, loadEverydaySets } from '../content/understanding/corpus';
import {
  crossValidate,
  evaluateBatch,
  harmlessFlagged,
  pct,
  unseenMessages,
  withoutSeen,
} from '../dialogs/understanding/evaluation';
import { seenTexts, trainingExamples } from '../dialogs/understanding/model';
import { Understander } from '../dialogs/understanding/understand';

async function main(): Promise<void> {
  const verbose = process.argv.includes('--misses');
  const examples = loadCorpus();
  const k = Number(process.argv.find((arg) => /^--k=\d+$/.test(arg))?.slice(4) ?? 5);
  console.log(
    `Corpora: ${examples.length} labelled messages (${examples.filter((e) => e.language === 'ar').length} in Arabic).`,
  );
  const started = Date.now();
  const cv = await crossValidate(examples, k);
  console.log(`\n${k}-fold cross-validation (each message judged by models trained without it):`);
  console.log(
    `  risk: caught (crisis reply or safety question) ${pct(cv.riskCaught)}; ` +
      `crisis reply at once ${pct(cv.crisisAtOnce)}`,
  );
  console.log(
    `  false alarms: near misses ${pct(cv.nearMissFlagged)}; other everyday messages ${pct(cv.otherFlagged)}`,
  );
  console.log(
    `  needs: right service first ${pct(cv.needTop1)}; in the first two ${pct(cv.needTop2)}; ` +
      `specific subject first ${pct(cv.subjectTop1)}; commands ${pct(cv.commands)}`,
  );
  if (verbose) cv.misses.forEach((miss) => console.log(`    ${miss}`));
  // The model the bot runs: the corpora and the bot's own buttons.
  const training = trainingExamples();
  const understander = Understander.train(training);
  // Figures count only messages the model never saw: a batch's message that is word for word in the training data
  // ("what is this") is left out and said.
  const seen = seenTexts(training);
  for (const batch of loadAllBatches()) {
    if (batch.trainedOn) {
      console.log(
        `\nBatch ${batch.name} (written ${batch.written}; trained on since ${batch.trainedOn}, ` +
          'so only its first run is a fair measure):',
      );
    } else {
      const unseen = withoutSeen(batch, seen);
      const figures = await evaluateBatch(understander, unseen.batch);
      console.log(
        `\nFresh batch ${batch.name} (written ${batch.written}, never trained on; ` +
          `${unseen.of - unseen.left} of its ${unseen.of} messages, word for word in the training data, left out):`,
      );
      console.log(
        [
          `  now: risk caught ${pct(figures.riskCaught)}`,
          `near misses flagged ${pct(figures.safeFlagged)}`,
          `needs right ${pct(figures.needsRight)}`,
          ...(figures.subjectsRight.of ? [`subjects right ${pct(figures.subjectsRight)}`] : []),
          `Arabic risk caught ${pct(figures.arabicRiskCaught)}`,
        ].join('; '),
      );
      if (verbose) figures.misses.forEach((miss) => console.log(`    ${miss}`));
    }
    if (batch.firstRun)
      console.log(
        [
          `  first run (${batch.firstRun.measured}): risk ${batch.firstRun.riskCaught}`,
          `near misses flagged ${batch.firstRun.safeFlagged}`,
          `needs ${batch.firstRun.needsRight}`,
          ...(batch.firstRun.subjectsRight ? [`subjects ${batch.firstRun.subjectsRight}`] : []),
          ...(batch.firstRun.arabicRiskCaught ? [`Arabic risk ${batch.firstRun.arabicRiskCaught}`] : []),
        ].join('; ') + (batch.firstRun.note ? ` (${batch.firstRun.note})` : ''),
      );
  }
  for (const set of loadEverydaySets()) {
    const { tally, flagged } = harmlessFlagged(understander, unseenMessages(set.messages, seen));
    console.log(
      `\nEveryday messages with feeling, ${set.name} (never trained on; ` +
        `${set.messages.length - tally.of} word for word in the training data left out): flagged as risk ${pct(tally)}`,
    );
    if (verbose) flagged.forEach((text) => console.log(`    ${text}`));
  }
  console.log(`\n(${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
