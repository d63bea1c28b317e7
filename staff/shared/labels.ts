/** Words for the values staff pages show (themes, action statuses, stages, owners), from the staff locale file. */
import type { StoredAction } from '../../surveys/actions';
import type { Theme } from '../../surveys/schema';
import type { StaffTranslate } from './i18n';

/** @example themeLabel(t, 'my PA') // 'My PA' */
export const themeLabel = (t: StaffTranslate, theme: Theme): string => t(`themes.${theme.replace(/ /g, '_')}`);
/** @example statusLabel(t, 'doing') // 'Happening now' */
export const statusLabel = (t: StaffTranslate, status: StoredAction['status']): string => t(`actionStatus.${status}`);
/** @example stageLabel(t, 'evidence') // 'Gathering evidence (reading what young people said)' */
export const stageLabel = (t: StaffTranslate, stage: StoredAction['stage']): string => t(`actionStage.${stage}`);
/** @example ownerLabel(t, 'leaving care team') // 'Leaving Care (16+) Team' */
export const ownerLabel = (t: StaffTranslate, owner: StoredAction['ownerRole']): string =>
  t(`actionOwner.${owner.replace(/ /g, '_')}`);

/** How a hidden count reads on a page. @example countText(t, null, 5) // 'fewer than 5' */
export const countText = (t: StaffTranslate, count: number | null, threshold: number): string =>
  count === null ? t('results.fewerThan', { threshold }) : String(count);
