/** Structured logging with pino: ids and counts only, never message text. */
import pino from 'pino';

export type Logger = pino.Logger;

/**
 * Creates the process logger. Redaction is a second line of defence: code must not log text in the first place.
 * @example const log = createLogger('info'); log.info({ requestId }, 'turn handled');
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'care-leavers-bot' },
      redact: {
        paths: [
          'text',
          '*.text',
          'activity.text',
          'body.text',
          'value',
          '*.value',
          'req.body',
          'headers.authorization',
          '*.headers.authorization',
        ],
        censor: '[redacted]',
      },
    },
    destination,
  );
}
