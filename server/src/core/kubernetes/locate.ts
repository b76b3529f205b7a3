/**
 * Path ↔ node mapping lives with the model it walks (`model/locate.ts`: the index summary in
 * model/resources.ts needs it too); the Kubernetes rules keep importing it from here.
 */
export * from '../model/locate';
