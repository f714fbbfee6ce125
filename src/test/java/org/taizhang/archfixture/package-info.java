/**
 * A made-up program for {@code ArchitectureTest}: each rule is checked against this tree (as if it were
 * {@code org.taizhang}) and must fail on the class planted to break it. The feature names here ({@code checklist},
 * {@code inspection}) appear in no rule, which is what shows the rules hold for features added later.
 */
package org.taizhang.archfixture;
