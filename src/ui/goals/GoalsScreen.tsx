/** Placeholder: this screen is being built. */
export function GoalsScreen() {
  return <h1>Goals</h1>;
}
