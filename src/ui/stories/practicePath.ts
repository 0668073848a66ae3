/** Where interview practice lives: listed before /stories/:id in the routes, so it is not taken for a story. */
export const PRACTICE_PATH = '/stories/practice';

/** The "New story" app shortcut: makes a draft and opens it (listed before /stories/:id too). */
export const NEW_STORY_PATH = '/stories/new';
