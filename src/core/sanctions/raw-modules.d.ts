// Lets tests import the shipped annex as text through Vite's `?raw` suffix, without file I/O in src/core.
declare module '*.csv?raw' {
  const text: string;
  export default text;
}
