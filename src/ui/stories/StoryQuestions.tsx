import { answerOf, INTERVIEW_QUESTIONS, type StoryForPractice } from '../../model/interviewQuestions';
import { PRACTICE_PATH } from './practicePath';

/** In the story editor: the interview questions this story answers, and the way to practise them. */
export function StoryQuestions({ story }: { story: StoryForPractice }) {
  const answered = INTERVIEW_QUESTIONS.filter((q) => answerOf(story, q));
  return (
    <p class="meta">
      {answered.length
        ? `Answers ${answered.length} interview ${answered.length === 1 ? 'question' : 'questions'}, by its skills or your links. `
        : 'No interview question matches its skills yet. '}
      <a href={PRACTICE_PATH}>Interview practice</a>
    </p>
  );
}
