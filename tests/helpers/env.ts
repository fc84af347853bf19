/** Runs `f` with some environment variables set, and puts them back as they were afterwards. */
export async function withEnv<T>(
  vars: Readonly<Record<string, string>>,
  f: () => Promise<T>,
): Promise<T> {
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  Object.assign(process.env, vars);
  try {
    return await f();
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}
