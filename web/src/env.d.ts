// Module kinds the bundler resolves that TypeScript does not know by itself.
declare module '*?url' {
  const url: string;
  export default url;
}
declare module '*.css';
