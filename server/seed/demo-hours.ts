import type { WeeklyHours } from '../../common/model.js';

/** Opening hours of the demo office and its service profiles. */

// Fresh objects per day so editing one day's hours in memory cannot change another's.
const morning = () => ({ from: '08:00', to: '12:30' });

export const DEMO_WEEKLY_HOURS: WeeklyHours = {
  '1': [morning(), { from: '13:30', to: '16:00' }],
  '2': [morning(), { from: '13:30', to: '16:00' }],
  '3': [morning(), { from: '13:30', to: '16:00' }],
  // Long Thursday for people who work during the day.
  '4': [morning(), { from: '13:30', to: '18:00' }],
  '5': [morning()],
};

export const DEMO_MORNING_HOURS: WeeklyHours = {
  '1': [morning()],
  '2': [morning()],
  '3': [morning()],
  '4': [morning()],
  '5': [morning()],
};

const allDay = () => [{ from: '00:00', to: '24:00' }];

/** For tests and demos run outside office hours. */
export const ALWAYS_OPEN_HOURS: WeeklyHours = {
  '1': allDay(),
  '2': allDay(),
  '3': allDay(),
  '4': allDay(),
  '5': allDay(),
  '6': allDay(),
  '7': allDay(),
};

export type DemoHoursProfile = 'standard' | 'mornings';

export const DEMO_HOURS_PROFILES: Record<DemoHoursProfile, WeeklyHours> = {
  standard: DEMO_WEEKLY_HOURS,
  mornings: DEMO_MORNING_HOURS,
};
