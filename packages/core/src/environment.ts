/** The environment's variables where there is one (Node, Bun, Deno's Node layer); an empty object in browsers. */
export function environment(): Readonly<Record<string, string | undefined>> {
  return typeof process !== "undefined" && process.env ? process.env : {};
}
