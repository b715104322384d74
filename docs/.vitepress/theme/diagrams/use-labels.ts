import { useData } from 'vitepress';
import { computed, type ComputedRef } from 'vue';
import { pickLabels, type Labels } from './i18n.js';

/** The diagram's words in the language of the page being shown. */
export function useLabels<Words>(labels: Labels<Words>): ComputedRef<Words> {
  const { lang } = useData();
  return computed(() => pickLabels(labels, lang.value));
}
