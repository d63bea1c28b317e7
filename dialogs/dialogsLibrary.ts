/**
 * The parts of botbuilder-dialogs the bot uses, imported from the package's own files rather than its index: the
 * index loads every prompt (date and time, number with unit, attachments, OAuth...) and the date-time recognizers
 * for every culture, about 0.6 s of a 3 s start-up, for prompts this bot never uses. Same classes, same objects
 * (tests/dialogs/dialogsLibrary.test.ts checks each is the index's own, so an upgrade that moves a file fails
 * there). Types still come from 'botbuilder-dialogs' itself; they cost nothing at run time.
 */
export { ComponentDialog } from 'botbuilder-dialogs/lib/componentDialog';
export { Dialog, DialogTurnStatus } from 'botbuilder-dialogs/lib/dialog';
export { DialogSet } from 'botbuilder-dialogs/lib/dialogSet';
export { WaterfallDialog } from 'botbuilder-dialogs/lib/waterfallDialog';
export { ChoicePrompt } from 'botbuilder-dialogs/lib/prompts/choicePrompt';
export { ListStyle } from 'botbuilder-dialogs/lib/prompts/prompt';
