import { z } from 'zod';

export const TASK_TITLE_MAX = 200;
/** Descriptions and answers: the limit for a reply. */
export const TASK_TEXT_MAX = 4_000;

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'validation.invalid')
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), 'validation.invalid');

/** The desk's "Ny oppgave": assigned to the case's company (empty assignee) or to one of its users. */
export const createTaskSchema = z.object({
  caseId: z.uuid('cases.errors.reloadForm'),
  title: z.string().trim().min(1, 'validation.required').max(TASK_TITLE_MAX, 'validation.tooLong'),
  body: z.string().trim().min(1, 'validation.required').max(TASK_TEXT_MAX, 'validation.tooLong'),
  dueOn: z
    .union([z.literal(''), isoDate])
    .optional()
    .transform((value) => value || null),
  assignee: z
    .union([z.literal(''), z.uuid('validation.invalid')])
    .optional()
    .transform((value) => value || null),
});
export type CreateTaskInput = z.infer<typeof createTaskSchema>;

/** Svar: the creditor's answer to one open task of the case. */
export const answerTaskSchema = z.object({
  caseId: z.uuid('cases.errors.reloadForm'),
  taskId: z.uuid('cases.errors.reloadForm'),
  answer: z.string().trim().min(1, 'validation.required').max(TASK_TEXT_MAX, 'tasks.errors.answerTooLong'),
});
export type AnswerTaskInput = z.infer<typeof answerTaskSchema>;

export const TASK_STATUS_ACTIONS = ['close', 'reopen'] as const;
export type TaskStatusAction = (typeof TASK_STATUS_ACTIONS)[number];

/** The desk closes a task (answered or not) or reopens a closed one. */
export const changeTaskStatusSchema = z.object({
  taskId: z.uuid('cases.errors.reloadForm'),
  action: z.enum(TASK_STATUS_ACTIONS, 'cases.errors.reloadForm'),
});
export type ChangeTaskStatusInput = z.infer<typeof changeTaskStatusSchema>;
