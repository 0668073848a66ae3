/** Placeholder: this screen is being built. */
export function HomeScreen() {
  return <h1>Home</h1>;
}
