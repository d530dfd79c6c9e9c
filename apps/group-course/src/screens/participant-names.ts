/**
 * Names a course's participants so that each can be told apart. Staff know participants by first
 * name or alias, and a course often has two of the same ("Birthe", "Birthe"): the withdraw and
 * follow-up pickers, the attendance ticks and the form links then offered identical choices, and a
 * leader could withdraw the wrong woman. A name that occurs more than once gets the participant
 * code (already in the participants table) after it; a unique name is left as it is.
 */
export function withDistinctNames<T extends { displayName: string; participantCode: string }>(
  enrolments: readonly T[],
): T[] {
  const counts = new Map<string, number>();
  for (const e of enrolments) counts.set(e.displayName, (counts.get(e.displayName) ?? 0) + 1);
  return enrolments.map((e) =>
    (counts.get(e.displayName) ?? 0) > 1
      ? { ...e, displayName: `${e.displayName} (${e.participantCode})` }
      : e,
  );
}
