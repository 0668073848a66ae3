/** Placeholder: this screen is being built. */
export function GoalDetailScreen() {
  return <h1>Goal Detail</h1>;
}
