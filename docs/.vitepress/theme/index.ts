/**
 * The docs theme: VitePress's default theme plus the diagrams of the story.
 *
 * Each diagram is a hand-made inline SVG in a Vue component (no diagram
 * library), registered here so that any page can write `<StreamsFanOut />`.
 * They load lazily: a page downloads only the diagrams it shows.
 */
import type { Theme } from 'vitepress';
import DefaultTheme from 'vitepress/theme';
import { defineAsyncComponent } from 'vue';
import './diagrams/diagram.css';

const diagrams = {
  ProcurementLadder: () => import('./diagrams/ProcurementLadder.vue'),
  ServiceModels: () => import('./diagrams/ServiceModels.vue'),
  OrchestrationVsChoreography: () => import('./diagrams/OrchestrationVsChoreography.vue'),
  StreamsFanOut: () => import('./diagrams/StreamsFanOut.vue'),
  KinesisExtension: () => import('./diagrams/KinesisExtension.vue'),
  TtlArchive: () => import('./diagrams/TtlArchive.vue'),
  Pingbot: () => import('./diagrams/Pingbot.vue'),
};

export default {
  extends: DefaultTheme,
  enhanceApp({ app }) {
    for (const [name, load] of Object.entries(diagrams)) app.component(name, defineAsyncComponent(load));
  },
} satisfies Theme;
