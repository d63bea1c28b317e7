/**
 * Staff in Teams (recognised by Entra tenant and object id, never by name) can ask the bot how many answered a survey,
 * with a link to the results.
 */
import { MessageFactory, type TurnContext } from 'botbuilder';
import type { SurveyCount } from '../../surveys/results';
import { normalise } from '../understanding/normalise';

import type { StaffRole } from '../../lib/staffRoles';

export type { StaffRole };

export interface StaffToolsFeature {
  /** Answers a staff question; true when it did. */
  handle(context: TurnContext, text: string): Promise<boolean>;
}

const ASKS_FOR_COUNTS = new RegExp(
  [
    String.raw`^(?:responses|response count|survey count|survey counts|counts|`,
    String.raw`results|survey results|how many (?:people |young people )?(?:have )?(?:answered|`,
    String.raw`responded|replied|did (?:it|the survey))(?: .*)?|how many responses(?: .*)?|`,
    String.raw`staff)$`,
  ].join(''),
);

/**
 * @example
 * createStaffToolsFeature({
 *   roleOf: (context) => 'cicc',
 *   surveyCounts,
 *   resultsUrl: (id) => `https://bot.example.org/cicc/surveys/${id}`,
 *   threshold: 5,
 * })
 */
export function createStaffToolsFeature(deps: {
  roleOf(context: TurnContext): StaffRole | undefined;
  surveyCounts(): Promise<SurveyCount[]>;
  resultsUrl?(surveyId: string): string | undefined;
  threshold: number;
}): StaffToolsFeature {
  return {
    async handle(context, text) {
      if (!ASKS_FOR_COUNTS.test(normalise(text))) return false;
      const role = deps.roleOf(context);
      if (!role) return false;
      const counts = await deps.surveyCounts();
      const focus = counts.filter((survey) => normalise(text).includes(normalise(survey.title)));
      const lines = (focus.length ? focus : counts).map((survey) => {
        const answered = survey.responses === null ? `fewer than ${deps.threshold}` : String(survey.responses);
        const link = deps.resultsUrl?.(survey.id);
        const results = link ? ` [See the results](${link})` : '';
        return `- **${survey.title}** (${survey.status}): ${answered} answered.${results}`;
      });
      await context.sendActivity(
        MessageFactory.text(
          `Survey responses (staff only; counts under ${deps.threshold} are hidden):\n\n${lines.join('\n')}`,
        ),
      );
      return true;
    },
  };
}
