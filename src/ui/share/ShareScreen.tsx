/** Placeholder: this screen is being built. */
export function ShareScreen() {
  return <h1>Share</h1>;
}
