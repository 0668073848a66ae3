/**
 * A "Linked goals" fieldset: one checkbox per goal, ticked when its id is in `selected`.
 * `goals` undefined means they are still loading; `empty` is said when there are none.
 */
export function GoalLinks({
  goals,
  selected,
  onChange,
  empty,
  class: className,
}: {
  goals: readonly { id: string; title?: string }[] | undefined;
  selected: readonly string[];
  onChange: (goalIds: string[]) => void;
  empty: string;
  class?: string;
}) {
  return (
    <fieldset class={className}>
      <legend>Linked goals</legend>
      {goals === undefined ? (
        <p class="empty">Loading goals…</p>
      ) : goals.length === 0 ? (
        <p class="empty">{empty}</p>
      ) : (
        goals.map((goal) => (
          <label key={goal.id} class="check-row">
            <input
              type="checkbox"
              checked={selected.includes(goal.id)}
              onChange={(e) =>
                onChange(
                  e.currentTarget.checked ? [...selected, goal.id] : selected.filter((g) => g !== goal.id),
                )
              }
            />
            {goal.title?.trim() || 'Untitled goal'}
          </label>
        ))
      )}
    </fieldset>
  );
}
