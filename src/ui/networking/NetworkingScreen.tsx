/** Placeholder: this screen is being built. */
export function NetworkingScreen() {
  return <h1>Networking</h1>;
}
