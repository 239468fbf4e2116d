// Lets tests import the reviewed YAML data as text through Vite's `?raw` suffix, without file I/O in src/core.
declare module '*.yaml?raw' {
  const text: string;
  export default text;
}
// The generated rules document, compared with what the data give (rules-table.test.ts).
declare module '*.md?raw' {
  const text: string;
  export default text;
}
