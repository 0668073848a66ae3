/** Placeholder: this screen is being built. */
export function SearchScreen() {
  return <h1>Search</h1>;
}
