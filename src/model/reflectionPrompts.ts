/**
 * Career-direction prompts for the mentee's reflection, in our own words. Each answer is a dated
 * Reflection record pointing at a prompt by `id`, so keep the ids stable when the wording changes.
 */
export interface ReflectionPrompt {
  id: string;
  /** The question, as a heading. */
  text: string;
  /** A nudge shown under it. */
  hint: string;
}

export const REFLECTION_PROMPTS: readonly ReflectionPrompt[] = [
  {
    id: 'what',
    text: 'What kind of work do I want to be doing?',
    hint: 'Describe the work itself rather than a job title: the tasks, the people and the problems you would like to spend your days on.',
  },
  {
    id: 'strengths',
    text: 'What am I good at, and which skills do I most want to use?',
    hint: 'Look back at your stories: which skills keep coming up, and which ones gave you energy rather than draining it?',
  },
  {
    id: 'where',
    text: 'Where do I want to do it?',
    hint: 'The kind of library or organisation, its size, the community it serves, the town or region.',
  },
  {
    id: 'factors',
    text: 'What will weigh most when I decide?',
    hint: 'Pay, benefits, how many openings there are, room for a life outside work, anything else that matters to you. Try putting them in order.',
  },
  {
    id: 'inspires',
    text: 'What is one thing about this profession that inspires me?',
    hint: 'A moment, a person or an idea that reminds you why you chose this field.',
  },
  {
    id: 'gap',
    text: 'What stands between me and my goals, and how will I bridge it?',
    hint: 'Name the gap honestly (experience, qualifications, contacts, confidence), then the steps, people and patience that will close it.',
  },
];

/** A prompt by id, or undefined for an id this version does not know. */
export function reflectionPrompt(id: string | undefined): ReflectionPrompt | undefined {
  return REFLECTION_PROMPTS.find((p) => p.id === id);
}
