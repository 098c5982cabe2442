// Name matching: case- and space-insensitive keys, and "did you mean" suggestions.

/** The lookup key of a user-typed name: trimmed, lower-case, inner runs of spaces folded. */
export function nameKey(name: string): string {
  return name.trim().toLowerCase().replace(/\s+/g, ' ');
}

function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, substitution);
      best = Math.min(best, current[j]);
    }
    if (best > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length];
}

/** The part before the first digit: "gpt-" of gpt-5.6-luna, "o" of o3, "dall-e-" of dall-e-3 */
const familyOf = (key: string) => /^\D*/.exec(key)![0];

/** A dated snapshot's suffix ("-2024-07-18", "-2024", "-0613") or "-latest", at the end. */
const DATED = /-(?:\d{4}(?:-\d{2}){0,2}|latest)$/;

/**
 * The names of `typed`'s own family, best first, or [] when it has none: a snapshot of a known
 * model (also a typo'd date: "gpt-4o-mini-2024", "gpt-4o-2024-05-14") → that model, then its
 * dated snapshots; a model family's stem ("gpt-6") → its models (gpt-6-sol, gpt-6-luna, ...).
 */
function familyNames(
  key: string,
  byKey: Map<string, string>,
  released: (name: string) => number,
): string[] {
  const newestFirst = (names: string[]) =>
    names.sort(
      (a, b) => released(b) - released(a) || a.length - b.length || (a < b ? -1 : a > b ? 1 : 0),
    );
  // "gpt-4o-mini-2024-07-19" → "gpt-4o-mini": the model the dated name belongs to
  for (let stem = key; DATED.test(stem);) {
    stem = stem.replace(DATED, '');
    const model = byKey.get(stem);
    if (model === undefined) continue;
    const snapshots = [...byKey.keys()].filter(
      (k) => k.startsWith(`${stem}-`) && DATED.test(k) && k.slice(stem.length).replace(DATED, '') === '', // prettier-ignore
    );
    // the snapshots closest to what was typed first ("-2024-07-19" → "-2024-07-18")
    const near = snapshots
      .map((k) => ({ name: byKey.get(k)!, distance: editDistance(key, k, key.length) }))
      .sort((a, b) => a.distance - b.distance || released(b.name) - released(a.name))
      .map((s) => s.name);
    return [model, ...near];
  }
  // "gpt-6" → the models named "gpt-6-…" (not their dated snapshots)
  const members = [...byKey.keys()].filter((k) => k.startsWith(`${key}-`) && !DATED.test(k));
  return newestFirst(members.map((k) => byKey.get(k)!));
}

/**
 * Up to `count` known names closest to `typed`, best first. A name of a known family suggests
 * that family only (familyNames). Otherwise by edit distance; among equally close names the same
 * family first, then the newest (`released`), then the shortest: "gpt-5.7" → "gpt-5.6".
 */
export function closestNames(
  typed: string,
  known: Iterable<string>,
  count = 3,
  released: (name: string) => number = () => 0,
): string[] {
  const key = nameKey(typed);
  const byKey = new Map<string, string>();
  for (const name of known) if (!byKey.has(nameKey(name))) byKey.set(nameKey(name), name);
  const family = familyNames(key, byKey, released);
  if (family.length > 0) return family.slice(0, count);
  const limit = Math.max(2, Math.floor(key.length / 3));
  const scored: { name: string; rank: number[] }[] = [];
  for (const name of byKey.values()) {
    const candidate = nameKey(name);
    let distance = editDistance(key, candidate, limit);
    // "gpt-4o-2024" or "4o-mini" typed as part of a real id is close too
    if (distance > limit && key.length >= 3 && candidate.includes(key)) distance = limit;
    if (distance > limit) continue;
    const sameFamily = familyOf(candidate) === familyOf(key) ? 0 : 1;
    scored.push({ name, rank: [distance, sameFamily, -released(name), name.length] });
  }
  scored.sort((a, b) => {
    const k = a.rank.findIndex((v, j) => v !== b.rank[j]);
    return k < 0 ? 0 : a.rank[k] - b.rank[k];
  });
  // only the closest: "gpt4o" suggests "gpt-4o", not also "gpt-4"
  const best = scored.length > 0 ? scored[0].rank[0] : 0;
  const closest = scored.filter((s) => s.rank[0] === best).map((s) => s.name);
  return [...new Set(closest)].slice(0, count);
}

export function quoteList(names: string[], joiner = 'or'): string {
  const quoted = names.map((n) => `"${n}"`);
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} ${joiner} ${quoted[quoted.length - 1]}`;
}
