/** Placeholder: this screen is being built. */
export function StoryEditorScreen() {
  return <h1>Story Editor</h1>;
}
