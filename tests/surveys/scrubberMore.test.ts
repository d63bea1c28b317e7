import { asPlainText } from '../../dialogs/whatChanged/whatChangedFeature';
import { scrub } from '../../surveys/anonymise/scrubber';

describe('the scrubber: case references and disguised contact details', () => {
  it.each([
    ['my case number is MED-LAC-20417 can u check', 'my case number is [reference] can u check'],
    ['ref CIN/2023/0042 from the council', 'ref [reference] from the council'],
    ['my mosaic id: 4410293', 'my mosaic id: [reference]'],
    ['case ref 88812345', 'case ref [reference]'],
    ['email me jade at gmail dot com', 'email me [email]'],
    ['its jade(at)hotmail.co.uk', 'its [email]'],
    ['07700 900 123 is my number', '[phone] is my number'],
  ])('"%s" -> "%s"', (input, output) => {
    expect(scrub(input).text).toBe(output);
  });

  it.each([
    'I had COVID-19 last year',
    'doing my GCSEs at 16',
    'A/B testing at college',
    'meet me at 3 at the library',
  ])('leaves "%s" alone', (input) => {
    expect(scrub(input).text).toBe(input);
  });

  it('shows staff-written text in chat as plain words, not links, images or formatting', () => {
    const shown = asPlainText('see [our page](https://evil.example) <img src=x onerror=alert(1)> **now**');
    expect(shown).not.toMatch(/\]\(/);
    expect(shown).not.toMatch(/<img/);
    expect(shown).toContain('\\*\\*now\\*\\*');
  });
});
