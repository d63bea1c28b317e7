/** Bar charts drawn as SVG on the server, titled and described for screen readers; pages put a table beside each. */
import type { OptionResult } from '../../surveys/results';

const escape = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/**
 * A horizontal bar chart of answer counts; hidden counts get no bar and say `hiddenText` ("fewer than 5") instead.
 * @example barChartSvg({ id: 'q1', title: 'Do you have a PA?', options, hiddenText: 'fewer than 5' })
 */
export function barChartSvg(args: { id: string; title: string; options: OptionResult[]; hiddenText: string }): string {
  const { options, hiddenText } = args;
  const rowHeight = 34;
  const labelWidth = 230;
  const barSpace = 330;
  const width = labelWidth + barSpace + 110;
  const height = options.length * rowHeight + 10;
  const max = Math.max(1, ...options.map((option) => option.count ?? 0));
  const rows = options.map((option, index) => {
    const y = index * rowHeight + 5;
    const label = option.label.length > 30 ? `${option.label.slice(0, 29)}…` : option.label;
    const value = option.count === null ? hiddenText : String(option.count);
    const bar =
      option.count === null || option.count === 0
        ? ''
        : `<rect x="${labelWidth}" y="${y + 4}" width="${Math.max(2, Math.round((option.count / max) * barSpace))}" ` +
          `height="${rowHeight - 12}" fill="#1d70b8"/>`;
    const valueX = labelWidth + (option.count ? Math.round((option.count / max) * barSpace) : 0) + 8;
    const middle = y + rowHeight / 2 + 1;
    return (
      `<text x="${labelWidth - 8}" y="${middle}" text-anchor="end" dominant-baseline="middle">${escape(label)}</text>` +
      `${bar}<text x="${valueX}" y="${middle}" dominant-baseline="middle">${escape(value)}</text>`
    );
  });
  const description = options
    .map((option) => `${option.label}: ${option.count === null ? hiddenText : option.count}`)
    .join('; ');
  return [
    `<svg class="app-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="100%" ` +
      `role="img" aria-labelledby="${args.id}-title ${args.id}-desc" ` +
      `font-family="GDS Transport, arial, sans-serif" font-size="16" fill="#0b0c0c">`,
    `<title id="${args.id}-title">${escape(args.title)}</title>`,
    `<desc id="${args.id}-desc">${escape(description)}</desc>`,
    ...rows,
    '</svg>',
  ].join('');
}
