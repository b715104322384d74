// Lets the type check (tsconfig.json) accept the theme's imports of single-file components.
declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent;
  export default component;
}
