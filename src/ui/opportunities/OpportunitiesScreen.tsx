/** Placeholder: this screen is being built. */
export function OpportunitiesScreen() {
  return <h1>Opportunities</h1>;
}
