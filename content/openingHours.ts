/** Opening hours in Europe/London time: is a service open at a given instant? */
import type { OpeningHours } from './schema';

type Day = 'sun' | 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat';

const londonFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  weekday: 'short',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** The day and minutes since midnight of an instant, in London (GMT or BST as the date requires). */
export function londonTime(now: Date): { day: Day; minutes: number } {
  const parts = Object.fromEntries(londonFormat.formatToParts(now).map((part) => [part.type, part.value]));
  const day = String(parts.weekday).slice(0, 3).toLowerCase() as Day;
  return { day, minutes: Number(parts.hour) * 60 + Number(parts.minute) };
}

const toMinutes = (time: string): number => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/**
 * Whether these hours are open at `now`; 'unknown' when no regular slots are listed (only a note).
 * @example isOpenAt(qwellChatHours, new Date('2026-11-24T13:00:00Z')) // true (Tuesday 1pm in London)
 */
export function isOpenAt(hours: OpeningHours, now: Date): boolean | 'unknown' {
  if (hours.alwaysOpen) return true;
  if (hours.slots.length === 0) return 'unknown';
  const { day, minutes } = londonTime(now);
  return hours.slots.some(
    (slot) => slot.days.includes(day) && toMinutes(slot.opens) <= minutes && minutes < toMinutes(slot.closes),
  );
}
