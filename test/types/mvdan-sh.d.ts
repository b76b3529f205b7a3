/** Minimal typings for mvdan-sh (GopherJS build of mvdan.cc/sh), the reference parser of the shell oracle test. */
declare module 'mvdan-sh' {
  interface Pos {
    Offset(): number;
  }
  interface Node {
    Pos(): Pos;
    End(): Pos;
    [field: string]: any;
  }
  interface Parser {
    Parse(src: string, name: string): Node;
  }
  export const syntax: {
    NewParser(...options: unknown[]): Parser;
    Variant(lang: unknown): unknown;
    KeepComments(keep: boolean): unknown;
    LangBash: unknown;
    LangPOSIX: unknown;
    Walk(node: Node, visit: (node: Node | null) => boolean): void;
    NodeType(node: Node): string;
  };
}
