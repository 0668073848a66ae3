/** Placeholder: this screen is being built. */
export function MilestonesScreen() {
  return <h1>Milestones</h1>;
}
