/** Placeholder: this screen is being built. */
export function ReflectionScreen() {
  return <h1>Reflection</h1>;
}
