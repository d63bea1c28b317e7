import * as index from 'botbuilder-dialogs';
import * as library from '../../dialogs/dialogsLibrary';

describe("the bot's way into botbuilder-dialogs", () => {
  it.each(Object.keys(library))("gives the package's own %s, as its index does", (name) => {
    expect(library[name as keyof typeof library]).toBeDefined();
    expect(library[name as keyof typeof library]).toBe(index[name as keyof typeof index]);
  });
});
