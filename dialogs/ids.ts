/** Identifiers of dialogs, prompts and state properties, in one place. */
export const THRIVE_ROUTING_DIALOG = 'THRIVE_ROUTING_DIALOG';
export const THRIVE_SAFE_PROMPT = 'THRIVE_SAFE_PROMPT';
export const THRIVE_NEED_PROMPT = 'THRIVE_NEED_PROMPT';
export const THRIVE_TOPIC_PROMPT = 'THRIVE_TOPIC_PROMPT';
export const THRIVE_WATERFALL = 'THRIVE_WATERFALL';

export const SURVEY_DIALOG = 'SURVEY_DIALOG';

export const DIALOG_STATE_PROPERTY = 'dialogState';
export const CONVERSATION_PROFILE_PROPERTY = 'conversationProfile';
export const USER_PROFILE_PROPERTY = 'userProfile';
export const SURVEY_PROGRESS_PROPERTY = 'surveyProgress';
export const SAFETY_CHECK_DIALOG = 'SAFETY_CHECK_DIALOG';
