import type * as z from 'zod/mini';
import { dateSchema, longText, shortText } from './common';
import { defineKind } from './kind';

/**
 * One dated answer to a career-direction prompt. Revising an answer adds a new record, so the
 * mentee can see how their answers changed over the programme.
 */
export const ReflectionKind = defineKind('reflection', {
  content: {
    promptId: shortText,
    answer: longText,
    answeredOn: dateSchema,
  },
  longText: ['answer'],
});
export type Reflection = z.infer<typeof ReflectionKind.schema>;
