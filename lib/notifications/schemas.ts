import { z } from 'zod';

// An unticked checkbox is simply absent from the form; a ticked one posts "on".
const checkbox = z
  .union([z.literal('on'), z.literal('true')])
  .optional()
  .transform((value) => value !== undefined);

/** Innstillinger → Din bruker → Varslinger: Oppgaver and Meldinger. */
export const notificationSettingsSchema = z.object({ tasks: checkbox, messages: checkbox });
export type NotificationSettings = z.infer<typeof notificationSettingsSchema>;
