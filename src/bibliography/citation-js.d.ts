/** The part of citation-js's untyped API claimgraph uses (the packages ship no types). */
declare module "@citation-js/core" {
  export class Cite {
    constructor(data: unknown, options?: { readonly forceType?: string });
    readonly data: Record<string, unknown>[];
    format(format: string, options?: Record<string, unknown>): unknown;
  }
  export const plugins: {
    readonly config: { get(name: string): { format: Record<string, unknown> } };
  };
}
declare module "@citation-js/plugin-bibtex";
declare module "@citation-js/plugin-ris";
