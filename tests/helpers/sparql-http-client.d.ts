// Types for the part of sparql-http-client (which ships none) the endpoint's tests use.
declare module "sparql-http-client/ParsingClient.js" {
  import type { DatasetCore, Term } from "@rdfjs/types";

  /** The SPARQL 1.1 Protocol operation: GET, POST of a form, or POST of the query itself. */
  type Operation = "get" | "postUrlencoded" | "postDirect";

  export default class ParsingClient {
    constructor(options: {
      readonly endpointUrl: string;
      readonly headers?: Readonly<Record<string, string>>;
    });
    readonly query: {
      select(query: string, options?: { operation?: Operation }): Promise<Record<string, Term>[]>;
      ask(query: string, options?: { operation?: Operation }): Promise<boolean>;
      construct(query: string, options?: { operation?: Operation }): Promise<DatasetCore>;
    };
  }
}
