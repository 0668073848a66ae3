/**
 * Interview practice: common behavioural interview questions, written in our own words, each with
 * the skills it asks about. A story answers a question when one of its skills matches one of the
 * question's (see `skillMatches`) or when the mentee linked it to the question by hand (the story's
 * `questionIds`). Pure: no clock, no database.
 *
 * A question's `id` is stored on stories (`questionIds`) and travels in pair files: never change or
 * reuse one. Its words and skills may be reworded freely.
 */

export interface InterviewQuestion {
  /** Stable id, kept in a story's `questionIds`. */
  id: string;
  /** The question as an interviewer might put it. */
  text: string;
  /**
   * Skills the question asks about, in lower case. A story skill matches one when it holds every
   * word of it ("conflict" matches "Resolving conflict"; "problem solving" matches "Problem-solving");
   * spellings that differ by more than punctuation get an entry each.
   */
  skills: readonly string[];
}

/** The questions, in the order the practice screen lists them. */
export const INTERVIEW_QUESTIONS: readonly InterviewQuestion[] = [
  {
    id: 'unsolved-problem',
    text: 'Tell us about a problem that had been around for a while until you took it on.',
    skills: ['problem solving', 'troubleshooting', 'initiative'],
  },
  {
    id: 'disagreement',
    text: 'Describe a time you disagreed with a colleague. How did the two of you settle it?',
    skills: ['conflict', 'negotiation', 'mediation', 'diplomacy'],
  },
  {
    id: 'mistake',
    text: 'Talk us through a mistake of yours: what happened, and what you did about it.',
    skills: ['accountability', 'responsibility', 'honesty', 'learning from mistakes'],
  },
  {
    id: 'leading-without-title',
    text: 'When have you led a group of people you were not in charge of?',
    skills: ['leadership', 'leading', 'influence', 'influencing'],
  },
  {
    id: 'competing-deadlines',
    text: 'Several pieces of work were due at once. How did you decide what came first?',
    skills: [
      'time management',
      'prioritising',
      'prioritizing',
      'prioritisation',
      'prioritization',
      'planning',
    ],
  },
  {
    id: 'upset-patron',
    text: 'Tell us about helping a patron or customer who arrived frustrated or upset.',
    skills: ['customer service', 'patron service', 'patience', 'empathy', 'de-escalation'],
  },
  {
    id: 'adapting-to-change',
    text: 'Describe a change at work that you did not choose. How did you adjust?',
    skills: ['adaptability', 'flexibility', 'change'],
  },
  {
    id: 'winning-support',
    text: 'When did you bring someone round to an idea they doubted at first?',
    skills: ['persuasion', 'advocacy', 'influence', 'influencing', 'negotiation'],
  },
  {
    id: 'team-result',
    text: 'Tell us about a project where what the team achieved mattered more than your own part.',
    skills: ['teamwork', 'collaboration', 'collaborating', 'team'],
  },
  {
    id: 'evidence-decision',
    text: 'Describe a decision you based on numbers, feedback or other evidence.',
    skills: ['analysis', 'data', 'research', 'evaluation', 'assessment'],
  },
  {
    id: 'learning-fast',
    text: 'When did you have to get to grips with something new in very little time?',
    skills: ['learning', 'curiosity', 'research', 'technology'],
  },
  {
    id: 'unasked-initiative',
    text: 'Tell us about something you started without anyone asking you to.',
    skills: ['initiative', 'creativity', 'innovation', 'programming', 'programme design'],
  },
  {
    id: 'calm-under-pressure',
    text: 'Describe a day when things went wrong. How did you keep going?',
    skills: ['resilience', 'stress', 'crisis', 'composure', 'pressure'],
  },
  {
    id: 'helping-others-grow',
    text: 'When did you help a colleague, volunteer or student learn to do something well?',
    skills: ['mentoring', 'coaching', 'teaching', 'training', 'supervision'],
  },
  {
    id: 'explaining-clearly',
    text: 'Tell us about explaining something complicated to people who were new to it.',
    skills: ['communication', 'presentation', 'presenting', 'public speaking', 'writing', 'instruction'],
  },
  {
    id: 'reaching-the-left-out',
    text: 'Describe making a service or a space work better for people it used to leave out.',
    skills: ['inclusion', 'accessibility', 'outreach', 'community', 'equity', 'diversity'],
  },
  {
    id: 'doing-more-with-less',
    text: 'When did you get something done with too little money, time or help?',
    skills: ['budget', 'budgeting', 'resourcefulness', 'fundraising', 'grant writing'],
  },
  {
    id: 'fixing-a-process',
    text: 'Tell us about a way of working that was not working, and how you improved it.',
    skills: ['process improvement', 'organisation', 'organization', 'efficiency', 'workflow'],
  },
];

/** The words of a text as compared: lower case, accents removed, split at anything not a letter or digit. */
export function comparableWords(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/**
 * Whether a story's skill matches a question's skill: every word of the question's skill is a word
 * of the story's, ignoring case and accents ("Public speaking" and "speaking in public" both match
 * "public speaking"; "Leadership" does not match "lead").
 */
export function skillMatches(storySkill: string, questionSkill: string): boolean {
  const wanted = comparableWords(questionSkill);
  if (!wanted.length) return false;
  const have = new Set(comparableWords(storySkill));
  return wanted.every((word) => have.has(word));
}

/** The parts of a story this needs. */
export interface StoryForPractice {
  id: string;
  title?: string;
  skills?: readonly { name: string }[];
  questionIds?: readonly string[];
  deleted?: boolean;
}

/** Why a story answers a question: the skills that match, and whether the mentee linked it by hand. */
export interface Answer<S extends StoryForPractice> {
  story: S;
  /** The story's skills that match the question's, as the story spells them. */
  matchingSkills: string[];
  linked: boolean;
}

/** How a story answers a question, or undefined when it does not. */
export function answerOf<S extends StoryForPractice>(
  story: S,
  question: InterviewQuestion,
): Answer<S> | undefined {
  if (story.deleted) return undefined;
  const matchingSkills = (story.skills ?? [])
    .map((s) => s.name)
    .filter((name) => question.skills.some((skill) => skillMatches(name, skill)));
  const linked = (story.questionIds ?? []).includes(question.id);
  return matchingSkills.length || linked ? { story, matchingSkills, linked } : undefined;
}

/** One question on the practice screen: the stories that answer it (hand-linked first); a gap when none does. */
export interface QuestionPractice<S extends StoryForPractice> {
  question: InterviewQuestion;
  answers: Answer<S>[];
  gap: boolean;
}

/** Every question with the stories that answer it, in the questions' order; stories keep their order. */
export function practiceQuestions<S extends StoryForPractice>(
  stories: readonly S[],
  questions: readonly InterviewQuestion[] = INTERVIEW_QUESTIONS,
): QuestionPractice<S>[] {
  return questions.map((question) => {
    const answers = stories.flatMap((story) => answerOf(story, question) ?? []);
    const linkedFirst = [...answers.filter((a) => a.linked), ...answers.filter((a) => !a.linked)];
    return { question, answers: linkedFirst, gap: answers.length === 0 };
  });
}
