import { GraphQLError, Kind } from 'graphql';
import type { ASTVisitor, FragmentDefinitionNode, SelectionSetNode, ValidationContext } from 'graphql';

export interface DepthLimits {
  /** Largest depth (fields on the longest path, leaf included) of an ordinary selection. */
  readonly depth: number;
  /** Largest depth below __schema / __type (GraphiQL's own introspection query is 13 deep). */
  readonly introspectionDepth: number;
  /** Most __schema / __type fields in one operation (an alias bomb of introspection). */
  readonly introspectionFields: number;
}

/**
 * A validation rule that refuses too-deep operations before anything runs, introspection included
 * (the complexity plugin checks only the schema's own fields, and recursively: a 2,000-deep selection
 * overflowed it into an internal error). The walk stops one level past the limit, and a fragment's
 * depth is computed once, so deep documents and fragment bombs cost little.
 */
export function depthLimitRule(limits: DepthLimits): (context: ValidationContext) => ASTVisitor {
  return (context) => {
    const memo = new Map<string, number>();
    const visiting = new Set<string>();
    let introspection = 0;

    const fragmentDepth = (fragment: FragmentDefinitionNode, cap: number): number => {
      const name = fragment.name.value;
      const known = memo.get(name);
      if (known !== undefined) return known;
      if (visiting.has(name)) return 0; // a cycle: NoFragmentCyclesRule reports it
      visiting.add(name);
      const d = selectionDepth(fragment.selectionSet, cap);
      visiting.delete(name);
      memo.set(name, d);
      return d;
    };

    /** Depth of a selection set (0 when empty), never counting past `cap`. */
    const selectionDepth = (set: SelectionSetNode | undefined, cap: number): number => {
      if (!set || cap <= 0) return 0;
      let max = 0;
      for (const sel of set.selections) {
        let d: number;
        if (sel.kind === Kind.FIELD) {
          if (sel.name.value === '__schema' || sel.name.value === '__type') introspection += 1;
          d = 1 + selectionDepth(sel.selectionSet, cap - 1);
        } else if (sel.kind === Kind.INLINE_FRAGMENT) {
          d = selectionDepth(sel.selectionSet, cap);
        } else {
          const fragment = context.getFragment(sel.name.value);
          d = fragment ? fragmentDepth(fragment, limits.introspectionDepth + 1) : 0;
        }
        max = Math.max(max, d);
        if (max > cap) return max;
      }
      return max;
    };

    return {
      OperationDefinition(node) {
        for (const sel of node.selectionSet.selections) {
          const isIntrospection = sel.kind === Kind.FIELD && (sel.name.value === '__schema' || sel.name.value === '__type');
          const limit = isIntrospection ? limits.introspectionDepth : limits.depth;
          const depth = selectionDepth({ kind: Kind.SELECTION_SET, selections: [sel] }, limits.introspectionDepth + 1);
          if (depth > limit) {
            context.reportError(
              new GraphQLError(`Query depth exceeds the limit of ${limit}.`, {
                nodes: [sel],
                extensions: { code: 'QUERY_TOO_COMPLEX', kind: 'depth' },
              }),
            );
            return;
          }
        }
        if (introspection > limits.introspectionFields) {
          context.reportError(
            new GraphQLError(`At most ${limits.introspectionFields} __schema/__type fields per operation.`, {
              nodes: [node],
              extensions: { code: 'QUERY_TOO_COMPLEX', kind: 'breadth' },
            }),
          );
        }
      },
    };
  };
}

/**
 * Refuses documents nested deeper than `maxBraces` ({ and ( pairs) or longer than `maxTokens`,
 * before graphql-js parses them: its recursive-descent parser overflows the stack on a few thousand
 * levels (an internal error), and every later pass is linear in the tokens.
 */
export function checkDocumentSize(source: string, maxBraces: number): void {
  let depth = 0;
  for (let i = 0; i < source.length; i += 1) {
    const c = source.charCodeAt(i);
    if (c === 0x22 /* " */) {
      if (source.startsWith('"""', i)) {
        const end = source.indexOf('"""', i + 3);
        i = end < 0 ? source.length : end + 2;
      } else {
        for (i += 1; i < source.length; i += 1) {
          const d = source.charCodeAt(i);
          if (d === 0x5c /* \ */) i += 1;
          else if (d === 0x22 || d === 0x0a) break;
        }
      }
    } else if (c === 0x23 /* # */) {
      const end = source.indexOf('\n', i);
      i = end < 0 ? source.length : end;
    } else if (c === 0x7b /* { */ || c === 0x28 /* ( */ || c === 0x5b /* [ */) {
      depth += 1;
      if (depth > maxBraces) {
        throw new GraphQLError(`The operation is nested deeper than ${maxBraces} levels.`, {
          extensions: { code: 'QUERY_TOO_COMPLEX', kind: 'depth', http: { status: 400 } },
        });
      }
    } else if (c === 0x7d || c === 0x29 || c === 0x5d) {
      depth = Math.max(0, depth - 1);
    }
  }
}
