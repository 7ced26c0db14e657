/** One ```kinkproof fence → its derivation as mdast, or a build stopped at the fence through vfile. */
import { FenceFailure, fenceDerivation } from '../docs/fenceDerivation.js';
import type { FenceOptions } from '../docs/fenceDerivation.js';
import type { File, Flow, HeadingDepth, Node } from './mdast.js';
import { derivationToMdast } from './toMdast.js';

export interface ExpandOptions extends FenceOptions {
  readonly headingDepth: HeadingDepth;
}

/** A malformed fence, bad input, a false claim or a failed verification stops the build at the fence. */
export function expandFence(node: Node, file: File, options: ExpandOptions): Flow[] {
  try {
    const { derivation, warnings } = fenceDerivation(node.value ?? '', options);
    for (const w of warnings) file.message(`kinkproof: ${w}`, node);
    return derivationToMdast(derivation, options.headingDepth);
  } catch (e) {
    if (e instanceof FenceFailure) file.fail(`kinkproof: ${e.message}`, node);
    throw e;
  }
}
