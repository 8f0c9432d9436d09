import type { Rule } from '../engine/rule.js';
import placeholder from './placeholder.js';
import punctuationResidue from './punctuation-residue.js';
import duplicateSentence from './duplicate-sentence.js';
import textRecycled from './text-recycled.js';
import duplicateWord from './duplicate-word.js';
import jiezhiUsage from './jiezhi-usage.js';
import mojibake from './mojibake.js';
import traditionalCharacters from './traditional-characters.js';
import webBoilerplate from './web-boilerplate.js';

/** Residue of editing and copying, in catalogue order. */
export const residueRules: Rule[] = [
  placeholder,
  punctuationResidue,
  duplicateSentence,
  textRecycled,
  duplicateWord,
  jiezhiUsage,
  mojibake,
  traditionalCharacters,
  webBoilerplate,
];
