/**
 * Realistic survey answers with personal details, written after the scrubber and run before any change
 * (first run: 21 of 24 scrubbed; the misses were a Snapchat handle after "its", a QQ-prefixed NI number and
 * "Thanks, Leah" with a capital T). Each secret must be gone from the scrubbed text.
 */
import { scrub } from '../../../surveys/anonymise/scrubber';

const ANSWERS: Array<[string, string[]]> = [
  ['my pa is called Sharon and she never rings back', ['Sharon']],
  ['text me 07912345678 if u want', ['07912345678']],
  ['add me on snap its kayz_xo', ['kayz_xo']],
  ['my insta is @jayden.b_', ['jayden.b_']],
  ['i live at 22 Canterbury Street gillingham', ['22 Canterbury Street']],
  ['im at flat 3, 40 high st, chatham ME4 4BE', ['ME4 4BE', '40 high st']],
  ['email is tiaa123@hotmail.co.uk', ['tiaa123@hotmail.co.uk']],
  ['my nhs number is 943 476 5919', ['943 476 5919']],
  ['NI number QQ123456C', ['QQ123456C']],
  ['born 14/03/2007', ['14/03/2007']],
  ['dob 3rd march 2006', ['3rd march 2006']],
  ['tiktok.com/@lilmoxx', ['lilmoxx']],
  ['my sw Dave is useless', ['Dave']],
  ['its Chantelle btw', ['Chantelle']],
  ['ring my foster mum on 01634 555123', ['01634 555123']],
  ['my name is kiera-leigh', ['kiera-leigh']],
  ['me and my bf Tyrese got a flat', ['Tyrese']],
  ['facebook.com/jordan.smith.9', ['jordan.smith.9']],
  ['postcode is me7 1pq', ['me7 1pq']],
  ['I am Bradley, 19', ['Bradley']],
  ['my keyworker Mrs Patel helped loads', ['Patel']],
  ['whatsapp me +447700900321', ['+447700900321']],
  ['my pa Amir is good', ['Amir']],
  ['Thanks, Leah', ['Leah']],
];

describe('scrubbing realistic survey answers', () => {
  it.each(ANSWERS)('takes the personal details out of %j', (text, secrets) => {
    const scrubbed = scrub(text).text.toLowerCase();
    for (const secret of secrets) expect(scrubbed).not.toContain(secret.toLowerCase());
  });

  it.each([['thanks, bye'], ['Thanks Mate'], ['cheers x'], ['my snap is on my profile']])('leaves %j alone', (text) => {
    expect(scrub(text).text).toBe(text);
  });
});
