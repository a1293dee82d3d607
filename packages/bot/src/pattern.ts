/**
 * What `bot.hears` matches. A string is a whole word or phrase, case-insensitive: "hello" matches "Hello
 * there" and "say hello!" but not "othello". A RegExp is used as given, except that its `g` and `y` flags
 * are dropped: they make `exec` remember where it stopped, so the same message would match only every
 * other time.
 */
export function compilePattern(pattern: unknown): RegExp {
  if (pattern instanceof RegExp) return new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, ""));
  if (typeof pattern !== "string" || pattern.trim() === "") {
    throw new TypeError("bot.hears: the pattern must be a non-empty string or a RegExp");
  }
  const phrase = pattern
    .trim()
    .replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
    .replace(/\s+/g, "\\s+");
  return new RegExp(`(?<![\\p{L}\\p{N}_])${phrase}(?![\\p{L}\\p{N}_])`, "iu");
}
