import pino from 'pino';

export type Logger = pino.Logger;

/** Structured JSON logs. Message text, tokens and personal data are never logged: only ids, kinds and timings. */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'refund-desk' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: ['*.text', '*.token', '*.password', '*.authorization', 'req.headers.authorization'], censor: '[redacted]' },
    },
    destination,
  );
}
