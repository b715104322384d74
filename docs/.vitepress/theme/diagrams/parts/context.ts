import type { InjectionKey } from 'vue';

/** Ids of the SVG definitions of one figure (arrow heads, hatching), unique on the page. */
export interface FigureIds {
  arrow: string;
  arrowBrand: string;
  hatch: string;
}

export const figureIds: InjectionKey<FigureIds> = Symbol('figure ids');
