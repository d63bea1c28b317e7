import { decodeModel, encodeModel } from '../../../dialogs/understanding/modelFile';
import { Understander } from '../../../dialogs/understanding/understand';
import type { Example } from '../../../content/understanding/corpus';

const examples: Example[] = [
  ...['i want to die', 'gonna end it all tonight', 'i want to kill myself', 'no point living anymore'].map((text) => ({
    text,
    label: 'risk.suicide' as const,
    language: 'en' as const,
  })),
  ...['my phone is dying', 'this traffic is killing me', 'dying for a brew', 'my battery is dead'].map((text) => ({
    text,
    label: 'none.near-miss' as const,
    language: 'en' as const,
  })),
  ...['where can i see a dentist', 'need a dentist', 'toothache dentist help', 'nhs dentist near me'].map((text) => ({
    text,
    label: 'need.dentist' as const,
    language: 'en' as const,
  })),
];

describe('the model cache file', () => {
  const trained = Understander.train(examples);

  it('gives back a model that reads messages exactly as the trained one did', () => {
    const loaded = Understander.fromParts(decodeModel(encodeModel(trained.parts())));
    for (const text of [
      'i want to die tonight',
      'my phone is dying',
      'my phone is dying lol',
      'need a dentist',
      'hello',
    ])
      expect(loaded.understand(text)).toEqual(trained.understand(text));
  });

  it('refuses a torn file, another format or bytes left over, so the caller trains afresh', () => {
    const file = encodeModel(trained.parts());
    expect(() => decodeModel(file.subarray(0, file.length - 4))).toThrow(/cut short/);
    expect(() => decodeModel(Buffer.concat([file, Buffer.alloc(4)]))).toThrow(/left over/);
    expect(() => decodeModel(Buffer.from('{"risk":{}}'))).toThrow();
    expect(() => decodeModel(Buffer.alloc(0))).toThrow(/empty/);
  });
});
