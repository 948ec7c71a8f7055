import { Kind } from 'graphql';
import type { FieldNode, GraphQLResolveInfo, SelectionSetNode } from 'graphql';

/**
 * The fields selected directly under the field being resolved (through fragments; @skip/@include
 * not evaluated, so this may over-report). For starting work early, never for deciding what to return.
 */
export function selectedFields(info: GraphQLResolveInfo, sets: readonly (SelectionSetNode | undefined)[] = info.fieldNodes.map((n) => n.selectionSet)): FieldNode[] {
  const out: FieldNode[] = [];
  const seen = new Set<string>();
  const visit = (set: SelectionSetNode | undefined): void => {
    for (const sel of set?.selections ?? []) {
      if (sel.kind === Kind.FIELD) out.push(sel);
      else if (sel.kind === Kind.INLINE_FRAGMENT) visit(sel.selectionSet);
      else if (!seen.has(sel.name.value)) {
        seen.add(sel.name.value);
        visit(info.fragments[sel.name.value]?.selectionSet);
      }
    }
  };
  for (const set of sets) visit(set);
  return out;
}

/** Whether a field of this name is selected directly under the field being resolved. */
export function selects(info: GraphQLResolveInfo, name: string): boolean {
  return selectedFields(info).some((f) => f.name.value === name);
}
