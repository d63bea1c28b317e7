/** `npm run lint` part: no line of source, template, stylesheet or script over 120 characters (Prettier cannot wrap
 * strings, comments or Nunjucks templates, so this checks what it leaves). */
const { execFileSync } = require('node:child_process');
const { readFileSync } = require('node:fs');

const LIMIT = 120;
const files = execFileSync('git', ['ls-files', '*.ts', '*.js', '*.cjs', '*.mjs', '*.njk', '*.css', '*.html'], {
  encoding: 'utf8',
})
  .split('\n')
  .filter(Boolean);
const long = [];
for (const file of files)
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, index) => {
      if (line.length > LIMIT) long.push(`${file}:${index + 1}: ${line.length} characters`);
    });
if (long.length) {
  process.stderr.write(`Lines over ${LIMIT} characters:\n${long.join('\n')}\n`);
  process.exit(1);
}
