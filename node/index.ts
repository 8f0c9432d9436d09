/**
 * The file-system side, one path for every caller (CLI, workspace check, editor): bounded reads of regular
 * files, the directory walk, bytes → text view, config lookup, checkFile() and atomic writes.
 */
export { checkDraft, checkFile, fixFile, readView, pendingChangesFinding, emptyDraftFinding, problemText, type CheckFileOptions, type DraftCheck, type DraftContext, type FileCheck, type FileContext, type FileProblem } from './check.js';
export { ConfigLookup, type ConfigLookupOptions, type FoundConfig } from './config.js';
export { DECODERS, decodeBytes, draftExtensions, encodeText, textDecoder, type ContentDecoder, type Decoded, type TextView } from './decode.js';
export { nodeConfigHost, refusalText, writeFileAtomic, writeOutputFile, type WriteResult } from './host.js';
export { MAX_CONFIG_BYTES, MAX_DRAFT_BYTES, insideRoots, readRegularFile, type ReadResult } from './read.js';
export { expandTargets, filesBeside, matchesConfigGlobs, walkDir, type Target, type TargetError } from './walk.js';
export { IGNORE_FILE_NAME, loadIgnore, type IgnoreFilter } from './ignore.js';
export { PreviousFinder, type CandidateFact, type PreviousFinderOptions } from './previous.js';
export { addIgnore, removeIgnore, relativeToConfig, NEW_CONFIG_NAME, type ConfigEditResult } from './configEdit.js';
