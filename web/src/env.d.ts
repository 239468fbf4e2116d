// Module kinds the bundler resolves that TypeScript does not know by itself.
declare module '*?url' {
  const url: string;
  export default url;
}
declare module '*.css';
declare module 'virtual:world-shapes' {
  /** The URL of the overview map's projected country outlines (web/vite.config.ts). */
  const url: string;
  export default url;
}
