/** Placeholder shell, replaced by the real one. */
export function App() {
  return (
    <main>
      <h1>Mentoring Journal</h1>
    </main>
  );
}
