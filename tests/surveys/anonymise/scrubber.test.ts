import { scrub } from '../../../surveys/anonymise/scrubber';

describe('scrubbing personal details from what people type', () => {
  it.each([
    ['my name is Jordan, call me on 07700 900123', 'my name is [name], call me on [phone]'],
    ['my names kayleigh', 'my names [name]'],
    ["I'm called Kayleigh", "I'm called [name]"],
    ['call me Mo', 'call me [name]'],
    ['Please call me on 07700 900789, I am Tyler Jones', 'Please call me on [phone], I am [name]'],
    ['hi im Kayla', 'hi im [name]'],
    ['my PA Sarah Jones never answers', 'my PA [name] never answers'],
    ['my name is Jo Bloggs and I live in Gillingham', 'my name is [name] and I live in Gillingham'],
    ['+44 7700 900123 is my number', '[phone] is my number'],
    ['ring me 07700900123', 'ring me [phone]'],
    ['ring (01634) 123456 after 5', 'ring [phone] after 5'],
    ['email me jordan.smith@gmail.com', 'email me [email]'],
    ['i live at 12 Canterbury Street ME7 1AB', 'i live at [address] [postcode]'],
    ['postcode me4 4tr', 'postcode [postcode]'],
    ['flat 3, 45 high st', '[address]'],
    ['i live on Magpie Hall Road', 'i live on [address]'],
    ['my PA is Sarah and she never answers', 'my PA is [name] and she never answers'],
    ['my social worker Dave is nice', 'my social worker [name] is nice'],
    ['my boyfriend Jake', 'my boyfriend [name]'],
    ['my snap is jordan123', 'my snap is [social-handle]'],
    ['add me on insta kay.l', 'add me on insta [social-handle]'],
    ['follow @jay_99', 'follow [social-handle]'],
    ['instagram.com/jordan.x', '[social-handle]'],
    ['my NI is AB 12 34 56 C', 'my NI is [ni-number]'],
    ['nhs number 943 476 5919', 'nhs number [nhs-number]'],
    ['DOB 03/04/2006', 'DOB [date-of-birth]'],
    ['born on 3rd April 2006', 'born on [date-of-birth]'],
    ['thanks, Jordan', 'thanks, [name]'],
    ['look at www.example.com/page', 'look at [url]'],
    ['أنا أعيش في ME4 4TR ورقمي 07700900123', 'أنا أعيش في [postcode] ورقمي [phone]'],
  ])('turns "%s" into "%s"', (input, expected) => {
    expect(scrub(input).text).toBe(expected);
  });

  it.each([
    'my PA is great',
    'my pa is never there',
    "I'm Muslim and my PA respects that",
    'I am Autistic and I am Stressed',
    'i am tired of waiting',
    'delete otter-maple-comet-42',
    'I got £150 setting up home allowance',
    "I'm 19",
    'I moved in 2023',
    'meet at 3:30',
    'Question 5 was confusing',
    'my appointment is on 3rd April',
    'call samaritans on 116 123',
    'this is my last message',
    'its really hard',
    'my PA is really kind',
    'i need help with housing',
    'شكرا جزيلا',
    '',
  ])('leaves "%s" as it is', (input) => {
    expect(scrub(input).text).toBe(input);
  });

  it('says which kinds it found, and never the values', () => {
    const result = scrub('my name is Jordan, 07700 900123');
    expect(result.found.sort()).toEqual(['name', 'phone']);
    expect(JSON.stringify(result)).not.toContain('Jordan');
  });

  it('is idempotent', () => {
    const once = scrub('my name is Jordan, call 07700 900123, ME7 1AB').text;
    expect(scrub(once).text).toBe(once);
  });

  it('copes with very long input by reading only the first 5,000 characters', () => {
    expect(scrub('a'.repeat(100000)).text.length).toBe(5000);
  });
});
