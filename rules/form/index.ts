import type { Rule } from '../engine/rule.js';
import titleFormat from './title-format.js';
import signatureDate from './signature-date.js';
import disclosureDeadline from './disclosure-deadline.js';
import headingSequence from './heading-sequence.js';
import headingNumeralStyle from './heading-numeral-style.js';
import docNumberFormat from './doc-number-format.js';
import citationInconsistent from './citation-inconsistent.js';

export const formRules: Rule[] = [
  titleFormat,
  signatureDate,
  disclosureDeadline,
  headingSequence,
  headingNumeralStyle,
  docNumberFormat,
  citationInconsistent,
];
