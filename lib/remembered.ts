/** `compute` with each result kept: for values asked for again and again (labels, day numbers, translations). */
export function remembered<K, V>(compute: (key: K) => V): (key: K) => V {
  const results = new Map<K, V>();
  return (key) => {
    if (!results.has(key)) results.set(key, compute(key));
    return results.get(key) as V;
  };
}
