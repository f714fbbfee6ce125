/**
 * The records and enums of 督查检查 and the 整改台账: rounds, teams and visits; findings, the steps of their timelines, measures, states, warnings and the settings that decide them. Plain Java.
 */
package org.taizhang.inspection.model;
