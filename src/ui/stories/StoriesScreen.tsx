/** Placeholder: this screen is being built. */
export function StoriesScreen() {
  return <h1>Stories</h1>;
}
