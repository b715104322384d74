// `import source from './file.ts?raw'` gives a file's text (Vite's raw import),
// for tests that read what a module imports.
declare module '*?raw' {
  const source: string;
  export default source;
}
