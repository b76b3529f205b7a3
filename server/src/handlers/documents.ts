import type { Session } from './session';

/** didOpen / didChange / didClose: the service follows the editor's documents; diagnostics are debounced. */
export function registerDocuments(s: Session): void {
  const { documents, service } = s;
  // TextDocuments fires onDidChangeContent right after onDidOpen: without this, that second event
  // would re-schedule the opened document behind the typing debounce.
  const justOpened = new Map<string, number>();
  documents.onDidOpen((e) => {
    justOpened.set(e.document.uri, e.document.version);
    s.sync(e.document);
    s.schedule(e.document, 0);
  });
  documents.onDidChangeContent((e) => {
    const opened = justOpened.get(e.document.uri);
    justOpened.delete(e.document.uri);
    if (opened === e.document.version) return;
    s.sync(e.document);
    if (s.host.crdSchemas.readPaths.has(s.uriToPath(e.document.uri))) {
      // An open CRD schema file changed: every document validated against it is stale.
      service.invalidate();
      s.revalidateAll();
      return;
    }
    if (service.isHelmValuesFile(s.uriToPath(e.document.uri))) {
      // A chart's values decide its templates' branches: every open document is checked again.
      for (const d of documents.all()) s.schedule(d);
      return;
    }
    s.schedule(e.document);
  });
  documents.onDidClose((e) => {
    justOpened.delete(e.document.uri);
    s.cancel(e.document.uri);
    service.close(s.uriToPath(e.document.uri));
    s.publish(e.document.uri, []);
    s.sendStatus();
  });
}
